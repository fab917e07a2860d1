// A comparison cell from the build-time candidates (issue 19): the entries `pick` would choose
// first from ALL of a partner's candidate sentences for a facet, read from only the best rows.
//
// Why the top rows are enough: pick takes, again and again, the entry of highest value (score −
// 2 × entries already taken from its section; ties to the earlier sentence) and drops repeated
// wordings. A row not read has a stored score ≤ that of the first row not read (b, order o) —
// equal only when it comes later in reading order — and its date can add at most DATE_BONUS[facet]
// (d). So every entry picked from the rows read whose value v is > b + d, or = b + d with an order
// before o, beats every row not read, and the full pick takes it too, at the same step. When one
// of the first `need` picks is not that far ahead, read more rows (four times as many) and pick again.
// `total` (for "n more") is the number of distinct wordings, which pick would all take in the end.
import type { DateValue, FacetEntry } from '../shared/types';
import { DATE_BONUS, textKey, type CandidateFacet } from '../core/candidates';
import { pickSpread } from './pickSpread';
import type { LibraryView } from './libraryView';

/** Rows read first: enough for a cell of 6–8 entries unless the best ones crowd into one section. */
const FIRST_READ = 64;

export interface CellRequest {
  partnerId: string;
  facet: CandidateFacet;
  /** Entries wanted (the cell's cap less the entries shown before the sentences). */
  need: number;
  /** Wordings (text keys) left out: the partner's facts already say them. */
  exclude: ReadonlySet<string>;
  /** The dates of the partner's oldest events quoting these wordings (text keys): a dated sentence scores DATE_BONUS more. */
  datesOf: (keys: readonly string[]) => ReadonlyMap<string, DateValue>;
  /** textKey, remembered by the caller (a sentence fills several facets, and a cell may read its rows twice). */
  key?: (text: string) => string;
}

export function candidateCell(library: Pick<LibraryView, 'partnerCandidates' | 'candidateKeyCount' | 'candidateKeys'>, req: CellRequest): { entries: FacetEntry[]; total: number } {
  const wordings = library.candidateKeyCount(req.partnerId, req.facet);
  const total = wordings - excludedCount(library, req, wordings);
  if (req.need <= 0 || total === 0) return { entries: [], total };
  const bonus = DATE_BONUS[req.facet];
  for (let limit = Math.max(FIRST_READ, req.need * 8); ; limit *= 4) {
    const rows = library.partnerCandidates(req.partnerId, req.facet, limit + 1);
    const boundary = rows.length > limit ? rows.pop()! : null;
    const scored: { entry: FacetEntry; score: number; order: number }[] = [];
    const keyOf = new Map<FacetEntry, string>();
    const keys = rows.map((r) => (req.key ?? textKey)(r.text));
    const dates = req.datesOf(keys.filter((k) => !req.exclude.has(k)));
    for (const [i, r] of rows.entries()) {
      const key = keys[i]!;
      if (req.exclude.has(key)) continue;
      const date = dates.get(key);
      const entry: FacetEntry = { text: r.text, docSlug: r.docSlug, anchor: r.anchor, blockId: r.blockId, ...(date ? { date } : {}), ...(r.label !== undefined ? { label: r.label } : {}) };
      scored.push({ entry, score: r.score + (date ? bonus : 0), order: r.order });
      keyOf.set(entry, key); // its textKey, worked out once
    }
    const picked = pickSpread(scored, (e) => keyOf.get(e)!);
    const entries = picked.slice(0, req.need);
    if (!boundary || settled(scored, entries, req.need, boundary.score + bonus, boundary.order)) return { entries, total };
  }
}

/**
 * How many of the partner's wordings for the facet are excluded: looked up by the excluded
 * wordings, or, when they far outnumber the facet's (a partner's facts quote a thousand wordings;
 * its relations cell has a few candidates), by the facet's (issue 19). Either way the same count.
 */
function excludedCount(library: Pick<LibraryView, 'candidateKeys'>, req: CellRequest, wordings: number): number {
  if (req.exclude.size === 0 || wordings === 0) return 0;
  if (wordings * 4 < req.exclude.size) return library.candidateKeys(req.partnerId, req.facet).filter((k) => req.exclude.has(k)).length;
  return library.candidateKeys(req.partnerId, req.facet, [...req.exclude]).length;
}

/** Whether the first `need` picks each beat every row not read (value above `bound`, or equal and earlier than `order`). */
function settled(scored: readonly { entry: FacetEntry; score: number; order: number }[], entries: readonly FacetEntry[], need: number, bound: number, order: number): boolean {
  if (entries.length < need) return false;
  const of = new Map(scored.map((s) => [s.entry, s]));
  const taken = new Map<string, number>();
  for (const e of entries) {
    const s = of.get(e)!;
    const section = `${e.docSlug}#${e.anchor}`;
    const value = s.score - 2 * (taken.get(section) ?? 0);
    taken.set(section, (taken.get(section) ?? 0) + 1);
    if (value < bound || (value === bound && s.order > order)) return false;
  }
  return true;
}
