// A comparison cell's one-line answer: a date with its precision, or a short phrase ("Albania:
// embassy in Prishtina"), each with the numbers of the quotes that say it (the cell's citation
// marks). The quotes themselves stay folded under the answer. Derived from the Comparison alone.
import type { ComparisonFacet, ComparisonPartner, DateValue, FacetEntry, FacetId } from '../../../../shared/types';
import { PRECISION_RANK } from '../../../../shared/dates';

export interface AnswerPart {
  /** The phrase ('' when the date alone answers, as for "Relations established"). */
  text: string;
  date?: DateValue;
  /** 1-based numbers of the cell's entries that state it (its citation marks). */
  cites: number[];
  /** Further sources stating it, counted but not numbered (FacetEntry.alsoInMore). */
  more?: number;
}

export interface CellAnswer {
  parts: AnswerPart[];
  /** The sources `parts[].cites` number (cites are 1-based indexes into this list). */
  sources: CitedSource[];
  /** What other sources say, where they disagree with an entry of the cell (distinct notes). */
  differ: string[];
}

/** Longest phrase cut from a sentence, in characters. */
export const PHRASE_MAX = 72;

/** Two dates agree when one refines the other (1993 and 13 January 1993). */
export function sameDate(a: DateValue, b: DateValue): boolean {
  return a.date.startsWith(b.date) || b.date.startsWith(a.date);
}


/**
 * A sentence as a short phrase: a leading date clause the date column already says is dropped
 * ("On 18 March 2025, Kosovo and Albania … signed" → "Kosovo and Albania … signed"), and the rest
 * cut at a word near `max` characters, with "…".
 */
