// Markdown converted from a PDF: a bold (often ALL CAPS, multi-line) title, `##`–`####` headings
// with optional bold markers, numbered paragraphs (`12. text`), `- ◇ item` bullets, and
// paragraphs cut in two by page breaks.
import { BlockAssembler } from './blockAssembler';
import { cleanInline, DocBuilder, parseMarkedHeading } from './doc-builder';
import { isTableLine, isTableSeparator } from './tables';

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
  const blocks = new BlockAssembler<'bullet' | 'diamond'>(builder);
  const para: {
    /** The paragraph that the next prose line continues (no blank line in between). */
    open: OpenParagraph | null;
    /** The last paragraph, if nothing but blank lines came after it (a page-break candidate). */
    last: OpenParagraph | null;
  } = { open: null, last: null };

  const endBlock = () => {
    blocks.flushTable();
    blocks.flushList();
    para.open = null;
    para.last = null;
  };

  for (let i = 0; i < lines.length; i++) {
    if (i >= titleFirst && i <= titleLast) continue;
    const lineNo = i + 1;
    const line = blocks.readLine(lines[i]!, lineNo);

    if (line === '') {
      blocks.flushTable();
      blocks.flushList();
      if (para.open) para.last = para.open;
      para.open = null;
      continue;
    }

    if (line.startsWith('#')) {
      const h = parseMarkedHeading(line, '#');
      if (h) {
        endBlock();
        blocks.heading(h, lineNo, { closingMustMatch: false });
        continue;
      }
    }

    if (isTableLine(line)) {
      if (isTableSeparator(line)) continue;
      blocks.flushList();
      para.open = null;
      para.last = null;
      blocks.tableRow(line, lineNo);
      continue;
    }
    blocks.flushTable();

    const bullet = BULLET.exec(line);
    if (bullet) {
      para.open = null;
      para.last = null;
      blocks.listItem(bullet[0].includes('◇') ? 'diamond' : 'bullet', cleanInline(line.slice(bullet[0].length)), lineNo);
      continue;
    }
    blocks.flushList();

    const numbered = NUMBERED.exec(line);
    const text = blocks.proseText(cleanInline(numbered ? line.slice(numbered[0].length) : line), line, lineNo);
    if (text === null) continue;

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
  blocks.flushTable();
  blocks.flushList();
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
