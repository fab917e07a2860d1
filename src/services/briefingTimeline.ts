// The briefing sheet's short timeline: how much a dated event matters, and the best few, one
// per date and milestone.
import type { DateValue, TimelineEvent } from '../shared/types';
import { describeDate } from './compareDates';
import { chronological, eventScore as scoreEvent, type RankedEvent } from '../core/eventRanks';
import type { LibraryView } from './libraryView';

/** The briefing's rank of an event (core/eventRanks.ts); `aboutDocs`: the documents about the partner. */
export function eventScore(e: TimelineEvent, aboutDocs: ReadonlySet<string>): number {
  return scoreEvent(e, aboutDocs.has(e.docSlug));
}

/**
 * A chosen event and how it ranks among the chosen: 0 for a pinned one, then 1 for the most
 * important. A sheet shortened to fit its pages drops the highest numbers first.
 */
export type PickedEvent = TimelineEvent & { importance: number };

/** Numbers events listed most important first (pinned ones 0), then puts them oldest first. */
function byImportanceThenDate<T>(chosen: readonly T[], event: (r: T) => TimelineEvent, isPinned: (r: T) => boolean, order: (a: T, b: T) => number): PickedEvent[] {
  let n = 0;
  const numbered = chosen.map((r) => ({ r, importance: isPinned(r) ? 0 : ++n }));
  return numbered.sort((a, b) => order(a.r, b.r)).map(({ r, importance }) => ({ ...event(r), importance }));
}

/** The best `cap` events (pinned ones always, on top of the cap), one per date and milestone, oldest first. */
export function pickEvents(events: readonly TimelineEvent[], cap: number, score: (e: TimelineEvent) => number, pinned: ReadonlySet<string> = new Set()): PickedEvent[] {
  const ranked = events.map((e, i) => ({ e, i, s: pinned.has(e.id) ? Infinity : score(e) })).sort((a, b) => b.s - a.s || a.i - b.i);
  const chosen: typeof ranked = [];
  for (const r of ranked) {
    const isPinned = r.s === Infinity;
    if (!isPinned && (chosen.filter((c) => c.s !== Infinity).length >= cap || r.s < 0)) continue;
    if (!isPinned && chosen.some((c) => sameEvent(c.e, r.e))) continue;
    chosen.push(r);
  }
  return byImportanceThenDate(chosen, (r) => r.e, (r) => r.s === Infinity, (a, b) => a.i - b.i);
}

/**
 * pickEvents over a partner's whole timeline, reading it best first by the build-time score
 * (partner_events) only as far as the cap and the duplicates need: the pinned events (unless
 * excluded) always, then the best-scored others, one per date and milestone, oldest first.
 */
export function pickRankedEvents(
  library: Pick<LibraryView, 'partnerEventsRanked' | 'partnerEventsAmong'>,
  partnerId: string,
  cap: number,
  pinned: ReadonlySet<string>,
  excluded: ReadonlySet<string>,
): PickedEvent[] {
  const kept = pinned.size > 0 ? library.partnerEventsAmong(partnerId, [...pinned]).filter((r) => !excluded.has(r.event.id)) : [];
  let chosen: RankedEvent[] = [];
  for (let limit = Math.max(32, cap * 8); ; limit *= 4) {
    const ranked = library.partnerEventsRanked(partnerId, 'score', limit);
    chosen = [...kept];
    let unpinned = 0;
    let done = ranked.length < limit;
    for (const r of ranked) {
      if (pinned.has(r.event.id) || excluded.has(r.event.id)) continue;
      if (unpinned >= cap || r.rank < 0) {
        done = true;
        break;
      }
      if (chosen.some((c) => sameEvent(c.event, r.event))) continue;
      chosen.push(r);
      unpinned++;
    }
    if (done || unpinned >= cap) break;
  }
  return byImportanceThenDate(chosen, (r) => r.event, (r) => pinned.has(r.event.id), chronological);
}

const EVENT_KEYS: readonly [string, RegExp][] = [
  ['relations', /\brelations? (?:were |was )?(?:established|severed)|diplomatic relations\b/i],
  ['recognition', /\brecogni[sz]/i],
  ['pfp', /\bPartnership for Peace\b/],
  ['map', /\bMembership Action Plan\b|\bMAP\b/],
  ['invitation', /\binvitation\b/i],
  ['protocol', /\baccession protocols?\b/i],
  ['member', /\bfull member\b|\bMember of NATO\b|\baccession of Albania\b/i],
];

/** Two events are one on a short timeline: the same date, the same sentence, or one milestone at a year and at the day that refines it. */
function sameEvent(a: TimelineEvent, b: TimelineEvent): boolean {
  if (a.date === b.date || (a.docSlug === b.docSlug && a.quote === b.quote)) return true;
  if (!a.date.startsWith(b.date) && !b.date.startsWith(a.date)) return false;
  const keys = (e: TimelineEvent) => EVENT_KEYS.filter(([, re]) => re.test(e.summary)).map(([k]) => k);
  const ka = keys(a);
  return keys(b).some((k) => ka.includes(k));
}

export function eventDate(e: TimelineEvent): DateValue {
  const v: DateValue = { date: e.date, precision: e.precision, ...(e.end ? { end: e.end } : {}), text: '', ...(e.inferred ? { inferred: e.inferred } : {}) };
  v.text = describeDate(v);
  return v;
}
