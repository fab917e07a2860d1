// How much a partner's dated event matters: the comparison's mini timeline (importance) and the
// briefing's short timeline (score). Here, below both, because the build stores both per partner
// and event (src/ingest/partnerEventsTable.ts, issue 19) and the services rank by them: reading
// every event of a partner in a third of the library was most of a comparison's time.
import type { TimelineEvent } from '../shared/types';

/** A partner's event as the ranked reads return it: its rank, its place in its library's chronology, and which library (0: bundled, 1: the user's). */
export interface RankedEvent {
  event: TimelineEvent;
  rank: number;
  ord: number;
  lib: number;
}

/** Chronological order across libraries, as CombinedLibrary merges timelines: date, then the bundled library first, then each library's order. */
export function chronological(a: RankedEvent, b: RankedEvent): number {
  const da = a.event.date.padEnd(10, '-');
  const db = b.event.date.padEnd(10, '-');
  return da < db ? -1 : da > db ? 1 : a.lib - b.lib || a.ord - b.ord;
}

type Ranked = Pick<TimelineEvent, 'summary' | 'quote' | 'precision' | 'category' | 'partners'>;

const MILESTONES: readonly [key: string, re: RegExp][] = [
  ['established', /\b(?:relations? (?:were |was )?established|established (?:de facto|de jure)|diplomatic relations)\b/i],
  ['severed', /\b(?:severed|suspended)\b/i],
  ['recognition', /\brecogni[sz]/i],
  ['pfp', /\bPartnership for Peace\b/],
  ['map', /\b(?:Membership Action Plan|MAP)\b/],
  ['invitation', /\binvitation\b/i],
  ['protocol', /\baccession protocols?\b/i],
  ['member', /\b(?:full member|Member of NATO|accession of Albania)\b/i],
  ['negotiations', /\bIntergovernmental Conference|accession negotiations\b/i],
  ['embassy', /\bembassy\b/i],
  ['invasion', /\binvasion\b/i],
  ['signed', /\bsigned\b/i],
];

export function milestoneKeys(e: Pick<TimelineEvent, 'summary' | 'quote'>): string[] {
  const text = `${e.summary} ${e.quote}`;
  return MILESTONES.filter(([, re]) => re.test(text)).map(([key]) => key);
}

/** The mini timeline's rank; `about`: the event's document is about the partner (not an overview, the partner first). */
export function eventImportance(e: Ranked, about: boolean): number {
  const text = `${e.summary} ${e.quote}`;
  let score = milestoneKeys(e).length > 0 ? 3 : 0;
  if (/country not named in the source|term as representative/i.test(e.summary)) score -= 4;
  if (e.precision === 'day' || e.precision === 'month') score += 1;
  if (e.precision === 'decade' || e.precision === 'range') score -= 1;
  if (about) score += 1;
  if (e.partners.length === 1) score += 1;
  if (/\bwas quoted as saying\b/.test(text)) score -= 1;
  return score;
}

const PRECISION_POINTS: Record<TimelineEvent['precision'], number> = { day: 3, month: 2, year: 1, range: 0, decade: 0 };
const CATEGORY_POINTS: Record<TimelineEvent['category'], number> = { diplomatic: 3, accession: 3, security: 2, conflict: 1, economy: 0, people: 0 };
const MILESTONE = /\b(?:relations? (?:were |was )?(?:established|severed|suspended)|diplomatic relations|recogni[sz]|full member|member of|Partnership for Peace|Membership Action Plan|accession|invitation to join|embassy|signed|declaration)\b/i;

/**
 * How much a dated event matters on a briefing: day precision (3) over month (2) and year (1);
 * relations and accession (3) over security (2), conflict (1) and the rest (0); a milestone
 * (relations established or severed, recognition, membership, an embassy, a signature) 2 more;
 * an event from a document about the partner 1 more; full membership or relations established 1 more; a row whose country was lost in the source,
 * or an envoy's term, 5 less.
 */
export function eventScore(e: Ranked, about: boolean): number {
  let s = PRECISION_POINTS[e.precision] + CATEGORY_POINTS[e.category];
  if (MILESTONE.test(`${e.summary} ${e.quote}`)) s += 2;
  if (about) s += 1;
  if (/\b(?:full member|became a member|relations were established)\b/i.test(`${e.summary} ${e.quote}`)) s += 1;
  if (/country not named in the source|term as representative/i.test(e.summary)) s -= 5;
  return s;
}

/** 32-bit FNV-1a of a wording (textKey): finds the events quoting a sentence; the caller checks the wording itself. */
export function quoteHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h | 0;
}
