// Lanes (one per partner, plus "Other partners") and what is visible in each at the current
// window: only events that overlap the window are laid out, so the number of drawn marks depends
// on the screen, not on the size of the library. Points and spans narrower than a few pixels are
// clustered; wider spans are packed into rows, and those that find no free row are clustered too,
// so that no mark hides another.
import { EVENT_CATEGORIES, EVENT_KINDS, type TimelineMark } from '../../../../shared/types';
import { categoryIndex, importance, kindIndex, labelFromCounts } from './cluster';
import { firstAtLeast, Scratch, sortedIndexes } from './typed';

export { sortedIndexes };
import { eventSpan, type Span } from './time';
import type { TimeWindow } from './scale';

export interface Placed {
  event: TimelineMark;
  span: Span;
}

export interface LaneSpec {
  /** Partner id, or OTHER_LANE. */
  key: string;
  label: string;
  /** Partner name as events carry it; null for the "Other partners" lane. */
  partner: string | null;
}

export const OTHER_LANE = '__other';

export interface LaneIndex extends LaneSpec {
  /** Sorted by start, then end. */
  events: Placed[];
  /** Longest span in the lane (ms), to find spans that began before the window. */
  maxLength: number;
}

/** Events into lanes. An event naming two lane partners appears in both; "Other" takes events naming none. */
export function buildLanes(events: readonly TimelineMark[], lanes: readonly LaneSpec[]): LaneIndex[] {
  const named = new Set(lanes.filter((l) => l.partner !== null).map((l) => l.partner!));
  const byLane: Placed[][] = lanes.map(() => []);
  // Which lanes an event goes to depends only on its partners; events with the same partners
  // share one array (expandMarks), so this is decided a few thousand times, not per event.
  const targetsOf = new Map<readonly string[], number[]>();
  for (const event of events) {
    let targets = targetsOf.get(event.partners);
    if (targets === undefined) {
      targets = [];
      for (let i = 0; i < lanes.length; i++) {
        const partner = lanes[i]!.partner;
        if (partner === null ? !event.partners.some((n) => named.has(n)) : event.partners.includes(partner)) targets.push(i);
      }
      targetsOf.set(event.partners, targets);
    }
    if (targets.length === 0) continue;
    const placed = { event, span: eventSpan(event) };
    for (const i of targets) byLane[i]!.push(placed);
  }
  return lanes.map((lane, i) => {
    const mine = byLane[i]!;
    // Already nearly in order (events come oldest first): the sort only fixes ties and coarse dates.
    mine.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    let maxLength = 0;
    for (const p of mine) maxLength = Math.max(maxLength, p.span.end - p.span.start);
    return { ...lane, events: mine, maxLength };
  });
}

export type LaneItem =
  | { kind: 'point'; id: string; x: number; event: TimelineMark; span: Span }
  | { kind: 'span'; id: string; x: number; x2: number; row: number; event: TimelineMark; span: Span }
  | LaneCluster;

/**
 * Markers closer than a few pixels, as one. At the widest zoom of a large library one cluster can
 * hold 100,000 events: its member list is made only when asked for (selecting, expanding).
 */
export class LaneCluster {
  readonly kind = 'cluster' as const;
  #members: TimelineMark[] | null = null;

  constructor(
    readonly id: string,
    readonly x: number,
    readonly x2: number,
    readonly label: string,
    /** Members, in order of x: the first, the last, how many. */
    readonly first: TimelineMark,
    readonly last: TimelineMark,
    readonly size: number,
    /** Members by category (EVENT_CATEGORIES order), for the pill's colours. */
    readonly categories: Uint32Array,
    /** The member the cluster is labelled by: the most important (cluster.ts `importance`). */
    readonly top: TimelineMark,
    private readonly refs: Int32Array,
    private readonly eventAt: (ref: number) => TimelineMark,
  ) {}

  get members(): TimelineMark[] {
    this.#members ??= Array.from(this.refs, (r) => this.eventAt(r));
    return this.#members;
  }

