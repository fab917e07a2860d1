// The comparison's facets: which rows a comparison has, which section headings belong to which
// row, and a keyword classifier for sentences whose section heading says nothing (e.g. the
// "Turkey" section of "Foreign relations of Albania", which mixes military, EU and diaspora
// matters). Everything a reviewer needs to check the mapping is in the three tables below.
import type { FacetId } from '../shared/types';
import { foldAccents } from '../shared/text';
import { mentionsIn } from './partners';

// --- 1. The facets, in the order a comparison shows them -------------------------------------

export const FACETS: readonly { id: FacetId; label: string }[] = [
  { id: 'relations', label: 'Relations established (and severed)' },
  { id: 'recognition', label: 'Recognition' },
  { id: 'missions', label: 'Resident missions (both ways)' },
  { id: 'envoys', label: 'Envoys and representatives' },
  { id: 'memberships', label: 'Memberships and accession milestones' },
  { id: 'agreements', label: 'Agreements and declarations signed' },
  { id: 'security', label: 'Security and defence cooperation' },
  { id: 'economy', label: 'Economy and infrastructure' },
  { id: 'people', label: 'People and culture' },
  { id: 'russia-ukraine', label: "Stance on Russia's war against Ukraine" },
  { id: 'key-figures', label: 'Key figures' },
  { id: 'timeline', label: 'Mini timeline' },
];

/** Facets a sentence is filed under by topic (one per sentence). */
export type TopicFacet = Exclude<FacetId, 'agreements' | 'key-figures' | 'timeline'>;

// --- 2. Section headings → facets -------------------------------------------------------------
// A sentence is filed under the facet of the deepest heading on its section path that is listed
// here. Headings are compared case- and accent-insensitively. `null` = a reference list whose
// content reaches the comparison through the extracted facts only (never classified as text).

// prettier-ignore
export const HEADING_FACETS: readonly (readonly [heading: string, facet: TopicFacet | null])[] = [
  // relations established / severed
  ['List of countries', 'relations'],
  ['Diplomatic relations', 'relations'],
  // missions and envoys
  ['Resident diplomatic missions', 'missions'],
  ['Diplomatic missions', 'missions'],
  ['Representatives', 'envoys'],
  ['Ambassadors', 'envoys'],
  // memberships and accession (Albania–NATO relations)
  ['Negotiation progress', 'memberships'],
  ['North Atlantic Cooperation Council', 'memberships'],
  ['Partnership for Peace', 'memberships'],
  ['Membership Action Plan', 'memberships'],
  ['Bucharest summit accession protocols', 'memberships'],
  ['Accession', 'memberships'],
  // security and defence
  ['Security', 'security'],
  ['Military', 'security'],
  ['Defence', 'security'],
  ['Kuçovë Air Base', 'security'],
  ['Pashaliman Naval Base', 'security'],
  // … the EU–Albania Security and Defence Partnership (its #### headings)
  ['General Framework', 'security'],
  ['Areas of Cooperation', 'security'],
  ['Way Forward', 'security'],
  ['EU CSDP missions and operations', 'security'],
  ['Countering hybrid threats', 'security'],
  ['Cyber issues', 'security'],
  ['Capacity building in security and defence', 'security'],
  ['Strategic communications and countering foreign information manipulation and interference (FIMI)', 'security'],
  ['Non-proliferation and disarmament, conventional weapons, including small arms and light weapons (SALW)', 'security'],
  ['Counterterrorism and preventing/countering violent extremism', 'security'],
  ['Consultations on relevant defence initiatives, tools and instruments', 'security'],
  ['Training and education', 'security'],
  ['Integrated border management', 'security'],
  ['Women, Peace and Security', 'security'],
  ['Support to Ukraine', 'russia-ukraine'],
  ['External aspects of economic security', 'economy'],
  ['Protection of cultural heritage in conflict and crisis situations', 'people'],
  // economy and infrastructure
  ['Economic', 'economy'],
  ['Economy', 'economy'],
  ['Trade', 'economy'],
  ['Albania-Kosovo Railway', 'economy'],
  // people and culture
  ['Cultural', 'people'],
  ['Culture', 'people'],
  ['Free Movement', 'people'],
  ['Diaspora', 'people'],
  // (and any heading about a disaster: HEADING_PATTERNS below)
  // Russia's war against Ukraine
  ['Opposition to Russian activity', 'russia-ukraine'],
  ['Annexation of Crimea and War in Donbas', 'russia-ukraine'],
  ['2022 invasion of Ukraine', 'russia-ukraine'],
  // reference lists: their facts come from extraction, their text is not classified
  ['See also', null],
  ['Organizations', null],
  ['Former countries', null],
  ['Multilateral', null],
];

