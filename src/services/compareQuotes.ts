// Quoting in a comparison: text keys, readable table rows, excerpts, the block a quote is in,
// which quote reads best, and merging entries that say the same thing.
import type { FacetEntry, Section, SourceRef } from '../shared/types';
import { foldAccents } from '../shared/text';
import { pickSpread } from './pickSpread';
import { textKey } from '../core/candidates';

export type Scored = { entry: FacetEntry; score: number; order: number };

/** Keep the best entries, spreading them over sections: each further pick from the same section costs 2. */
export function pick(scored: Scored[]): FacetEntry[] {
  return pickSpread(scored, (e) => textKey(e.text));
}

export { textKey } from '../core/candidates';

export function isTableRow(quote: string): boolean {
  return quote.trim().startsWith('|');
}

/**
 * A table row's meaningful cells (no running number, no "See …" cross-reference, no empty cell)
 * joined by " — "; a row with one such cell is prefixed with its column header ("Formal Relations
 * Began: 1981"), since a bare date says nothing.
 */
export function rowText(quote: string, header: readonly string[] | (() => readonly string[]) = []): string {
  const cells = quote.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  const kept = cells.map((c, i) => [c, i] as const).filter(([c, i]) => c !== '' && !/^See\b/.test(c) && !(i === 0 && /^\d+$/.test(c)));
  if (kept.length === 1) {
    const [value, i] = kept[0]!;
    // A function: the header is looked up (its section read) only for a row that needs it (issue 19).
    const h = ((typeof header === 'function' ? header() : header)[i] ?? '').replace(/<[^>]+>/g, '').trim();
    return h ? `${h}: ${value}` : value;
  }
  return kept.map(([c]) => c).join(' — ');
}

/** The header of the table in `section` that holds the row quoted. */
export function tableHeader(section: Section | undefined, quote: string): string[] {
  const cells = quote.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()).filter(Boolean);
  for (const b of section?.blocks ?? []) {
    if (b.type !== 'table') continue;
    if (b.rows.some((r) => cells.every((c) => r.cells.some((rc) => rc.text.trim() === c)))) return b.header;
  }
  return [];
}

/** A long quote (e.g. a list of 80 organisations) cut to the words around the partner's name. */
export function excerpt(text: string, names: readonly string[]): string {
  const folded = foldAccents(text);
  let at = -1;
  let len = 0;
  for (const n of names) {
    const m = new RegExp(`(?<![\\p{L}])${foldAccents(n).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').exec(folded);
    if (m) {
      at = m.index;
      len = m[0].length;
      break;
    }
  }
  if (at < 0) return `${text.slice(0, 300).replace(/\s+\S*$/, '')} …`;
  let start = Math.max(0, at - 80);
  let end = Math.min(text.length, at + len + 80);
  if (start > 0) start = text.indexOf(' ', start) + 1;
  if (end < text.length) end = text.lastIndexOf(' ', end);
  return `${start > 0 ? '… ' : ''}${text.slice(start, end).trim()}${end < text.length ? ' …' : ''}`;
}

export function findBlockId(section: Section | undefined, quote: string, text: string): string | undefined {
  if (!section) return undefined;
  const q = textKey(quote);
  const t = textKey(text.replace(/^… | …$/g, ''));
  for (const b of section.blocks) {
    switch (b.type) {
      case 'paragraph':
        if (textKey(b.text).includes(t)) return b.id;
        break;
      case 'list':
        if (b.items.some((i) => textKey(i).includes(t))) return b.id;
        break;
      case 'infobox':
        if (b.fields.some((f) => textKey(`- ${f.key}: ${f.value}`) === q)) return b.id;
        break;
      case 'table':
        if (b.rows.some((r) => r.cells.some((c) => c.text && t.includes(textKey(c.text))))) return b.id;
        break;
      default:
        break;
    }
  }
  return undefined;
}

/** Short, single statements read best: list item or sentence, then a long sentence, then table rows and infobox fields. */
export function quoteRank(quote: string): number {
  if (isTableRow(quote)) return 3;
  if (/^- [^:]{1,40}: /.test(quote)) return 4;
  return quote.length > 120 ? 1 : 0;
}

/**
 * A fact cites its best few other sources and counts the rest: a fact stated in 600 documents
 * citing all 600 filled a briefing sheet with its sources list (issue 19). Three: the entry's
 * own quote and three more show a fact is widely stated, and still fit one line of citations.
 */
export const ALSO_IN_CAP = 3;

/**
 * Of a fact's other sources (best first), the first `cap` in places other than the entry's
 * own (a section citing the fact twice is one citation), and how many other places state it too.
 */
export function citedAndCounted(own: { docSlug: string; anchor: string }, refs: readonly SourceRef[], cap = ALSO_IN_CAP): { cited: SourceRef[]; more: number } {
  const places = new Set([`${own.docSlug}#${own.anchor}`]);
  const cited: SourceRef[] = [];
  for (const r of refs) {
    const key = `${r.docSlug}#${r.anchor}`;
    if (places.has(key)) continue;
    places.add(key);
    if (cited.length < cap) cited.push(r);
  }
  return { cited, more: places.size - 1 - cited.length };
}

/** The entry citing at most ALSO_IN_CAP other places (`alsoIn`, best first), the rest counted in `alsoInMore`. */
export function citeFirst(e: FacetEntry): FacetEntry {
  const also = e.alsoIn ?? [];
  if (also.length <= ALSO_IN_CAP) return e;
  const { cited, more } = citedAndCounted(e, also);
  const total = (e.alsoInMore ?? 0) + more;
  const { alsoIn: _all, alsoInMore: _more, ...rest } = e;
  return { ...rest, ...(cited.length ? { alsoIn: cited } : {}), ...(total ? { alsoInMore: total } : {}) };
}

export function dedupeRefs(refs: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.docSlug}#${r.anchor}#${r.quote}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Entries with the same words and date (a table row repeated under two headings) become one, the rest as `alsoIn`. */
export function mergeSame(entries: FacetEntry[]): FacetEntry[] {
  const out: FacetEntry[] = [];
  const keys = new Map<FacetEntry, string>();
  const keyOf = (e: FacetEntry) => keys.get(e) ?? keys.set(e, textKey(e.text)).get(e)!;
  for (const e of entries) {
    const same = out.find((o) => keyOf(o) === keyOf(e) && o.date?.date === e.date?.date && o.label === e.label);
    if (same) {
      same.alsoIn = [...(same.alsoIn ?? []), { docSlug: e.docSlug, anchor: e.anchor, quote: e.text }, ...(e.alsoIn ?? [])];
      if (e.alsoInMore) same.alsoInMore = (same.alsoInMore ?? 0) + e.alsoInMore;
    }
    else out.push(e);
  }
  return out;
}
