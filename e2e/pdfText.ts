// A PDF as a reader sees it, through poppler: pages, their text, and how full each page's body is.
import { execFileSync } from 'node:child_process';

export interface PdfPage {
  width: number;
  height: number;
  /** pdftotext -layout. */
  layout: string;
  /** Share (0–1) of the page's body (between the 18 mm margins) that has text. */
  fill: number;
}

const MARGIN = (18 * 72) / 25.4;

export function readPdf(file: string): PdfPage[] {
  const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return bbox
    .split('<page ')
    .slice(1)
    .map((chunk, i) => {
      const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk)!;
      const height = Number(h);
      const bottoms = [...chunk.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1])).filter((y) => y > MARGIN + 2 && y < height - MARGIN - 2);
      const layout = execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' });
      return { width: Number(w), height, layout, fill: bottoms.length ? (Math.max(...bottoms) - MARGIN) / (height - 2 * MARGIN) : 0 };
    });
}
