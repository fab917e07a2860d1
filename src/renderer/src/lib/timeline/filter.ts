// The timeline's filters over the loaded marks: partners (the lanes), document, categories, a
// year range and a text filter. Marks carry no text: the words are matched by the library
// (`timelineMatch`, the same rule as src/shared/timelineFilter.ts) and arrive here as the
// positions that match; full events (tests, benchmarks) are matched here.
import type { EventCategory, TimelineEvent, TimelineMark } from '../../../../shared/types';
import { eventMatcher, filterWords } from '../../../../shared/timelineFilter';
import { eventSpan, yearOf } from './time';

export interface TimelineFilter {
  /** Partner names shown as lanes. Empty = every partner. */
  partners: string[];
  /** Also show events that name none of `partners` (in an "Other partners" lane). */
  other: boolean;
  doc: string | null;
  /** Empty = every category. */
  categories: EventCategory[];
  text: string;
  /** Inclusive years; an event counts when its span overlaps them. */
  from: number | null;
  to: number | null;
}

export const NO_FILTER: TimelineFilter = { partners: [], other: true, doc: null, categories: [], text: '', from: null, to: null };

/** Which marks (by position in the loaded list) match a text, as the library answered. */
export interface TextHits {
  text: string;
  hits: Uint8Array;
}

/** TextHits from the positions `timelineMatch` returned, for a list of `count` marks. */
export function textHits(text: string, positions: readonly number[], count: number): TextHits {
  const hits = new Uint8Array(count);
  for (const p of positions) if (p >= 0 && p < count) hits[p] = 1;
  return { text, hits };
}

const isFull = (e: TimelineMark): e is TimelineEvent => 'summary' in e && 'quote' in e;

/**
 * The marks that pass the filter. With words in `f.text`: `hits` when given (possibly for the
 * previous text, until the library answers for this one); without them, full events are matched
 * here and bare marks are kept.
 */
export function filterEvents<T extends TimelineMark>(events: readonly T[], f: TimelineFilter, hits: TextHits | null = null): T[] {
  const words = filterWords(f.text).length > 0;
  const local = words && !hits ? eventMatcher(f.text) : null;
  const partners = new Set(f.partners);
  const categories = new Set(f.categories);
  const years = f.from !== null || f.to !== null;
  // Events with the same partners share one array (expandMarks): decide once per array.
  const partnerOk = new Map<readonly string[], boolean>();
  const out: T[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (f.doc && e.docSlug !== f.doc) continue;
    if (categories.size > 0 && !categories.has(e.category)) continue;
    if (partners.size > 0 && !f.other) {
      let ok = partnerOk.get(e.partners);
      if (ok === undefined) {
        ok = e.partners.some((p) => partners.has(p));
        partnerOk.set(e.partners, ok);
      }
      if (!ok) continue;
    }
    if (years) {
      const s = eventSpan(e);
      // The span's last instant is one millisecond before its end.
      const first = yearOf(s.start);
      const last = yearOf(s.point ? s.end : s.end - 1);
      if (f.from !== null && last < f.from) continue;
      if (f.to !== null && first > f.to) continue;
    }
    if (words) {
      if (hits) {
        if (hits.hits[i] !== 1) continue;
      } else if (local && isFull(e) && !local(e)) continue;
    }
    out.push(e);
  }
  return out;
}

/** Events per partner name, most first: the default lanes and the lane chooser's counts. */
export function partnerCounts(events: readonly TimelineMark[]): Map<string, number> {
  const perSet = new Map<readonly string[], number>();
  for (const e of events) perSet.set(e.partners, (perSet.get(e.partners) ?? 0) + 1);
  const counts = new Map<string, number>();
  for (const [set, n] of perSet) for (const p of set) counts.set(p, (counts.get(p) ?? 0) + n);
  return new Map([...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

/** How many events end before the window or start after it: what the header says is outside it. */
export function outsideWindow(events: readonly TimelineMark[], w: { start: number; end: number } | null): { earlier: number; later: number } {
  let earlier = 0;
  let later = 0;
  if (w) {
    for (const e of events) {
      const s = eventSpan(e);
      if (s.end < w.start) earlier++;
      else if (s.start > w.end) later++;
    }
  }
  return { earlier, later };
}