  /** Whether the event with this id is a member (without making the member list). */
  includes(id: string): boolean {
    if (this.#members) return this.#members.some((m) => m.id === id);
    for (const r of this.refs) if (this.eventAt(r).id === id) return true;
    return false;
  }
}

export interface LaneLayout {
  key: string;
  label: string;
  /** Markers on the point row, clusters included, sorted by x. */
  marks: LaneItem[];
  /** Span bars, in rows 0..rows-1 below the point row. */
  spans: LaneItem[];
  rows: number;
  /** Every item in reading order (by x), for keyboard navigation. */
  items: LaneItem[];
}

export interface LayoutOptions {
  /** Markers closer than this merge into a cluster. */
  gapPx: number;
  /** Spans narrower than this are drawn (and clustered) on the point row. */
  minSpanPx: number;
  maxSpanRows: number;
}

export const LAYOUT_DEFAULTS: LayoutOptions = { gapPx: 16, minSpanPx: 12, maxSpanRows: 2 };

/**
 * A lane's events indexed for layout, built on its first layout (issue 7: at 177,000 events a
 * lane can hold 140,000, and the widest zoom shows them all): in order of their middle instant,
 * as typed arrays, for the markers; and the spans by length class, for the bars.
 */
interface LaneSearch {
  /** Index into lane.events, in order of middle instant (ties: lane order). */
  order: Int32Array;
  mids: Float64Array;
  /** Length in ms, 0 for a point. */
  lengths: Float64Array;
  starts: Float64Array;
  ends: Float64Array;
  /** In lane order: index into EVENT_KINDS (cluster labels), into EVENT_CATEGORIES (colours), and importance. */
  laneKinds: Uint8Array;
  laneCats: Uint8Array;
  lanePrio: Uint8Array;
  /** Spans (not points) by class floor(log2(length in days)): indexes into lane.events, in lane order. */
  classes: { min: number; max: number; items: number[] }[];
}

const searches = new WeakMap<LaneIndex, LaneSearch>();

function searchOf(lane: LaneIndex): LaneSearch {
  let s = searches.get(lane);
  if (s) return s;
  const n = lane.events.length;
  const mid = new Float64Array(n);
  const byClass = new Map<number, { min: number; max: number; items: number[] }>();
  for (let i = 0; i < n; i++) {
    const sp = lane.events[i]!.span;
    mid[i] = (sp.start + sp.end) / 2;
    if (sp.point) continue;
    const len = sp.end - sp.start;
    const k = Math.floor(Math.log2(Math.max(1, len / DAY_MS)));
    let c = byClass.get(k);
    if (!c) byClass.set(k, (c = { min: Infinity, max: 0, items: [] }));
    c.items.push(i);
    c.min = Math.min(c.min, len);
    c.max = Math.max(c.max, len);
  }
  const order = sortedIndexes(mid, 60_000);
  const mids = new Float64Array(n);
  const lengths = new Float64Array(n);
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const laneKinds = new Uint8Array(n);
  const laneCats = new Uint8Array(n);
  const lanePrio = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const e = lane.events[i]!.event;
    laneKinds[i] = kindIndex(e);
    laneCats[i] = categoryIndex(e);
    lanePrio[i] = importance(e);
  }
  for (let k = 0; k < n; k++) {
    const p = lane.events[order[k]!]!;
    const sp = p.span;
    mids[k] = mid[order[k]!]!;
    starts[k] = sp.start;
    ends[k] = sp.end;
    lengths[k] = sp.point ? 0 : sp.end - sp.start;
  }
  s = { order, mids, lengths, starts, ends, laneKinds, laneCats, lanePrio, classes: [...byClass.values()] };
  searches.set(lane, s);
  return s;
}

const DAY_MS = 86_400_000;

const scratch = new Scratch();

