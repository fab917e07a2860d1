// Documents → passages: the paragraph-sized units that search finds and the reader scrolls to.
// Cells lost in the source (gaps) are never indexed; rows with nothing but numbers and dates are
// left to the timeline, not to full-text search.
import type { Block, DeskDocument, TableRow } from '../shared/types';

export interface RawPassage {
  docSlug: string;
  anchor: string;
  blockId: string;
  sectionPath: string[];
  text: string;
}

/** Passages longer than this are cut at sentence ends so one huge paragraph cannot swamp search. */
export const MAX_PASSAGE_CHARS = 1500;

export function passagesOf(doc: DeskDocument): RawPassage[] {
  const out: RawPassage[] = [];
  for (const section of doc.sections) {
    const path = section.path.length > 0 ? section.path : [];
    for (const block of section.blocks) {
      const text = blockText(block);
      if (!text) continue;
      for (const chunk of chunkText(text, MAX_PASSAGE_CHARS)) {
        out.push({ docSlug: doc.slug, anchor: section.anchor, blockId: block.id, sectionPath: path, text: chunk });
      }
    }
  }
  return out;
}

export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return block.text.trim();
    case 'list':
      return block.items.map((i) => i.trim()).filter(Boolean).join('\n');
    case 'infobox':
      return block.fields
        .filter((f) => !PRESENTATIONAL_INFOBOX_KEYS.has(f.key.toLowerCase()))
        .map((f) => `${f.key}: ${f.value}`)
        .join('\n');
    case 'table': {
      const rows = block.rows.map(rowText).filter(Boolean);
      return rows.join('\n');
    }
    case 'seeAlso':
      // A link list reads as a list, not as run-on text: "A · B · C" (search ranks it below prose).
      return block.items.map((i) => i.title.trim()).filter(Boolean).join(' · ');
    case 'term':
      return '';
  }
}

/** Map/size keys describe an image the export dropped; they are not content to search. */
const PRESENTATIONAL_INFOBOX_KEYS = new Set(['map', 'size', 'image', 'caption']);

const MONTHS = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/g;

function rowText(row: TableRow): string {
  const cells = row.cells.filter((c) => !c.gap && c.text.trim() !== '');
  // A row of only numbers and dates says nothing to full-text search.
  if (!cells.some((c) => /\p{L}{3,}/u.test(c.text.replace(MONTHS, '')))) return '';
  return cells.map((c) => c.text.trim()).join(' — ');
}

/** Split text into chunks of at most `max` characters, preferring sentence then word ends. */
export function chunkText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + max);
    if (end < text.length) {
      const window = text.slice(start, end);
      const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('.\n'));
      const space = window.lastIndexOf(' ');
      if (sentence > max / 2) end = start + sentence + 1;
      else if (space > max / 2) end = start + space;
    }
    const chunk = text.slice(start, end).trim();
    if (chunk) chunks.push(chunk);
    start = end;
  }
  return chunks;
}
