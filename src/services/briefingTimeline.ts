// The briefing sheet's short timeline: how much a dated event matters, and the best few, one
// per date and milestone.
import type { DateValue, TimelineEvent } from '../shared/types';
import { describeDate } from './compare';

const PRECISION_POINTS: Record<DateValue['precision'], number> = { day: 3, month: 2, year: 1, range: 0, decade: 0 };
const CATEGORY_POINTS: Record<TimelineEvent['category'], number> = { diplomatic: 3, accession: 3, security: 2, conflict: 1, economy: 0, people: 0 };
const MILESTONE = /\b(?:relations? (?:were |was )?(?:established|severed|suspended)|diplomatic relations|recogni[sz]|full member|member of|Partnership for Peace|Membership Action Plan|accession|invitation to join|embassy|signed|declaration)\b/i;

/**
 * How much a dated event matters on a briefing: day precision (3) over month (2) and year (1);
 * relations and accession (3) over security (2), conflict (1) and the rest (0); a milestone
 * (relations established or severed, recognition, membership, an embassy, a signature) 2 more;
 * an event from a document about the partner 1 more; full membership or relations established 1 more; a row whose country was lost in the source,
 * or an envoy's term, 5 less.
 */
export function eventScore(e: TimelineEvent, aboutDocs: ReadonlySet<string>): number {
  let s = PRECISION_POINTS[e.precision] + CATEGORY_POINTS[e.category];
  if (MILESTONE.test(`${e.summary} ${e.quote}`)) s += 2;
  if (aboutDocs.has(e.docSlug)) s += 1;
  if (/\b(?:full member|became a member|relations were established)\b/i.test(`${e.summary} ${e.quote}`)) s += 1;
  if (/country not named in the source|term as representative/i.test(e.summary)) s -= 5;
  return s;
}

/** The best `cap` events (pinned ones always, on top of the cap), one per date and milestone, oldest first. */
export function pickEvents(events: readonly TimelineEvent[], cap: number, score: (e: TimelineEvent) => number, pinned: ReadonlySet<string> = new Set()): TimelineEvent[] {
  const ranked = events.map((e, i) => ({ e, i, s: pinned.has(e.id) ? Infinity : score(e) })).sort((a, b) => b.s - a.s || a.i - b.i);
  const chosen: typeof ranked = [];
  for (const r of ranked) {
    const isPinned = r.s === Infinity;
    if (!isPinned && (chosen.filter((c) => c.s !== Infinity).length >= cap || r.s < 0)) continue;
    if (!isPinned && chosen.some((c) => sameEvent(c.e, r.e))) continue;
    chosen.push(r);
  }
  return chosen.sort((a, b) => a.i - b.i).map((r) => r.e);
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
