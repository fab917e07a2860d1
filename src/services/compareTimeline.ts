// The comparison's mini timeline: which of a partner's events matter most.
import type { DocumentSummary, TimelineEvent } from '../shared/types';

// --- mini timeline: which events matter most --------------------------------------------------

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

export function milestoneKeys(e: TimelineEvent): string[] {
  const text = `${e.summary} ${e.quote}`;
  return MILESTONES.filter(([, re]) => re.test(text)).map(([key]) => key);
}

export function eventImportance(e: TimelineEvent, partnerId: string, ctx: { summary(slug: string): DocumentSummary | undefined }): number {
  const text = `${e.summary} ${e.quote}`;
  let score = milestoneKeys(e).length > 0 ? 3 : 0;
  if (/country not named in the source|term as representative/i.test(e.summary)) score -= 4;
  if (e.precision === 'day' || e.precision === 'month') score += 1;
  if (e.precision === 'decade' || e.precision === 'range') score -= 1;
  const doc = ctx.summary(e.docSlug);
  if (doc && doc.kind !== 'overview' && doc.partners[0] === partnerId) score += 1;
  if (e.partners.length === 1) score += 1;
  if (/\bwas quoted as saying\b/.test(text)) score -= 1;
  return score;
}
