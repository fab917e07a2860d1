// The timeline view's state: the loaded marks (one per event, without text), the filters and
// zoom window (mirrored in the URL), the lanes, what is selected, and the full events fetched for
// what is on show. One instance per view; components read it and call its methods, the pure
// modules beside it do the arithmetic.
import type { EventCategory, PartnerSummary, TimelineEvent, TimelineMark } from '../../../../shared/types';
import { filterWords } from '../../../../shared/timelineFilter';
import { EventDetails, type FetchEvents } from './details.svelte';
import { filterEvents, partnerCounts, type TextHits, type TimelineFilter } from './filter';
import { buildLanes, OTHER_LANE, type LaneIndex, type LaneSpec } from './layout';
import { clampWindow, fitWindow, limitsFor, panWindow, zoomWindow, type Limits, type TimeWindow } from './scale';
import { eventSpan, utc } from './time';
import { EMPTY_QUERY, parseTimelineQuery, timelineQueryString, type TimelineQuery } from './url';

/** Lanes shown when the URL names none: the partners with the most events. */
export const DEFAULT_LANE_COUNT = 6;

export type Selection = { kind: 'event'; id: string } | { kind: 'cluster'; ids: string[]; label: string } | null;

export class TimelineState {
  /** Every event's mark, oldest first (full TimelineEvents work too: tests, benchmarks). */
  events = $state.raw<readonly TimelineMark[]>([]);
  /** The library's answer to the text filter, by position in `events`; set by the view. */
  textHits = $state.raw<TextHits | null>(null);
  /** Summaries, quotes and anchors of the events on show. */
  readonly details: EventDetails;
  partners = $state.raw<PartnerSummary[]>([]);
  query = $state.raw<TimelineQuery>(EMPTY_QUERY);
  /** The zoom window; null until the events are known (then it fits them). */
  window = $state.raw<TimeWindow | null>(null);
  selection = $state.raw<Selection>(null);

  /** `fetchEvents` loads full events by id (the view passes `desk.timelineEvents`). */
  constructor(fetchEvents: FetchEvents | null = null) {
    this.details = new EventDetails(fetchEvents);
  }

  /** Partner name → id, from the library's partner list (events carry names). */
  idOf = $derived.by(() => {
    const m = new Map<string, string>();
    for (const p of this.partners) m.set(p.name, p.id);
    return m;
  });
  nameOf = $derived.by(() => {
    const m = new Map<string, string>();
    for (const p of this.partners) m.set(p.id, p.name);
    return m;
  });

  counts = $derived(partnerCounts(this.events));

  /** Partner names in lane order: the URL's, or the busiest partners. */
  laneNames = $derived.by(() => {
    if (this.query.lanes.length > 0) return this.query.lanes.map((id) => this.nameOf.get(id) ?? id);
    return [...this.counts.keys()].slice(0, DEFAULT_LANE_COUNT);
  });

  filter = $derived<TimelineFilter>({
    partners: this.laneNames,
    other: this.query.other,
    doc: this.query.doc,
    categories: this.query.categories,
    text: this.query.text,
    from: this.query.from,
    to: this.query.to,
  });

  /** Hits that belong to these marks (for this text, or the last one until the library answers). */
  #hits = $derived(this.textHits && this.textHits.hits.length === this.events.length ? this.textHits : null);

  /** Full events are matched here; marks need the library's answer. */
  #fullEvents = $derived(this.events.length > 0 && 'summary' in this.events[0]!);

