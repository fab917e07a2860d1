// Text mode: each partner's own text (its main document, or the passages that name it), with the
// places where each facet's cited passages sit, so columns can be aligned facet by facet.
import type { Block, Comparison, DeskDocument, DocumentSummary } from '../../../../shared/types';
import { foldKey } from './match';

export const blockKey = (docSlug: string, blockId: string): string => `${docSlug}#${blockId}`;
const sectionKey = (docSlug: string, anchor: string): string => `${docSlug}#§${anchor}`;

export interface TextBlockItem {
  key: string;
  block: Block;
  /** For a table from another document: the indexes of the rows that name the partner. */
  rows?: number[];
}

export interface TextSection {
  key: string;
  docSlug: string;
  anchor: string;
  /** Headings from the top of the document down to this section ([] for the introduction). */
  path: string[];
  blocks: TextBlockItem[];
}

export interface TextGroup {
  docSlug: string;
  title: string;
  sections: TextSection[];
}

export interface PartnerText {
  partnerId: string;
  /** The document about the partner, when the library has one; otherwise only passages naming it. */
  mainDoc: { slug: string; title: string } | null;
  /** The main document first (whole), then the other documents' passages. */
  groups: TextGroup[];
  /** Block key → reading position in this column. */
  order: Map<string, number>;
}

/** The document about the partner: the one whose first partner it is (a bilateral article before an agreement). */
export function mainDocumentSlug(partnerId: string, docs: readonly DocumentSummary[]): string | null {
  const about = docs.filter((d) => d.kind !== 'overview' && d.partners[0] === partnerId);
  about.sort((a, b) => Number(b.kind === 'bilateral') - Number(a.kind === 'bilateral'));
  return about[0]?.slug ?? null;
}

/** Keys of the blocks (or, without a block id, the sections) the comparison cites for a partner. */
export function citedKeys(comparison: Comparison, partnerId: string): Set<string> {
  const keys = new Set<string>();
  for (const facet of comparison.facets) {
    for (const e of facet.cells[partnerId] ?? []) keys.add(e.blockId ? blockKey(e.docSlug, e.blockId) : sectionKey(e.docSlug, e.anchor));
  }
  return keys;
}