const headingKey = (h: string) => foldAccents(h).toLowerCase().replace(/[\u2010-\u2015-]/g, '-').replace(/\s+/g, ' ').trim();
const HEADING_MAP = new Map(HEADING_FACETS.map(([h, f]) => [headingKey(h), f]));

/** Headings the table cannot list one by one: "2019 Albania earthquake" is relief, people helping people. */
export const HEADING_PATTERNS: readonly (readonly [pattern: RegExp, facet: TopicFacet])[] = [
  [/\b(?:earthquake|floods?|wildfires?|disaster|humanitarian)\b/i, 'people'],
];

/**
 * The facet of a section, from the deepest heading on its path that the table lists:
 * a facet, `null` for a reference list (skip its text), or `undefined` when no heading says.
 */
export function facetForHeadings(path: readonly string[]): TopicFacet | null | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = headingKey(path[i]!);
    if (HEADING_MAP.has(key)) return HEADING_MAP.get(key)!;
    const pattern = HEADING_PATTERNS.find(([re]) => re.test(path[i]!));
    if (pattern) return pattern[1];
  }
  return undefined;
}

/**
 * Whether a sentence's section heading may file it (issue 13). A sentence that names other
 * partners but neither this one nor Albania, in a section whose headings do not name this
 * partner, is about them: "The Pashaliman naval base … was built in the 1950s by the Soviet
 * Union" is the base's history, not NATO security cooperation. It is filed only when the
 * classifier is sure (two cues), as a passing mention is.
 */
export function filingOf(text: string, mentions: readonly string[], partnerId: string, headings: readonly string[]): { byHeading: boolean } {
  if (mentions.length === 0 || mentions.includes(partnerId) || ALBANIA.test(text)) return { byHeading: true };
  const headingNames = headings.some((h) => mentionsIn(h).some((m) => m.id === partnerId));
  return { byHeading: headingNames };
}

const ALBANIA = /\bAlbani(?:a|an|ans)\b/;

/**
 * Facets that are about Albania's side of the relation: a membership or accession step is
 * Albania's, so a sentence that does not name Albania (or "the country") is the organisation's
 * own history — "After the fall of the Soviet Union in 1991, NATO created the North Atlantic
 * Cooperation Council" is not one of Albania's memberships.
 */
export function topicFits(facet: TopicFacet, text: string): boolean {
  if (facet === 'memberships') return ALBANIA.test(text) || /\b(?:the country|both countries|the two countries|both governments|both states)\b/i.test(text);
  return true;
}

// --- 3. The keyword classifier ------------------------------------------------------------------
// Each topic facet has cue patterns; a sentence scores one point per cue that matches and goes to
// the facet with the highest score (ties: earlier in this table wins). Mentions of the partner
// itself are masked first, so "Ukraine" does not make every sentence of the Ukraine article a
// sentence about the war.

