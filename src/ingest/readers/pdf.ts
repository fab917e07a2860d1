// PDF → document structure, from the text layer's lines (pdfText.ts):
//   running headers and footers: lines near the top or bottom edge whose text (digits aside)
//     repeats on at least half the pages, and page numbers ("3", "Page 3 of 8", "- 3 -"), dropped;
//   headings: lines set larger than the body text (the most common size); the largest on the
//     first page, before any body text, is the title; the other sizes are levels 2, 3, 4;
//   paragraphs: body lines until a wider vertical gap; one cut by a page break is joined again
//     when it did not end a sentence or the next page goes on in lower case; "12. …" keeps its
//     number; bullets ("•", "–", "(a)") and indented runs make lists; lines split into aligned
//     columns make tables (a missing cell stays empty and goes through the corpus's gap rule).
import type { ParsedDocument } from '../model';
import type { PdfLine, PdfPages } from './pdfText';
import { StructureWriter } from './structure';

const EDGE = 0.12;
/** Text this much larger than the body text is a heading (Chromium's h4 is 12 pt over 11 pt). */
const HEADING_RATIO = 1.08;
const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const BULLET = /^(?:[•◦▪●○■□◆◇‣⁃*–-]|\([a-z0-9]{1,3}\)|[a-z]\))\s+/;
const NUMBERED = /^(\d{1,4})\.\s+(?=\S)/;

