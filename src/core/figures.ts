// Key figures for the comparison's "Key figures" row: amounts, percentages, distances, capacities
// and head-counts, with the sentence they come from. Years and dates are never figures.

/** The source's hedge stays with its figure: "over 30 agreements", "about 250 Greek military personnel". */
const HEDGE = String.raw`(?:(?:[Oo]ver|[Aa]bout|[Aa]round|[Aa]pproximately|[Rr]oughly|[Nn]early|[Aa]lmost|[Ss]ome|[Mm]ore than|[Ll]ess than|[Ff]ewer than|[Uu]p to|[Aa]t least|[Aa]n estimated cost of|[Aa]n estimated|[Ee]stimated at)\s)?`;
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const SCALE = String.raw`(?:\s?(?:million|billion|thousand|bn|m)\b)?`;

// prettier-ignore
export const FIGURE_PATTERNS: readonly (readonly [kind: FigureKind, re: RegExp])[] = [
  ['amount', new RegExp(String.raw`${HEDGE}[€$£]\s?${NUM}${SCALE}|${HEDGE}${NUM}${SCALE}\s(?:euros?|dollars?|EUR|USD)\b`, 'g')],
  ['percentage', new RegExp(String.raw`${HEDGE}${NUM}\s?(?:%|per ?cent\b)`, 'g')],
  ['distance', new RegExp(String.raw`${HEDGE}${NUM}(?:\s|-)?(?:km|kilomet(?:re|er)s?|miles?)\b(?:\s\(${NUM}\s(?:miles?|km)\))?`, 'g')],
  ['capacity', new RegExp(String.raw`${HEDGE}${NUM}\s?(?:kW|MW|GW)\b`, 'g')],
  ['count', new RegExp(String.raw`\b${HEDGE}${NUM}(?:\s(?:million|thousand))?\s(?:[\p{L}-]+\s){0,2}(?:troops|soldiers|personnel|refugees|members|operators|people|citizens|submarines|bridges|tunnels|stations|agreements|countries|Albanians|Ukrainians|Kosovars)\b`, 'gu')],
];

/** A part each kind's pattern cannot match without (a necessary condition, tested first). */
const FIGURE_WORDS: Record<FigureKind, RegExp> = {
  amount: /[€$£]|euro|dollar|EUR|USD/,
  percentage: /%|per ?cent/,
  distance: /km|kilomet|mile/,
  capacity: /[kMG]W/,
  count: /troops|soldiers|personnel|refugees|members|operators|people|citizens|submarines|bridges|tunnels|stations|agreements|countries|Albanians|Ukrainians|Kosovars/,
};

export type FigureKind = 'amount' | 'percentage' | 'distance' | 'capacity' | 'count';

export interface Figure {
  kind: FigureKind;
  text: string;
}

/** The figures a sentence states, in reading order (overlapping matches keep the longer one). */
export function figuresIn(sentence: string): Figure[] {
  const found: { kind: FigureKind; text: string; start: number; end: number }[] = [];
  // Every figure has a digit (NUM): most sentences have none, and the patterns are slow to fail.
  if (!/\d/.test(sentence)) return [];
  for (const [kind, re] of FIGURE_PATTERNS) {
    // What each kind must say after its number; without it, the pattern cannot match (issue 19, build CPU).
    if (!FIGURE_WORDS[kind].test(sentence)) continue;
    for (const m of sentence.matchAll(re)) {
      const text = m[0].trim();
      if (kind === 'count' && /^(?:1[5-9]|20)\d\d\b/.test(text.replace(/^\D+/, ''))) continue; // a year, not a count
      found.push({ kind, text, start: m.index, end: m.index + m[0].length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Figure[] = [];
  let reach = -1;
  for (const f of found) {
    if (f.start < reach) continue;
    out.push({ kind: f.kind, text: f.text });
    reach = f.end;
  }
  return out;
}
