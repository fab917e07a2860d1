// Plain text: paragraphs are separated by blank lines (hard-wrapped lines are joined), a short
// first line is the title, short unpunctuated lines followed by prose are headings ("2.1 Scope"
// nests by its number; an `===`/`---` underline marks one too), bullet lines are lists and
// "12. …" paragraphs keep their number.
import type { ParsedDocument } from '../model';
import { joinBroken, StructureWriter } from './structure';

const BULLET = /^\s*(?:[-*•◦▪–]|\d{1,3}[.)]|[a-z][.)])\s+/;
const SECTION_NUMBER = /^(\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+\S/;
const MAX_HEADING = 100;

interface Chunk {
  lines: string[];
  at: number;
}

export function readPlainText(text: string, sourceFile: string, fallbackTitle: string): ParsedDocument {
  const out = new StructureWriter(sourceFile, 'text', fallbackTitle);
  const chunks = splitChunks(text);

  chunks.forEach((chunk, i) => {
    const { lines, at } = chunk;
    const next = chunks[i + 1];
    const single = lines.length === 1 ? lines[0]! : null;
    // Setext heading: "Title\n=====".
    if (lines.length === 2 && /^(=+|-+)$/.test(lines[1]!) && lines[0]!.length <= MAX_HEADING) {
      if (i === 0) out.setTitle(lines[0]!);
      else out.heading(lines[0]!, lines[1]!.startsWith('=') ? 2 : 3, at);
      return;
    }
    if (single !== null && i === 0 && next && looksLikeHeading(single)) {
      out.setTitle(single);
      return;
    }
    if (single !== null && next && looksLikeHeading(single)) {
      const numbered = SECTION_NUMBER.exec(single);
      out.heading(single, numbered ? 1 + numbered[1]!.split('.').length : 2, at);
      return;
    }
    if (lines.length > 1 && isListChunk(lines)) {
      const items: string[] = [];
      for (const l of lines) {
        if (BULLET.test(l)) items.push(l.replace(BULLET, ''));
        else items[items.length - 1] = joinBroken(items[items.length - 1]!, l.trim());
      }
      out.list(items, /^\s*\d/.test(lines[0]!) ? 'numbered' : 'bullet', at);
      return;
    }
    const joined = lines.map((l) => l.trim()).reduce((a, b) => (a === '' ? b : joinBroken(a, b)), '');
    out.paragraph(joined, at);
  });
  return out.finish();
}

function splitChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | null = null;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') {
      current = null;
      return;
    }
    if (!current) chunks.push((current = { lines: [], at: i + 1 }));
    current.lines.push(line);
  });
  return chunks;
}

function looksLikeHeading(line: string): boolean {
  const t = line.trim();
  return t.length <= MAX_HEADING && /^[\p{Lu}\p{N}]/u.test(t) && !/[.,;:!?]$/.test(t) && !/^[-*•◦▪–]\s/.test(t);
}

function isListChunk(lines: string[]): boolean {
  return BULLET.test(lines[0]!) && lines.filter((l) => BULLET.test(l)).length >= Math.max(2, lines.length / 2);
}