  /** Words typed that the library has not answered for yet. */
  textPending = $derived(filterWords(this.query.text).length > 0 && this.#hits?.text !== this.query.text && !this.#fullEvents);

  filtered = $derived(filterEvents(this.events, this.filter, this.#hits));

  laneSpecs = $derived.by<LaneSpec[]>(() => {
    const specs: LaneSpec[] = this.laneNames.map((name) => ({ key: this.idOf.get(name) ?? name, label: name, partner: name }));
    if (this.query.other) specs.push({ key: OTHER_LANE, label: this.laneNames.length ? 'Other partners' : 'All events', partner: null });
    return specs;
  });

  lanes = $derived<LaneIndex[]>(buildLanes(this.filtered, this.laneSpecs));

  /** From the first shown event's start to the last one's end. */
  filteredExtent = $derived<TimeWindow | null>(this.extent(this.filtered));

  /** Limits from all events (so zooming does not jump when a filter changes). */
  limits = $derived<Limits>(limitsFor(this.extent(this.events)));

  byId = $derived.by(() => new Map(this.events.map((e) => [e.id, e])));

  selectedMarks = $derived.by<TimelineMark[]>(() => {
    const s = this.selection;
    if (!s) return [];
    const ids = s.kind === 'event' ? [s.id] : s.ids;
    return ids.map((id) => this.byId.get(id)).filter((e): e is TimelineMark => e !== undefined);
  });

  /** The full event behind a mark, once loaded (a mark that is a full event is its own). */
  detailOf(mark: TimelineMark): TimelineEvent | undefined {
    return 'summary' in mark ? (mark as TimelineEvent) : this.details.get(mark.id);
  }

  /** The query string this state stands for (what the URL should say). */
  queryString = $derived.by(() =>
    timelineQueryString({
      ...this.query,
      window: this.window,
      selected: this.selection?.kind === 'event' ? this.selection.id : null,
    }),
  );

  extent(events: readonly TimelineMark[]): TimeWindow | null {
    if (events.length === 0) return null;
    let start = Infinity;
    let end = -Infinity;
    for (const e of events) {
      const s = eventSpan(e);
      start = Math.min(start, s.start);
      end = Math.max(end, s.end);
    }
    return { start, end };
  }

  /** Take a query string from the URL (first load, back/forward). */
  applyQuery(qs: string): void {
    const q = parseTimelineQuery(qs);
    this.query = q;
    // Before the events are known the limits are not either: keep the window as given until then.
    if (q.window) this.window = this.events.length ? clampWindow(q.window, this.limits) : q.window;
    else if (q.from !== null || q.to !== null) this.fitYears(q.from, q.to);
    else if (this.events.length) this.fitDense();
    this.selection = q.selected ? { kind: 'event', id: q.selected } : null;
  }

  /** Once events are loaded: a window that fits what is shown, unless the URL gave one. */
  ensureWindow(): void {
    if (this.events.length === 0) return;
    if (this.window) {
      this.window = clampWindow(this.window, this.limits);
      return;
    }
    if (this.query.from !== null || this.query.to !== null) return this.fitYears(this.query.from, this.query.to);
    this.fitDense();
  }

  /** The first view: from the 5th percentile of start dates to the last event, so a lone early outlier (plans of the 1700s) does not squeeze the rest; "Show all" goes further. */
  fitDense(): void {
    const shown = this.filtered.length ? this.filtered : this.events;
    if (shown.length === 0) return;
    const starts = new Float64Array(shown.length);
    let end = -Infinity;
    for (let i = 0; i < shown.length; i++) {
      const s = eventSpan(shown[i]!);
      starts[i] = s.start;
      end = Math.max(end, s.end);
    }
    starts.sort();
    const from = starts[Math.floor(starts.length * 0.05)]!;
    this.window = fitWindow(from, end, this.limits);
  }

  set(patch: Partial<TimelineQuery>): void {
    this.query = { ...this.query, ...patch };
  }

  // --- filters ---------------------------------------------------------------------------

  /** Lanes as partner names; stored in the URL as ids. */
  setLanes(names: string[]): void {
    this.set({ lanes: names.map((n) => this.idOf.get(n) ?? n) });
  }

  onlyPartner(name: string | null): void {
    if (name === null) this.set({ lanes: [], other: true });
    else this.set({ lanes: [this.idOf.get(name) ?? name], other: false });
  }

  addLane(name: string): void {
    if (!this.laneNames.includes(name)) this.setLanes([...this.laneNames, name]);
  }

  removeLane(name: string): void {
    this.setLanes(this.laneNames.filter((n) => n !== name));
  }

  moveLane(name: string, by: number): void {
    const names = [...this.laneNames];
    const i = names.indexOf(name);
    const j = i + by;
    if (i < 0 || j < 0 || j >= names.length) return;
    [names[i], names[j]] = [names[j]!, names[i]!];
    this.setLanes(names);
  }

  toggleCategory(c: EventCategory): void {
    const has = this.query.categories.includes(c);
    this.set({ categories: has ? this.query.categories.filter((x) => x !== c) : [...this.query.categories, c] });
  }

  setYears(from: number | null, to: number | null): void {
    this.set({ from, to });
    this.fitYears(from, to);
  }

  // --- zoom and pan ------------------------------------------------------------------------

  fitYears(from: number | null, to: number | null): void {
    const ext = this.extent(this.filtered.length ? this.filtered : this.events);
    const start = from !== null ? utc(from) : ext?.start;
    const end = to !== null ? utc(to + 1) : ext?.end;
    if (start === undefined || end === undefined || end <= start) return;
    this.window = fitWindow(start, end, this.limits, 0); // exactly the years asked for
  }

  fitAll(): void {
    const ext = this.extent(this.filtered.length ? this.filtered : this.events);
    if (ext) this.window = fitWindow(ext.start, ext.end, this.limits);
  }

  fit(start: number, end: number): void {
    this.window = fitWindow(start, end, this.limits, 0.08);
  }

  zoom(factor: number, anchor?: number): void {
    const w = this.window;
    if (!w) return;
    this.window = zoomWindow(w, factor, anchor ?? (w.start + w.end) / 2, this.limits);
  }

  pan(fraction: number): void {
    if (this.window) this.window = panWindow(this.window, fraction, this.limits);
  }

  setWindow(w: TimeWindow): void {
    this.window = clampWindow(w, this.limits);
  }

  // --- selection ---------------------------------------------------------------------------

  select(s: Selection): void {
    this.selection = s;
  }
}
