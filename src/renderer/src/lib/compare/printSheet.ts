// The printable comparison sheet's content: the grid's one-line answers, their citation marks
// renumbered across the sheet ([1]…[n]) and the sources listed once each as a person reads them
// (document › section), facets with nothing stated for anyone named in one line.
import { formatDate } from '../../../../shared/dates';
import type { Comparison, DeskDocument } from '../../../../shared/types';
import { cellAnswer, splitEmptyFacets } from './answer';
import { whereLabel } from './text';

export interface SheetPart {
  date?: string;
  text: string;
  /** Numbers in the sheet's sources list. */
  cites: number[];
  /** Further sources stating it, counted, not listed. */
  more?: number;
}

export interface SheetCell {
  parts: SheetPart[];
  /** What a disagreeing source says. */
  differ: string[];
}

export interface SheetRow {
  id: string;
  label: string;
  /** By partner id; an empty parts list is "not stated". */
  cells: Record<string, SheetCell>;
}

export interface ComparisonSheet {
  title: string;
  rows: SheetRow[];
  /** Labels of facets with nothing stated for any partner. */
  empty: string[];
  sources: { n: number; place: string }[];
}

/** "Albania with Kosovo, Ukraine and NATO: comparison". */
export function sheetTitle(names: readonly string[]): string {
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  return `Albania with ${list}: comparison`;
}

export function comparisonSheet(c: Comparison, docs: Record<string, DeskDocument>, docTitle: (slug: string) => string): ComparisonSheet {
  const numbers = new Map<string, number>();
  const sources: ComparisonSheet['sources'] = [];
  const number = (docSlug: string, anchor: string): number => {
    const key = `${docSlug}#${anchor}`;
    let n = numbers.get(key);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(key, n);
      sources.push({ n, place: whereLabel(docs[docSlug], docTitle(docSlug), anchor) });
    }
    return n;
  };
  const { stated, empty } = splitEmptyFacets(c.facets, c.partners);
  const rows = stated.map((f) => {
    const cells: Record<string, SheetCell> = {};
    for (const p of c.partners) {
      const entries = f.cells[p.id] ?? [];
      const a = cellAnswer(f.id, entries, p);
      cells[p.id] = {
        parts: a.parts.map((part) => ({
          ...(part.date ? { date: formatDate(part.date) } : {}),
          text: part.text,
          cites: [...new Set(part.cites.map((i) => number(a.sources[i - 1]!.docSlug, a.sources[i - 1]!.anchor)))],
          ...(part.more ? { more: part.more } : {}),
        })),
        differ: a.differ,
      };
    }
    return { id: f.id, label: f.label, cells };
  });
  return { title: sheetTitle(c.partners.map((p) => p.name)), rows, empty: empty.map((f) => f.label), sources };
}
