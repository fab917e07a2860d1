// Test support for src/cli/briefing.test.ts: a PDF read back with poppler as a reader sees it —
// its pages, its text, each word's box, each run of text's font, and its tables rebuilt row by row
// from the words' positions, so a table cell reads whole wherever its lines wrap.
import { execFileSync } from 'node:child_process';

export interface PdfWord {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** A run of text in one font (`pdftohtml -xml`), in PDF points. */
export interface PdfRun {
  page: number;
  top: number;
  bottom: number;
  /** The embedded font's name without its subset tag: "SourceSerif4-Bold". */
  font: string;
  text: string;
}

export interface Pdf {
  file: string;
  pages: number;
  width: number;
  height: number;
  /** pdftotext -layout, one string per page. */
  layout: string[];
  /** pdftotext (reading order), one string per page, whitespace normalised. */
  text: string[];
  words: PdfWord[];
  runs: PdfRun[];
}

export const norm = (s: string) => s.replace(/[\u00ad]/g, '').replace(/\s+/g, ' ').trim();
/** Text compared without spaces and hyphens: a line may wrap anywhere, and pdftotext joins "history--" + "independence" with one hyphen. */
export const squash = (s: string) => s.replace(/[\s\u00ad-]+/g, '');
export const has = (text: string, s: string) => squash(text).includes(squash(s));

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!).replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));

export function readPdf(file: string): Pdf {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
  const page = (i: number, layout: boolean) =>
    execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-f', String(i), '-l', String(i), file, '-'], { encoding: 'utf8' });
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const words: PdfWord[] = [];
  html.split(/<page /).slice(1).forEach((chunk, p) => {
    for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: p + 1, xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text: unescape(m[5]!) });
    }
  });
  const n = Array.from({ length: pages }, (_, i) => i + 1);
  return {
    file,
    pages,
    width: +w!,
    height: +h!,
    layout: n.map((i) => page(i, true)),
    text: n.map((i) => norm(page(i, false))),
    words,
    runs: readRuns(file, +w!),
  };
}

function readRuns(file: string, widthPt: number): PdfRun[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', file], { encoding: 'utf8' });
  const runs: PdfRun[] = [];
  // A font is declared once, on the first page that uses it.
  const fonts = new Map([...xml.matchAll(/<fontspec id="(\d+)"[^>]*family="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/^[A-Z]{6}\+/, '')]));
  for (const pageXml of xml.split(/<page /).slice(1)) {
    const page = Number(/number="(\d+)"/.exec(pageXml)![1]);
    const scale = Number(/width="(\d+)"/.exec(pageXml)![1]) / widthPt;
    for (const m of pageXml.matchAll(/<text top="(-?\d+)" left="-?\d+" width="\d+" height="(\d+)" font="(\d+)">(.*?)<\/text>/g)) {
      const top = Number(m[1]) / scale;
      runs.push({ page, top, bottom: top + Number(m[2]) / scale, font: fonts.get(m[3]!) ?? '?', text: unescape(m[4]!.replace(/<[^>]+>/g, '')) });
    }
  }
  return runs;
}

/**
 * The rows of every table headed by these column names, each row's cells as whole strings. The
 * columns start where their header words start; a row starts on a line where every column has a
 * word (the sheet's cells are top-aligned, so a row's first line has all of them) and takes in the
 * lines below it until the next such line or the page's end. So a cell that wraps (a long quote, a
 * label, "18 February 2008 / exact date") reads whole, whichever fonts set the page.
 */
export function tableRows(pdf: Pdf, headers: readonly string[], bodyTop: number, bodyBottom: number): string[][] {
  const rows: string[][][] = [];
  for (let page = 1; page <= pdf.pages; page++) {
    const lines = linesOf(pdf.words.filter((w) => w.page === page && w.yMin >= bodyTop && w.yMax <= bodyBottom));
    let starts: number[] | null = null;
    let row: string[][] | null = null;
    let above: PdfWord[] | null = null;
    for (const line of lines) {
      const header = headerStarts(line, headers);
      if (header) [starts, row, above] = [header, null, line];
      if (header || !starts) continue;
      const cells = starts.map(() => [] as string[]);
      for (const w of line) cells[Math.max(0, starts.findLastIndex((x) => w.xMin >= x - 2))]!.push(w.text);
      if (cells.every((c) => c.length > 0)) rows.push((row = cells));
      else if (row && gap(above!, line) < 0.5 * height(line)) cells.forEach((c, i) => row![i]!.push(...c));
      // A line that neither starts a row nor follows one closely (a heading, the next section): the table has ended.
      else [starts, row] = [null, null];
      above = line;
    }
  }
  return rows.map((r) => r.map((c) => norm(c.join(' '))));
}

const height = (line: PdfWord[]) => Math.max(...line.map((w) => w.yMax - w.yMin));
const gap = (above: PdfWord[], below: PdfWord[]) => Math.min(...below.map((w) => w.yMin)) - Math.max(...above.map((w) => w.yMax));

/** The words of a page as lines, top to bottom, each left to right. */
function linesOf(words: PdfWord[]): PdfWord[][] {
  const lines: PdfWord[][] = [];
  for (const w of [...words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const line = lines.at(-1);
    // Same line: vertically overlapping the line's first word by more than half its height.
    if (line && Math.min(w.yMax, line[0]!.yMax) - Math.max(w.yMin, line[0]!.yMin) > 0.5 * (line[0]!.yMax - line[0]!.yMin)) line.push(w);
    else lines.push([w]);
  }
  return lines.map((l) => l.sort((a, b) => a.xMin - b.xMin));
}

/** Where each header's first word starts, when this line is exactly the table's header row. */
function headerStarts(line: PdfWord[], headers: readonly string[]): number[] | null {
  if (norm(line.map((w) => w.text).join(' ')) !== headers.join(' ')) return null;
  const starts: number[] = [];
  let i = 0;
  for (const h of headers) {
    starts.push(line[i]!.xMin);
    i += h.split(' ').length;
  }
  return starts;
}