// prettier-ignore
export const TOPIC_CUES: readonly (readonly [facet: TopicFacet, cues: readonly RegExp[]])[] = [
  ['russia-ukraine', [/\bRussia(?:n|ns|'s)?\b/, /\binvasion\b/i, /\bwar of aggression\b/i, /\bCrimea/, /\bDonbas/, /\bZelensk/, /\bUkrain/, /\bseparatist/i]],
  ['security', [/\bmilitar/i, /\bdefen[cs]e\b/i, /\barmed forces\b/i, /\btroops\b/i, /\bsoldiers\b/i, /\bofficers\b/i, /\bcommando/i, /\bbrigade\b/i, /\bweapons?\b/i, /\barms\b/i, /\bnaval\b/i, /\bair ?base\b/i, /\bairspace\b/i, /\bradar\b/i, /\bsurveillance\b/i, /\bpolice\b/i, /\bsecurity\b(?! Council)/i, /\bhybrid threats?\b/i, /\bcyber/i, /\bterroris/i, /\bextremism\b/i, /\bintelligence\b/i, /\binteroperability\b/i, /\bcrisis management\b/i, /\bCSDP\b/, /\bstabilising (?:force|factor)\b/i, /\bally\b/i, /\bmodernisation\b/i]],
  ['memberships', [/\bmembership\b/i, /\bmember (?:of|states?)\b/i, /\bfull member\b/i, /\baccession\b/i, /\bjoin(?:ed|ing)?\b/i, /\bPartnership for Peace\b/, /\bMembership Action Plan\b/, /\bnegotiations?\b/i, /\bEuro-Atlantic integration\b/i, /\bintegration path\b/i, /\bEU (?:path|related matters)\b/, /\bapplied\b/i, /\bcandidate\b/i]],
  ['economy', [/\becono(?!mic migra)/i, /\btrade\b/i, /\binvest/i, /\bmarket\b/i, /\bcustoms\b/i, /\benergy\b/i, /\belectricity\b/i, /\bpipeline\b/i, /\bhighway\b/i, /\brailway\b/i, /\btransport\b/i, /\binfrastructure\b/i, /\btouris/i, /\bfinanc/i, /\bbudget\b/i, /\bfunds?\b/i, /\bbusiness/i, /\bgoods\b/i, /\bport\b/i, /\b(?<!humanitarian )aid\b/i]],
  ['people', [/\bcultur/i, /\bdiaspora\b/i, /\bminorit/i, /\bmigra/i, /\brefugees?\b/i, /\blanguage\b/i, /\btraditions?\b/i, /\bfolklore\b/i, /\bheritage\b/i, /\bethnic\b/i, /\bpopulation\b/i, /\bcitizens\b/i, /\bvisas?\b/i, /\bborder (?:checks|controls)\b/i, /\bstudents\b/i, /\bacademic\b/i, /\bpolls?\b/i, /\bunification\b/i, /\bOrthodox\b/, /\bMuslim\b/, /\bsolidarity\b/i, /\bvolunteers\b/i, /\bfriendly\b/i, /\bhumanitarian\b/i, /\bdonations?\b/i, /\bearthquake\b/i]],
  ['missions', [/\bembass(?:y|ies)\b/i, /\bconsulate\b/i, /\bdiplomatic (?:mission|note)\b/i, /\baccredited\b/i]],
  ['envoys', [/\bambassador\b/i, /\benvoy\b/i, /\brepresentative\b/i, /\bHead of the [\w ]*mission\b/i]],
  ['recognition', [/\brecogni[sz](?:e|ed|es|ing)\b(?:\s+[\p{L}'’]+){0,3}?\s+(?:independence|Republic|state|borders|sovereignty)\b/iu, /\brecognition of (?:the )?(?:Republic|independence|state)\b/i]],
  ['relations', [/\brelations\b[^.;]{0,60}?\b(?:were |was |have been )?(?:established|re-established|severed|suspended|broken off)\b/i, /\bestablish(?:ed)? diplomatic relations\b/i, /\bsevered\b/i]],
];

/**
 * What a facet's cues cannot outweigh. A sentence about who leads or governs is politics, not
 * People and culture, even when it names a religion or a minority as the motive: "Greece
 * preferred and assisted Fatos Nano as Albanian leader due to him being Orthodox" (issue 13).
 */
export const VETOES: Partial<Record<TopicFacet, RegExp>> = {
  people: /\b(?:as (?:[\p{L}-]+ )?leader|leadership|elections?|elected|political part(?:y|ies)|(?:the )?government of \p{Lu}\p{L}+ \p{Lu})/iu,
};

/**
 * A sentence filed by its heading can be filed under a second facet too: under the facets listed
 * here for its heading's facet when at least as many cues match as for the heading's own facet
 * (military aid or refugees in a section about the war), and under "russia-ukraine" from any heading when two cues match (a naval base offered
 * "referring to the ongoing Russian invasion of Ukraine").
 */
export const CROSS_FILED: Partial<Record<TopicFacet, readonly TopicFacet[]>> = {
  'russia-ukraine': ['security', 'people', 'economy'],
};

/** The facets a sentence is filed under: its heading's facet (if any) first, then the classifier's. */
export function topicsOf(headingFacet: TopicFacet | undefined, c: Classification): TopicFacet[] {
  if (!headingFacet) return c.facet ? [c.facet] : [];
  const out: TopicFacet[] = [headingFacet];
  const cross = CROSS_FILED[headingFacet] ?? [];
  const own = c.scores.find(([f]) => f === headingFacet)?.[1] ?? 0;
  for (const [facet, score] of c.scores) {
    if (facet === headingFacet || out.includes(facet)) continue;
    // Cross-filed only when the sentence says at least as much about that facet as about its heading's.
    if ((cross.includes(facet) && score >= Math.max(1, own)) || (facet === 'russia-ukraine' && score >= 2)) out.push(facet);
  }
  return out;
}

/** Cues of a signed agreement or declaration: these sentences also go to "agreements". */
export const AGREEMENT_CUES: readonly RegExp[] = [
  /\bagreements?\b/i, /\btreaty\b/i, /\bdeclarations?\b/i, /\bprotocols?\b/i, /\bmemorandum\b/i, /\bsigned\b/i, /\bsignature\b/i,
];
/** An agreement sentence must say something was concluded, not just that one exists in general. */
const CONCLUDED = /\b(?:signed|signature|signing|reached|concluded|adopted|approved|in place|tabled|based on)\b/i;

/**
 * Sentences in a partner's own section that are about a third party the registry does not know
 * (it knows countries and organisations, not regions): they are left out of that partner's cells.
 */
export const OTHER_SUBJECTS: readonly RegExp[] = [/\bArab\b/];

export interface Classification {
  facet: TopicFacet | null;
  /** Number of cues that matched for `facet`. */
  score: number;
  /** Every facet with at least one cue, best first. */
  scores: [TopicFacet, number][];
}

/** Files a sentence under a topic facet. `mask` = the partner's own names, removed before matching. */
export function classifySentence(sentence: string, mask: readonly string[] = []): Classification {
  const text = maskNames(sentence, mask);
  const scores: [TopicFacet, number][] = [];
  for (const [facet, cues, anyCue] of CUES_WITH_ANY) {
    // Most sentences match no cue of most facets: one pass over the text tells (issue 19, build CPU).
    if (!anyCue.some((re) => re.test(text))) continue;
    if (VETOES[facet]?.test(text)) continue;
    const score = cues.reduce((n, re) => n + (re.test(text) ? 1 : 0), 0);
    if (score > 0) scores.push([facet, score]);
  }
  // Stable sort keeps the table's order among equal scores.
  scores.sort((a, b) => b[1] - a[1]);
  const best = scores[0];
  return { facet: best ? best[0] : null, score: best ? best[1] : 0, scores };
}

/**
 * Each facet's cues with, per set of flags, one pattern matching where any of them matches (an
 * alternation of patterns with the same flags): a sentence no such pattern matches scores 0.
 */
const CUES_WITH_ANY = TOPIC_CUES.map(([facet, cues]) => {
  const byFlags = new Map<string, string[]>();
  for (const re of cues) byFlags.set(re.flags, [...(byFlags.get(re.flags) ?? []), `(?:${re.source})`]);
  return [facet, cues, [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags))] as const;
});

/** True when the sentence reports an agreement, treaty, protocol or declaration being signed or in force. */
export function isAgreementSentence(sentence: string): boolean {
  return AGREEMENT_CUES.some((re) => re.test(sentence)) && CONCLUDED.test(sentence);
}

function maskNames(sentence: string, names: readonly string[]): string {
  let text = sentence;
  // A pattern matches its name as written: a name the text does not hold has nothing to mask.
  for (const [name, re] of maskPatterns(names)) if (text.includes(name)) text = text.replace(re, '·');
  return text;
}

/** Compiled once per list of names: the build classifies every candidate sentence for each partner it may belong to. */
const MASKS = new Map<string, [string, RegExp][]>();
/**
 * The same, by list: the build passes each partner's list with each of its sentences, and joining
 * it each time cost more than the masking. Callers do not change a list once they have passed it.
 */
const MASKS_OF_LIST = new WeakMap<readonly string[], [string, RegExp][]>();
function maskPatterns(names: readonly string[]): [string, RegExp][] {
  const known = MASKS_OF_LIST.get(names);
  if (known) return known;
  const key = names.join('\n');
  let res = MASKS.get(key);
  if (!res) {
    res = [...names]
      .sort((a, b) => b.length - a.length)
      .filter((n) => n)
      .map((n) => [n, new RegExp(`(?<![\\p{L}\\p{N}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:'s)?(?![\\p{L}\\p{N}])`, 'gu')] as [string, RegExp]);
    MASKS.set(key, res);
  }
  MASKS_OF_LIST.set(names, res);
  return res;
}

// --- 4. Key figures: figures.ts -----------------------------------------------------------------
export { FIGURE_PATTERNS, figuresIn, type Figure, type FigureKind } from './figures';