export function structurePdf(pages: PdfPages, sourceFile: string, fallbackTitle: string): ParsedDocument {
  const out = new StructureWriter(sourceFile, 'pdf', fallbackTitle);
  const lines = dropRunningLines(pages, out);
  if (lines.length === 0) return out.finish();

  const body = bodySize(lines);
  const left = mode(lines.filter((l) => Math.abs(l.size - body) < 0.6).map((l) => Math.round(l.x)));
  const headingSizes = [...new Set(lines.filter((l) => l.size >= body * HEADING_RATIO).map((l) => Math.round(l.size * 2) / 2))].sort((a, b) => b - a);

  // Title: the largest text at the top of page 1, before the first body line.
  let start = 0;
  const first = lines[0]!;
  if (first.page === 1 && first.size >= body * HEADING_RATIO) {
    const size = first.size;
    let end = 0;
    while (end < lines.length && lines[end]!.page === 1 && Math.abs(lines[end]!.size - size) < 0.6) end++;
    out.setTitle(lines.slice(0, end).map((l) => l.text).join(' '));
    start = end;
    if (Math.round(size * 2) / 2 === headingSizes[0] && !lines.slice(end).some((l) => Math.abs(l.size - size) < 0.6)) headingSizes.shift();
  }
  if (!out.hasTitle && pages.title) out.setTitle(pages.title);

  const levelOf = (size: number): number => {
    const k = headingSizes.findIndex((s) => Math.abs(s - size) < 0.6);
    return 2 + Math.max(0, Math.min(2, k));
  };
  // Line spacing of running text: the most common step between consecutive one-column body lines.
  const prose = (l: PdfLine) => l.segments.length === 1 && Math.abs(l.size - body) < 0.6;
  const steps = lines.slice(1).map((l, i) => (l.page === lines[i]!.page && prose(l) && prose(lines[i]!) ? Math.round((l.y - lines[i]!.y) * 2) / 2 : NaN));
  const spacing = mode(steps.filter((d) => d > 0 && d < body * 3)) || body * 1.2;

  const joinLine = joiner(lines);
  let i = start;
  let para: { text: string; page: number; number?: string } | null = null;
  const flush = () => {
    if (!para) return;
    out.paragraph(para.text, para.page);
    para = null;
  };

  while (i < lines.length) {
    const line = lines[i]!;
    const prev = lines[i - 1];
    if (line.size >= body * HEADING_RATIO) {
      flush();
      let text = line.text;
      while (lines[i + 1] && Math.abs(lines[i + 1]!.size - line.size) < 0.6 && lines[i + 1]!.page === line.page && lines[i + 1]!.y - lines[i]!.y < line.size * 1.6) text += ` ${lines[++i]!.text}`;
      out.heading(text, levelOf(line.size), line.page);
      i++;
      continue;
    }
    const table = tableAt(lines, i, body);
    if (table > i + 1) {
      flush();
      out.table(columnsOf(lines.slice(i, table)), line.page);
      i = table;
      continue;
    }
    if (BULLET.test(line.text) || (line.x > left + body * 1.2 && !NUMBERED.test(line.text))) {
      const end = listEnd(lines, i, left, body);
      if (end > i) {
        flush();
        out.list(listItems(lines.slice(i, end), body), /^\(?\d/.test(line.text) ? 'numbered' : 'bullet', line.page);
        i = end;
        continue;
      }
    }
    const newPage = prev !== undefined && prev.page !== line.page;
    const gap = prev && !newPage ? line.y - prev.y : 0;
    if (newPage && para && !NUMBERED.test(line.text) && (!/[.!?:;)"”]$/.test(para.text) || /^\p{Ll}/u.test(line.text))) {
      // A paragraph cut by the page break.
      para.text = joinLine(para.text, line.text);
    } else if (!para || newPage || NUMBERED.test(line.text) || gap > spacing * 1.45 || line.x > left + body) {
      flush();
      para = { text: line.text, page: line.page };
    } else {
      para.text = joinLine(para.text, line.text);
    }
    i++;
  }
  flush();
  return out.finish();
}

/**
 * Joins a line to the one before it. A line-final hyphen stays (no space: "Albanian-" + "Turkish")
 * unless the document spells the word whole elsewhere ("rela-" + "tions" → "relations"): a
 * browser's PDF breaks only at real hyphens, a typesetter's also inside words.
 */
function joiner(lines: PdfLine[]): (before: string, after: string) => string {
  let words: Set<string> | null = null;
  return (before, after) => {
    const hyphen = /(\p{L}+)-$/u.exec(before);
    if (!hyphen) return `${before} ${after}`;
    const rest = /^\p{L}+/u.exec(after)?.[0] ?? '';
    words ??= new Set(lines.flatMap((l) => l.text.toLowerCase().split(/[^\p{L}]+/u)));
    const whole = `${hyphen[1]}${rest}`.toLowerCase();
    return rest && /^\p{Ll}/u.test(rest) && words.has(whole) ? before.slice(0, -1) + after : before + after;
  };
}

/** Lines without running headers, footers and page numbers (each kind reported once). */
function dropRunningLines(pages: PdfPages, out: StructureWriter): PdfLine[] {
  const h = pages.pageHeight || 842;
  const byPage = new Map<number, PdfLine[]>();
  for (const l of pages.lines) (byPage.get(l.page) ?? byPage.set(l.page, []).get(l.page)!).push(l);
  const edge = (l: PdfLine, list: PdfLine[]): boolean => {
    const k = list.indexOf(l);
    return (l.y < h * EDGE || l.y > h * (1 - EDGE)) && (k < 2 || k >= list.length - 2);
  };
  const key = (l: PdfLine) => l.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();
  const counts = new Map<string, Set<number>>();
  for (const [page, list] of byPage) for (const l of list) if (edge(l, list)) (counts.get(key(l)) ?? counts.set(key(l), new Set()).get(key(l))!).add(page);
  const repeated = new Set([...counts].filter(([, p]) => pages.pageCount >= 2 && p.size >= Math.max(2, pages.pageCount / 2)).map(([k]) => k));
  let dropped = 0;
  const kept = pages.lines.filter((l) => {
    const list = byPage.get(l.page)!;
    const drop = edge(l, list) && (repeated.has(key(l)) || PAGE_NUMBER.test(l.text.trim()));
    if (drop) dropped++;
    return !drop;
  });
  if (dropped > 0) out.warn(1, 'running-lines-dropped', `${dropped} running header, footer or page-number line(s) on ${pages.pageCount} page(s) were left out.`);
  return kept;
}

/** The font size of most of the text. */
function bodySize(lines: PdfLine[]): number {
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(Math.round(l.size * 2) / 2, (chars.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  return [...chars].sort((a, b) => b[1] - a[1])[0]![0];
}

/** End (exclusive) of a run of 2+ lines that each have 2+ column segments lining up. */
function tableAt(lines: PdfLine[], i: number, body: number): number {
  let end = i;
  while (end < lines.length && lines[end]!.segments.length >= 2 && lines[end]!.size < body * HEADING_RATIO && (end === i || lines[end]!.page === lines[end - 1]!.page)) end++;
  // A row with one segment inside a table (a lost cell) belongs to it when it sits under a column.
  while (end > i + 1 && end < lines.length && lines[end]!.segments.length === 1 && lines[end]!.page === lines[end - 1]!.page) {
    const starts = lines.slice(i, end).flatMap((l) => l.segments.map((s) => s.x));
    const s = lines[end]!.segments[0]!;
    if (starts.some((x) => Math.abs(x - s.x) < body) && s.x > lines[i]!.x + body && lines[end]!.y - lines[end - 1]!.y < body * 3) end++;
    else break;
  }
  return end;
}

/** Table lines → rows of cells, by the columns their segments start in. */
function columnsOf(rows: PdfLine[]): string[][] {
  const starts = [...rows[0]!.segments.map((s) => s.x)];
  for (const r of rows) for (const s of r.segments) if (!starts.some((x) => Math.abs(x - s.x) < r.size)) starts.push(s.x);
  starts.sort((a, b) => a - b);
  return rows.map((r) => {
    const cells = starts.map(() => '');
    for (const s of r.segments) {
      let c = 0;
      for (let k = 0; k < starts.length; k++) if (starts[k]! <= s.x + r.size) c = k;
      cells[c] = cells[c] ? `${cells[c]} ${s.text}` : s.text;
    }
    return cells;
  });
}

/** End (exclusive) of a list starting at i: bulleted or indented lines. */
function listEnd(lines: PdfLine[], i: number, left: number, body: number): number {
  let end = i;
  while (end < lines.length) {
    const l = lines[end]!;
    if (l.size >= body * HEADING_RATIO || l.segments.length >= 2) break;
    if (!(BULLET.test(l.text) || l.x > left + body * 1.2)) break;
    end++;
  }
  return end;
}

function listItems(lines: PdfLine[], body: number): string[] {
  const joinLine = joiner(lines);
  const items: string[] = [];
  const widest = Math.max(...lines.map((l) => l.right));
  lines.forEach((l, k) => {
    const prev = lines[k - 1];
    const startsItem = !prev || BULLET.test(l.text) || prev.right < widest - body * 4 || l.y - prev.y > body * 1.8 || prev.page !== l.page;
    const text = l.text.replace(BULLET, '');
    if (startsItem) items.push(text);
    else items[items.length - 1] = joinLine(items[items.length - 1]!, text);
  });
  return items;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}