/** Word-bounded, accent- and case-insensitive: does `text` name any of `names`? */
export function namesAny(text: string, names: readonly string[]): boolean {
  const hay = ` ${foldKey(text).replace(/[^\p{L}\p{N}.' ]+/gu, ' ')} `;
  return names.some((n) => {
    const k = foldKey(n).replace(/[^\p{L}\p{N}.' ]+/gu, ' ');
    return k.length > 0 && new RegExp(`[^\\p{L}\\p{N}]${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\p{L}\\p{N}]`, 'u').test(hay);
  });
}

function tableRowsNaming(block: Extract<Block, { type: 'table' }>, names: readonly string[]): number[] | undefined {
  const rows = block.rows.flatMap((r, i) => (!r.subheading && namesAny(r.cells.map((c) => c.text).join(' '), names) ? [i] : []));
  return rows.length > 0 ? rows : undefined;
}

/**
 * One partner's column: the main document whole, then, document by document in library order,
 * the blocks elsewhere that the comparison cites or that `extra` lists (passages naming the
 * partner); tables from other documents keep only the rows that name the partner.
 */
export function buildPartnerText(opts: {
  partnerId: string;
  names: readonly string[];
  mainSlug: string | null;
  /** Every document the column may draw on, in library order. */
  documents: readonly DeskDocument[];
  /** Block keys (docSlug#blockId) to show from documents other than the main one. */
  include: ReadonlySet<string>;
}): PartnerText {
  const { partnerId, names, mainSlug, documents, include } = opts;
  const groups: TextGroup[] = [];
  const order = new Map<string, number>();
  const main = documents.find((d) => d.slug === mainSlug) ?? null;
  const ordered = main ? [main, ...documents.filter((d) => d !== main)] : [...documents];
  for (const doc of ordered) {
    const whole = doc === main;
    const sections: TextSection[] = [];
    for (const s of doc.sections) {
      const sectionCited = include.has(sectionKey(doc.slug, s.anchor));
      const blocks: TextBlockItem[] = [];
      s.blocks.forEach((block, i) => {
        const key = blockKey(doc.slug, block.id);
        if (!whole && !include.has(key) && !(sectionCited && i === 0)) return;
        const item: TextBlockItem = { key, block };
        if (!whole && block.type === 'table') {
          const rows = tableRowsNaming(block, names);
          if (rows) item.rows = rows;
        }
        blocks.push(item);
      });
      if (blocks.length === 0) continue;
      for (const b of blocks) order.set(b.key, order.size);
      sections.push({ key: sectionKey(doc.slug, s.anchor), docSlug: doc.slug, anchor: s.anchor, path: s.path, blocks });
    }
    if (sections.length > 0) groups.push({ docSlug: doc.slug, title: doc.title, sections });
  }
  return { partnerId, mainDoc: main ? { slug: main.slug, title: main.title } : null, groups, order };
}

/** The block a cited entry points at in this column (a section-only citation: the section's first block). */
function resolve(text: PartnerText, key: string): string | undefined {
  if (text.order.has(key)) return key;
  if (!key.includes('#§')) return undefined;
  for (const g of text.groups) for (const s of g.sections) if (s.key === key) return s.blocks[0]?.key;
  return undefined;
}

/** Per facet: the first block in the column's reading order that holds one of the facet's entries. */
export function facetAnchors(comparison: Comparison, text: PartnerText): Map<string, string> {
  const out = new Map<string, string>();
  for (const facet of comparison.facets) {
    let best: string | undefined;
    for (const e of facet.cells[text.partnerId] ?? []) {
      const key = resolve(text, e.blockId ? blockKey(e.docSlug, e.blockId) : sectionKey(e.docSlug, e.anchor));
      if (key !== undefined && (best === undefined || text.order.get(key)! < text.order.get(best)!)) best = key;
    }
    if (best !== undefined) out.set(facet.id, best);
  }
  return out;
}

/** Per block: the facets (in comparison order) whose entries quote it, for the tags in the margin. */
export function blockFacets(comparison: Comparison, text: PartnerText): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const facet of comparison.facets) {
    for (const e of facet.cells[text.partnerId] ?? []) {
      const key = resolve(text, e.blockId ? blockKey(e.docSlug, e.blockId) : sectionKey(e.docSlug, e.anchor));
      if (key === undefined) continue;
      const list = out.get(key) ?? [];
      if (!list.includes(facet.id)) list.push(facet.id);
      out.set(key, list);
    }
  }
  return out;
}

/**
 * The facet a column is "on" when scrolled to `scrollTop`: the facet anchor closest above the top
 * (within `slack` px). Several facets on one block: the current one if it is among them, else the
 * first listed. Above every anchor: null.
 */
export function activeFacet(
  anchors: readonly { facet: string; top: number }[],
  scrollTop: number,
  current: string | null,
  slack = 24,
): string | null {
  let bestTop = -Infinity;
  let found: string[] = [];
  for (const a of anchors) {
    if (a.top > scrollTop + slack) continue;
    if (a.top > bestTop) {
      bestTop = a.top;
      found = [a.facet];
    } else if (a.top === bestTop) found.push(a.facet);
  }
  if (found.length === 0) return null;
  return current !== null && found.includes(current) ? current : found[0]!;
}

/** "Albania–Ukraine relations › History › Post–Cold War…", or "…, introduction" for the lead. */
export function whereLabel(doc: DeskDocument | undefined, title: string, anchor: string): string {
  const s = doc?.sections.find((x) => x.anchor === anchor);
  if (!s) return doc ? `${title}` : title;
  return s.path.length > 0 ? `${title} › ${s.path.join(' › ')}` : `${title}, introduction`;
}

/** `text` cut into runs, `hit` where one of `quotes` appears verbatim (the sentences a column's facets cite). */
export function quoteSegments(text: string, quotes: readonly string[]): { text: string; hit: boolean }[] {
  const ranges: [number, number][] = [];
  for (const q of quotes) {
    if (q.length < 12) continue;
    let from = 0;
    for (let i = text.indexOf(q, from); i >= 0; i = text.indexOf(q, from)) {
      ranges.push([i, i + q.length]);
      from = i + q.length;
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const out: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (e <= at) continue;
    const start = Math.max(s, at);
    if (start > at) out.push({ text: text.slice(at, start), hit: false });
    out.push({ text: text.slice(start, e), hit: true });
    at = e;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), hit: false });
  return out;
}