export function phrase(text: string, max = PHRASE_MAX, hasDate = false): string {
  let t = text.trim().replace(/^[…\s]+/, '');
  if (hasDate) {
    const m = /^(?:(?:On|In|Since|By|From|Until|As of)\s+(?:(?:early|late|mid-?)\s*)?[^,]{3,28}?\d{4}s?,\s+)(.+)$/s.exec(t);
    if (m) t = m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1);
  }
  t = t.replace(/\s+/g, ' ');
  if (t.length <= max) return t.replace(/[.;:]$/, '');
  const cut = t.slice(0, max + 1);
  const at = cut.lastIndexOf(' ');
  return `${cut.slice(0, at > max * 0.4 ? at : max).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** "Albania in Kosovo" → "Albania", "Kosovo in Albania" → "Kosovo": whose mission. */
function missionOwner(label: string | undefined, partner: ComparisonPartner): string {
  if (!label) return '';
  if (label.startsWith('Albania in ')) return 'Albania';
  if (label.endsWith(' in Albania')) return partner.name;
  return label;
}

/** A source a cell cites: an entry's own, or one of its alsoIn (the same fact stated elsewhere). */
export interface CitedSource {
  docSlug: string;
  anchor: string;
  blockId?: string;
}

/**
 * The cell's sources, numbered in order: each entry's own source, then its alsoIn sources, so an
 * answer cites every source of the fact it states ("18 February 2008 [1, 2]").
 */
export function citedSources(entries: readonly FacetEntry[]): { sources: CitedSource[]; numbers: number[][] } {
  const sources: CitedSource[] = [];
  const numbers = entries.map((e) => {
    const own = sources.push({ docSlug: e.docSlug, anchor: e.anchor, ...(e.blockId ? { blockId: e.blockId } : {}) });
    const also = (e.alsoIn ?? []).filter((a) => a.docSlug !== e.docSlug || a.anchor !== e.anchor).map((a) => sources.push({ docSlug: a.docSlug, anchor: a.anchor }));
    return [own, ...also];
  });
  return { sources, numbers };
}

const numbered = (entries: readonly FacetEntry[]) => {
  const { numbers } = citedSources(entries);
  return entries.map((entry, i) => ({ entry, n: numbers[i]![0]!, ns: numbers[i]!, more: entry.alsoInMore ?? 0 }));
};
type Numbered = ReturnType<typeof numbered>[number];

/** A part's citation marks: the entry's numbers and the count of its other sources. */
const cite = (x: Pick<Numbered, 'ns' | 'more'>): Pick<AnswerPart, 'cites' | 'more'> => ({ cites: [...x.ns], ...(x.more ? { more: x.more } : {}) });

/** Entries grouped by agreeing date, the most precise date kept; in the cell's order. */
function byDate(list: readonly Numbered[], text: (e: FacetEntry) => string): AnswerPart[] {
  const parts: AnswerPart[] = [];
  for (const x of list) {
    const { entry, ns } = x;
    const t = text(entry);
    const same = parts.find((p) => p.text === t && p.date && entry.date && sameDate(p.date, entry.date));
    if (same) {
      same.cites.push(...ns);
      if (x.more) same.more = (same.more ?? 0) + x.more;
      if (entry.date && same.date && PRECISION_RANK[entry.date.precision] > PRECISION_RANK[same.date.precision]) same.date = entry.date;
    } else parts.push({ text: t, ...(entry.date ? { date: entry.date } : {}), ...cite(x) });
  }
  return parts;
}

/** The first entry as a dated phrase (a topic facet, or a fact facet with no labelled facts). */
function firstSentence(list: readonly Numbered[]): AnswerPart[] {
  const first = list[0];
  if (!first) return [];
  const { entry } = first;
  const text = entry.label === 'The full text is in this library' ? `${entry.text} (full text in this library)` : entry.text;
  return [{ text: phrase(text, PHRASE_MAX, !!entry.date), ...(entry.date ? { date: entry.date } : {}), ...cite(first) }];
}

function partsFor(facet: FacetId, list: readonly Numbered[], partner: ComparisonPartner): AnswerPart[] {
  const labelled = list.filter((x) => x.entry.label);
  switch (facet) {
    case 'relations': {
      // The date the library settles on (listed first), and a severance; disagreeing dates are behind "sources differ".
      const parts = byDate(labelled.length ? labelled : list, (e) => (e.label === 'Relations severed' ? 'severed' : ''));
      const main = parts.find((p) => p.text === '');
      return [...(main ? [main] : []), ...parts.filter((p) => p.text !== '')].slice(0, 2);
    }
    case 'recognition':
      return labelled.length ? byDate(labelled, () => '').slice(0, 3) : firstSentence(list);
    case 'missions': {
      const withPhrase = list.filter((x) => x.entry.short);
      if (!withPhrase.length) return firstSentence(list);
      return withPhrase.map((x) => {
        const owner = missionOwner(x.entry.label, partner);
        return { text: owner ? `${owner}: ${x.entry.short}` : x.entry.short!, ...cite(x) };
      });
    }
    case 'envoys': {
      const withPhrase = list.filter((x) => x.entry.short);
      if (!withPhrase.length) return firstSentence(list);
      // Per role, the latest envoy the library names.
      const latest = new Map<string, Numbered>();
      for (const x of withPhrase) {
        const role = (x.entry.label ?? '').replace(/\s*\(incumbent\)$/, '');
        const prev = latest.get(role);
        if (!prev || (x.entry.date?.date ?? '') >= (prev.entry.date?.date ?? '')) latest.set(role, x);
      }
      return [...latest.entries()].map(([role, x]) => ({ text: role ? `${role}: ${x.entry.short}` : x.entry.short!, ...cite(x) }));
    }
    case 'memberships': {
      // Where accession stands: the latest dated milestone.
      const dated = labelled.filter((x) => x.entry.date);
      if (!dated.length) return labelled.length ? [{ text: labelled[0]!.entry.label!, ...cite(labelled[0]!) }] : firstSentence(list);
      const last = dated.reduce((a, b) => ((b.entry.date!.date ?? '') > (a.entry.date!.date ?? '') ? b : a));
      return [{ text: last.entry.label!, date: last.entry.date!, ...cite(last) }];
    }
    case 'key-figures':
      return labelled.slice(0, 2).map((x) => ({ text: x.entry.label!, ...cite(x) }));
    case 'timeline': {
      const dated = list.filter((x) => x.entry.date);
      const last = dated.at(-1);
      return last ? [{ text: phrase(last.entry.text, PHRASE_MAX, true), date: last.entry.date!, ...cite(last) }] : [];
    }
    default:
      return firstSentence(list);
  }
}

/** The one-line answer of a cell: its parts and the notes of sources that differ. */
export function cellAnswer(facet: FacetId, entries: readonly FacetEntry[], partner: ComparisonPartner): CellAnswer {
  const parts = partsFor(facet, numbered(entries), partner);
  const differ = [...new Set(entries.flatMap((e) => (e.sourcesDiffer ? [e.sourcesDiffer] : [])))];
  return { parts, sources: citedSources(entries).sources, differ };
}

/** Facets with something stated for at least one partner, and those with nothing for anyone. */
export function splitEmptyFacets(facets: readonly ComparisonFacet[], partners: readonly ComparisonPartner[]): {
  stated: ComparisonFacet[];
  empty: ComparisonFacet[];
} {
  const isEmpty = (f: ComparisonFacet) => partners.every((p) => (f.cells[p.id] ?? []).length === 0);
  return { stated: facets.filter((f) => !isEmpty(f)), empty: facets.filter(isEmpty) };
}
