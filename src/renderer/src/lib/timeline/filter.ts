// The timeline's filters over the loaded events: partners (the lanes), document, categories, a
// text filter (the same matcher the library service uses) and a year range.
import type { EventCategory, TimelineEvent } from '../../../../shared/types';
import { eventMatcher } from '../../../../shared/timelineFilter';
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

export function filterEvents(events: readonly TimelineEvent[], f: TimelineFilter): TimelineEvent[] {
  const text = eventMatcher(f.text);
  const partners = new Set(f.partners);
  const categories = new Set(f.categories);
  return events.filter((e) => {
    if (f.doc && e.docSlug !== f.doc) return false;
    if (categories.size > 0 && !categories.has(e.category)) return false;
    if (partners.size > 0 && !f.other && !e.partners.some((p) => partners.has(p))) return false;
    if (f.from !== null || f.to !== null) {
      const s = eventSpan(e);
      // The span's last instant is one millisecond before its end.
      const first = yearOf(s.start);
      const last = yearOf(s.point ? s.end : s.end - 1);
      if (f.from !== null && last < f.from) return false;
      if (f.to !== null && first > f.to) return false;
    }
    return text(e);
  });
}

/** Events per partner name, most first: the default lanes and the lane chooser's counts. */
export function partnerCounts(events: readonly TimelineEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of events) for (const p of e.partners) counts.set(p, (counts.get(p) ?? 0) + 1);
  return new Map([...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}