/** First position in `items` (lane indexes, in lane order) whose event starts at or after t. */
function firstStarting(lane: LaneIndex, items: readonly number[], t: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lane.events[items[mid]!]!.span.start < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What to draw for one lane in a window `width` pixels wide. */
export function layoutLane(lane: LaneIndex, w: TimeWindow, width: number, opts: LayoutOptions = LAYOUT_DEFAULTS): LaneLayout {
  const msPerPx = (w.end - w.start) / Math.max(1, width);
  // A margin beyond the edges, so a cluster crossing an edge keeps all its members.
  const margin = Math.max(opts.gapPx * 4, width * 0.1) * msPerPx;
  const from = w.start - margin;
  const to = w.end + margin;
  /** Spans at least this long are bars; shorter ones are markers like points. */
  const minLength = opts.minSpanPx * msPerPx;
  const x = (t: number) => (t - w.start) / msPerPx;
  const search = searchOf(lane);

  // Bars: spans at least minLength long that overlap the window, in lane order. Only the length
  // classes that can hold one are searched, each from the window's start less its longest span.
  const wideAll = scratch.ints(0, lane.events.length);
  let nWide = 0;
  for (const c of search.classes) {
    if (c.max < minLength) continue;
    for (let j = firstStarting(lane, c.items, w.start - c.max); j < c.items.length; j++) {
      const i = c.items[j]!;
      const sp = lane.events[i]!.span;
      if (sp.start >= w.end) break;
      if (sp.end > w.start && sp.end - sp.start >= minLength) wideAll[nWide++] = i;
    }
  }
  const wide = wideAll.subarray(0, nWide).sort();

  // Greedy row packing: each span goes to the first row it does not overlap. A span that finds
  // no free row joins the markers (and so a cluster) rather than hide another span.
  const rowEnds: number[] = [];
  const spans: LaneItem[] = [];
  // Spans that found no row (at some zooms, tens of thousands): their x and lane index.
  const overX = scratch.floats(0, nWide);
  const overIdx = scratch.ints(1, nWide);
  let nOver = 0;
  for (const i of wide) {
    const p = lane.events[i]!;
    const x1 = x(p.span.start);
    const x2 = x(p.span.end);
    let row = rowEnds.findIndex((end) => end <= x1 + 0.5); // touching is fine: 2008 and 2009 share a row
    if (row < 0 && rowEnds.length < opts.maxSpanRows) row = rowEnds.push(x2) - 1;
    if (row < 0) {
      overX[nOver] = (Math.max(x1, 0) + Math.min(x2, width)) / 2;
      overIdx[nOver++] = i;
      continue;
    }
    rowEnds[row] = x2;
    spans.push({ kind: 'span', id: p.event.id, x: x1, x2, row, event: p.event, span: p.span });
  }
  // In order of x (ties: their order), by a native sort of keys: x to 1/1024 px, then j.
  const overflow = sortedIndexes(overX.subarray(0, nOver), 1 / 1024);
  // Kept by the clusters (their members are resolved later, after other layouts reuse the buffers).
  const overLane = overIdx.slice(0, nOver);

  // Markers: points and short spans that overlap [from, to], by their middle, merged with the
  // overflow, then grouped into clusters where closer than gapPx. Typed arrays throughout, no
  // object per event (issue 7: wide zoom steps at 177,000 events).
  const { order, mids, lengths, starts, ends, laneKinds, laneCats, lanePrio } = search;
  const lo = firstAtLeast(mids, from - minLength / 2);
  const cap = mids.length - lo + overflow.length;
  const xs = scratch.floats(1, cap);
  // A ref is a position k in middle order, or -1 - j for overflow[j].
  const refs = scratch.ints(2, cap);
  let m = 0;
  let o = 0;
  for (let k = lo; k < mids.length && mids[k]! <= to + minLength / 2; k++) {
    const len = lengths[k]!;
    if (len !== 0 && len >= minLength) continue; // a bar, or dropped with the bars
    if (ends[k]! < from || starts[k]! > to) continue;
    const xv = (mids[k]! - w.start) / msPerPx;
    while (o < overflow.length && overX[overflow[o]!]! < xv) {
      xs[m] = overX[overflow[o]!]!;
      refs[m++] = -1 - o++;
    }
    xs[m] = xv;
    refs[m++] = k;
  }
  while (o < overflow.length) {
    xs[m] = overX[overflow[o]!]!;
    refs[m++] = -1 - o++;
  }

  const placedAt = (ref: number): Placed => lane.events[ref >= 0 ? order[ref]! : overLane[overflow[-1 - ref]!]!]!;
  const eventAt = (ref: number): TimelineMark => placedAt(ref).event;
  const marks: LaneItem[] = [];
  const counts = new Uint32Array(EVENT_KINDS.length);
  const laneIndex = (ref: number): number => (ref >= 0 ? order[ref]! : overLane[overflow[-1 - ref]!]!);
  let a = 0;
  for (let b = 1; b <= m; b++) {
    if (b < m && xs[b]! - xs[b - 1]! <= opts.gapPx) continue;
    // [a, b) is a group; one wholly off screen is not drawn.
    const firstX = xs[a]!;
    const lastX = xs[b - 1]!;
    if (!(lastX < -opts.gapPx || firstX > width + opts.gapPx)) {
      if (b - a === 1) {
        const p = placedAt(refs[a]!);
        marks.push({ kind: 'point', id: p.event.id, x: firstX, event: p.event, span: p.span });
      } else {
        counts.fill(0);
        const cats = new Uint32Array(EVENT_CATEGORIES.length);
        let top = a;
        let topPrio = -1;
        for (let j = a; j < b; j++) {
          const li = laneIndex(refs[j]!);
          counts[laneKinds[li]!]!++;
          cats[laneCats[li]!]!++;
          if (lanePrio[li]! > topPrio) {
            topPrio = lanePrio[li]!;
            top = j;
          }
        }
        const first = eventAt(refs[a]!);
        // Keyed by its first member, not its size: while zooming, a cluster that grows or
        // shrinks keeps its DOM node (issue 7: zoom steps).
        marks.push(new LaneCluster(`c:${lane.key}:${first.id}`, firstX, lastX, labelFromCounts(counts, b - a), first, eventAt(refs[b - 1]!), b - a, cats, eventAt(refs[top]!), refs.slice(a, b), eventAt));
      }
    }
    a = b;
  }

  const items = [...marks, ...spans].sort((a, b) => centre(a, width) - centre(b, width));
  return { key: lane.key, label: lane.label, marks, spans, rows: rowEnds.length, items };
}

/** Where an item is for navigation: its marker, or the visible middle of a span. */
export function centre(item: LaneItem, width: number): number {
  if (item.kind === 'point') return item.x;
  const a = Math.max(0, item.x);
  const b = Math.min(width, item.x2);
  return (a + b) / 2;
}
