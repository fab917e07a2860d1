// Markdown converted from a PDF: a bold (often ALL CAPS, multi-line) title, `##`–`####` headings
// with optional bold markers, numbered paragraphs (`12. text`), `- ◇ item` bullets, and
// paragraphs cut in two by page breaks.
import {
  cleanInline,
  DocBuilder,
  hasControlChars,
  isGarbage,
  parseMarkedHeading,
} from './doc-builder';
import { buildTable, isTableLine, isTableSeparator, splitRow, type RawTable } from './tables';

interface OpenParagraph {
  block: { text: string; number?: string };
  line: number;
}

export interface PdfTitle {
  title: string;
  /** Indexes (0-based) of the lines the title was read from. */
  first: number;
  last: number;
}

/** Longest title, in lines, we look for a closing `**` over. */
const MAX_TITLE_LINES = 6;

/**
 * The bold title on the first non-blank line(s): `**TITLE  ⏎ CONTINUED**`, or a `# Title` line.
 * ALL-CAPS titles are re-cased (see `recaseTitle`).
 */
export function findPdfTitle(lines: string[]): PdfTitle | null {
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first === -1) return null;
  const start = lines[first]!.trim();
  if (start.startsWith('# ')) {
    const title = cleanInline(start.slice(2));
    return title ? { title: maybeRecase(title, lines), first, last: first } : null;
  }
  if (!start.startsWith('**')) return null;
  const parts: string[] = [];
  for (let i = first; i < lines.length && i < first + MAX_TITLE_LINES; i++) {
    const line = lines[i]!.trim();
    if (line === '') return null;
    parts.push(line);
    const closes = i === first ? line.length > 2 && line.endsWith('**') : line.endsWith('**');
    if (closes) {
      const title = cleanInline(parts.join(' ')).replace(/\s+/g, ' ');
      return title ? { title: maybeRecase(title, lines), first, last: i } : null;
    }
  }
  return null;
}

function maybeRecase(title: string, lines: string[]): string {
  return /\p{Ll}/u.test(title) ? title : recaseTitle(title, acronymsIn(lines));
}

// Words kept lower case inside a title (not as its first word).
const MINOR_WORDS = new Set(
  'a an and as at between but by for from in into nor of on onto or over per the to under upon via vs with within without'.split(' '),
);

/**
 * Re-case an ALL-CAPS title: "SECURITY AND DEFENCE PARTNERSHIP BETWEEN THE EUROPEAN UNION AND THE
 * REPUBLIC OF ALBANIA" → "Security and Defence Partnership between the European Union and the
 * Republic of Albania". Words in `acronyms` (e.g. "EU", found in upper case in the body) stay.
 */
export function recaseTitle(title: string, acronyms: ReadonlySet<string> = new Set()): string {
  let first = true;
  return title.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const isFirst = first;
    first = false;
    if (acronyms.has(word)) return word;
    const lower = word.toLocaleLowerCase('en');
    if (!isFirst && MINOR_WORDS.has(lower)) return lower;
    return lower.charAt(0).toLocaleUpperCase('en') + lower.slice(1);
  });
}

/** Upper-case words of 2+ letters used in mixed-case lines of the body ("EU", "CSDP", "NATO"). */
function acronymsIn(lines: string[]): Set<string> {
  const found = new Set<string>();
  for (const line of lines) {
    if (!/\p{Ll}/u.test(line)) continue;
    for (const m of line.matchAll(/\b[A-Z]{2,}\b/g)) found.add(m[0]);
  }
  return found;
}

