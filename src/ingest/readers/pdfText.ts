// A PDF's text layer through Mozilla's pdf.js (the legacy build, made for Node): each page's text
// items grouped into lines (same baseline), each line cut into segments where a wide gap splits
// it (table columns). pdf.js only parses: eval is off, no fonts are loaded, and a PDF's own
// JavaScript is never run (pdf.js runs it only in its viewer, which is not used).
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

export interface PdfSegment {
  x: number;
  right: number;
  text: string;
}

export interface PdfLine {
  page: number;
  /** Baseline, from the top of the page (grows downwards). */
  y: number;
  x: number;
  right: number;
  size: number;
  text: string;
  segments: PdfSegment[];
}

export interface PdfPages {
  title: string | null;
  pageCount: number;
  pageHeight: number;
  lines: PdfLine[];
}

/** The reason a PDF cannot be read, in words a person understands. */
export class PdfReadError extends Error {
  constructor(
    readonly code: 'encrypted' | 'damaged',
    message: string,
  ) {
    super(message);
  }
}

/** A gap this many times the font size splits a line into segments. */
const SEGMENT_GAP = 1.5;

export async function readPdfPages(bytes: Uint8Array, onPage?: (done: number, total: number) => void): Promise<PdfPages> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // A copy: pdf.js takes the buffer over, and refuses a Node Buffer.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as { name?: string }).name ?? '';
    if (name === 'PasswordException') throw new PdfReadError('encrypted', 'the PDF is protected by a password');
    throw new PdfReadError('damaged', `the PDF is damaged or not a PDF (${(err as Error).message})`);
  }
  try {
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as { Title?: unknown };
    const title = typeof info.Title === 'string' && info.Title.trim() !== '' ? info.Title.trim() : null;
    const lines: PdfLine[] = [];
    let pageHeight = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const height = page.getViewport({ scale: 1 }).height;
      pageHeight = Math.max(pageHeight, height);
      const content = await page.getTextContent();
      lines.push(...linesOf(content.items.filter((i): i is TextItem => 'str' in i), p, height));
      page.cleanup();
      onPage?.(p, doc.numPages);
    }
    return { title, pageCount: doc.numPages, pageHeight, lines };
  } finally {
    await doc.destroy();
  }
}

/** Text items of one page → lines, top to bottom. */
export function linesOf(items: readonly TextItem[], page: number, height: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | null = null;
  const sorted = items
    .filter((i) => i.str !== '' || i.hasEOL)
    .map((i) => ({ i, y: height - i.transform[5]!, x: i.transform[4]!, size: Math.hypot(i.transform[2]!, i.transform[3]!) || i.height }));
  for (const { i, y, x, size } of sorted) {
    if (i.str.trim() === '') continue;
    if (!current || Math.abs(y - current.y) > Math.max(current.size, size) * 0.4) {
      current = { page, y, x, right: x + i.width, size, text: '', segments: [] };
      lines.push(current);
    }
    const last = current.segments[current.segments.length - 1];
    const gap = last ? x - last.right : Infinity;
    if (last && gap < SEGMENT_GAP * size && gap > -size) {
      last.text += gap > 0.15 * size && !last.text.endsWith(' ') && !i.str.startsWith(' ') ? ` ${i.str}` : i.str;
      last.right = Math.max(last.right, x + i.width);
    } else {
      current.segments.push({ x, right: x + i.width, text: i.str });
    }
    current.x = Math.min(current.x, x);
    current.right = Math.max(current.right, x + i.width);
    current.size = Math.max(current.size, size);
  }
  for (const line of lines) {
    line.segments = line.segments.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() })).filter((s) => s.text !== '');
    line.segments.sort((a, b) => a.x - b.x);
    line.text = line.segments.map((s) => s.text).join(' ');
  }
  return lines.filter((l) => l.text !== '').sort((a, b) => a.y - b.y || a.x - b.x);
}