const NUMBERED = /^(\d{1,4})\.\s+/;
const BULLET = /^(?:[-*•]\s+)?◇\s*|^[-*•]\s+/;
// A paragraph that ends with one of these (optionally followed by closing quotes/brackets) is
// complete; anything else was cut, e.g. by a page break.
const TERMINAL = /[.!?:;…]["'”’»)\]]*$/;

/**
 * Parse PDF-Markdown lines into `builder`. Lines `titleFirst..titleLast` (0-based) are the title.
 */
export function parsePdfMarkdown(lines: string[], builder: DocBuilder, titleFirst: number, titleLast: number): void {
  let table: RawTable | null = null;
  let list: { style: 'bullet' | 'diamond'; items: string[]; line: number } | null = null;
  const para: {
    /** The paragraph that the next prose line continues (no blank line in between). */
    open: OpenParagraph | null;
    /** The last paragraph, if nothing but blank lines came after it (a page-break candidate). */
    last: OpenParagraph | null;
  } = { open: null, last: null };

  const flushTable = () => {
    if (!table) return;
    if (table.rows.length > 0) builder.addBlock(buildTable(table, { builder, path: builder.section.path }), table.startLine);
    table = null;
  };
  const flushList = () => {
    if (!list) return;
    builder.addBlock({ type: 'list', style: list.style, items: list.items }, list.line);
    list = null;
  };
  const endBlock = () => {
    flushTable();
    flushList();
    para.open = null;
    para.last = null;
  };

  for (let i = 0; i < lines.length; i++) {
    if (i >= titleFirst && i <= titleLast) continue;
    const lineNo = i + 1;
    const raw = lines[i]!;
    if (hasControlChars(raw)) builder.warn(lineNo, 'control-chars', `Line ${lineNo} contains control characters; they were removed.`);
    const line = raw.trim();

    if (line === '') {
      flushTable();
      flushList();
      if (para.open) para.last = para.open;
      para.open = null;
      continue;
    }

    if (line.startsWith('#')) {
      const h = parseMarkedHeading(line, '#');
      if (h) {
        endBlock();
        const heading = cleanInline(h.text);
        if (heading === '' || isGarbage(heading)) {
          builder.warn(lineNo, 'heading-empty', `Heading at line ${lineNo} has no text; ignored.`);
          continue;
        }
        let level = h.level;
        if (level < 2 || level > 4) {
          const clamped = Math.min(4, Math.max(2, level));
          builder.warn(lineNo, 'heading-level', `Heading "${heading}" at line ${lineNo} has level ${level}; read as level ${clamped}.`);
          level = clamped;
        }
        builder.startSection(heading, level, lineNo);
        continue;
      }
    }

    if (isTableLine(line)) {
      if (isTableSeparator(line)) continue;
      flushList();
      para.open = null;
      para.last = null;
      const { cells, closed } = splitRow(line);
      if (!closed) {
        builder.warn(lineNo, 'table-row-unclosed', `Table row at line ${lineNo} has no closing "|"; read as a row anyway.`);
      }
      table ??= { rows: [], startLine: lineNo };
      table.rows.push({ cells, line: lineNo });
      continue;
    }
    flushTable();

    const bullet = BULLET.exec(line);
    if (bullet) {
      const style = bullet[0].includes('◇') ? 'diamond' : 'bullet';
      const text = cleanInline(line.slice(bullet[0].length));
      para.open = null;
      para.last = null;
      if (list && list.style !== style) flushList();
      if (text === '') continue;
      list ??= { style, items: [], line: lineNo };
      list.items.push(text);
      continue;
    }
    flushList();

    const numbered = NUMBERED.exec(line);
    const text = cleanInline(numbered ? line.slice(numbered[0].length) : line);
    if (text === '' || isGarbage(text)) {
      builder.warn(lineNo, 'garbage-line', `Line ${lineNo} has no readable text ("${line.slice(0, 40)}"); skipped.`);
      continue;
    }

    if (!numbered && para.open) {
      // Markdown: consecutive lines are one paragraph.
      para.open.block.text = joinText(para.open.block.text, text);
      continue;
    }
    if (!numbered && para.last && continuesAfterBreak(para.last.block, text)) {
      builder.warn(
        lineNo,
        'joined-paragraph',
        `Line ${lineNo} continues the paragraph at line ${para.last.line} (cut mid-sentence, probably by a page break); joined.`,
      );
      para.last.block.text = joinText(para.last.block.text, text);
      para.open = para.last;
      para.last = null;
      continue;
    }

    const block = builder.addBlock(
      numbered ? { type: 'paragraph', text, number: numbered[1]! } : { type: 'paragraph', text },
      lineNo,
    );
    para.open = { block, line: lineNo };
    para.last = null;
  }
  flushTable();
  flushList();
}

/**
 * A paragraph cut by a page break: the previous paragraph does not end a sentence, and the new
 * text starts in lower case — or, in a document of numbered paragraphs, the previous one is
 * numbered and the new text has no number of its own (the 26th paragraph of the EU–Albania
 * partnership continues with "Security and Defence College (ESDC)…").
 */
function continuesAfterBreak(prev: { text: string; number?: string }, next: string): boolean {
  if (TERMINAL.test(prev.text.slice(-12))) return false;
  const firstLetter = /\p{L}/u.exec(next.slice(0, 10));
  if (firstLetter && /\p{Ll}/u.test(firstLetter[0])) return true;
  return prev.number !== undefined;
}

function joinText(a: string, b: string): string {
  // A word hyphenated across the break ("EU-" + "Albania") is kept as written, without a space.
  return /\p{L}-$/u.test(a) ? a + b : `${a} ${b}`;
}
