// Fit a sheet to its pages (at most three) and balance it, so it never ends on a near-empty page:
// of a few densities (line height and type size) that keep it within its pages, the first whose
// last page is balanced, preferring the usual one, then a tighter one (that may save the page),
// then looser ones (that carry more onto the last page). A sheet no density fits is shortened
// (shorten.ts) and fitted again.
// The sheet is laid out on screen at the paper's width, which is the printed width, and its
// blocks are paginated as the printer will (paginate), keeping rows and quotes whole.
import type { Attachment } from 'svelte/attachments';
import type { PaperSize } from '../../../../shared/types';

export const DENSITIES = ['normal', 'tight', 'loose', 'looser'] as const;
export type Density = (typeof DENSITIES)[number];

/**
 * A last page estimated this full (of its printable height) is balanced: at least 45 % (the
 * estimate can be off by a tenth of a page — repeated table headings, line boxes — and the goal
 * is a quarter), at most 88 % (an estimate of a full page may spill a few lines onto a new one).
 */
export const MIN_LAST_PAGE = 0.45;
export const MAX_LAST_PAGE = 0.88;

/** Printable height of a page in CSS px (96 per inch): the paper less the 18 mm top and bottom margins. */
export function pageHeightPx(paper: PaperSize, landscape = false): number {
  const [w, h] = paper === 'letter' ? [215.9, 279.4] : [210, 297];
  return ((landscape ? w : h) - 36) * (96 / 25.4);
}

/** A block the printer keeps whole (a row, a quote, a list item), as its top and bottom in px. */
export interface Atom {
  top: number;
  bottom: number;
  /** A heading: kept on the page of what follows it (break-after: avoid). */
  keep?: boolean;
}

/**
 * Lay blocks out on pages as the printer does with break-inside: avoid — a block that would cross
 * the page's end starts the next page (one taller than a page is split) — and say how many pages
 * and how full the last is (0–1).
 */
export function paginate(atoms: readonly Atom[], page: number): { pages: number; lastFill: number } {
  const sorted = [...atoms].sort((a, b) => a.top - b.top);
  const origin = sorted[0]?.top ?? 0;
  let start = origin;
  let end = origin;
  let pages = 1;
  sorted.forEach((a, i) => {
    if (a.bottom - start > page) {
      // The page breaks before this block, or before the headings right above it.
      let first = i;
      while (first > 0 && sorted[first - 1]!.keep && sorted[first - 1]!.top > start) first--;
      const top = sorted[first]!.top;
      if (top > start) {
        start = top;
        pages++;
      }
      while (a.bottom - start > page) {
        start += page;
        pages++;
      }
    }
    end = Math.max(end, a.bottom);
  });
  return { pages, lastFill: Math.min(1, (end - start) / page) };
}

const balanced = (fill: number) => fill >= MIN_LAST_PAGE && fill <= MAX_LAST_PAGE;

/** The first density (in DENSITIES order, of `among`) whose last page is balanced; else the one nearest to it. */
export function chooseDensity(lastFill: (d: Density) => number, among: readonly Density[] = DENSITIES): Density {
  let best: Density = among[0] ?? 'normal';
  let bestMiss = Infinity;
  for (const d of among) {
    const fill = lastFill(d);
    if (balanced(fill)) return d;
    const miss = fill < MIN_LAST_PAGE ? MIN_LAST_PAGE - fill : fill - MAX_LAST_PAGE;
    if (miss < bestMiss) [best, bestMiss] = [d, miss];
  }
  return best;
}

export interface Measure {
  pages: number;
  lastFill: number;
}

/** Within `maxPages` by the estimate, with the same margin as balancing: a last page over 88 % full may spill. */
export function fitsPages(m: Measure, maxPages: number): boolean {
  return m.pages < maxPages || (m.pages === maxPages && m.lastFill <= MAX_LAST_PAGE);
}

/**
 * The balanced density among those that keep the sheet within `maxPages`; when none does, the
 * tightest, and `fits: false` (the sheet is then shortened and measured again).
 */
export function chooseFit(measure: (d: Density) => Measure, maxPages: number): { density: Density; fits: boolean } {
  // The tightest density first: when even it runs over, the others would too (they only loosen
  // the line height), and a long sheet is spared three layouts per shortening step.
  const tightest = measure('tight');
  if (!fitsPages(tightest, maxPages)) return { density: 'tight', fits: false };
  const measured = new Map(DENSITIES.map((d) => [d, d === 'tight' ? tightest : measure(d)] as const));
  const fitting = DENSITIES.filter((d) => fitsPages(measured.get(d)!, maxPages));
  return { density: chooseDensity((d) => measured.get(d)!.lastFill, fitting), fits: true };
}

/** What print keeps whole: the outermost rows, list items, quotes, headings and the title block. */
const ATOM = '.sheet-head, .note, h2, h3, tr, li, .quote';

function atomsOf(el: HTMLElement): Atom[] {
  const all = [...el.querySelectorAll<HTMLElement>(ATOM)];
  return all
    .filter((a) => !a.parentElement?.closest(ATOM) || !el.contains(a.parentElement.closest(ATOM)))
    .map((a) => {
      const r = a.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, ...(/^H[1-6]$/.test(a.tagName) ? { keep: true } : {}) };
    });
}

/**
 * Set the sheet's data-density to the balanced one within `maxPages` once its fonts are in, then
 * call `done(fits)`: false when no density keeps it within `maxPages` (the sheet then shortens
 * itself, which runs this again, and says it is ready only when it fits or cannot shorten more,
 * so the CLI prints the fitted layout). An attachment:
 * `{@attach fitPages({ paper, landscape, maxPages, content }, (fits) => …)}`; it runs again when
 * any of them changes (`content`: whatever the sheet shows, read only for that).
 */
export function fitPages(opts: { paper: PaperSize; landscape: boolean; maxPages: number; content: unknown }, done: (fits: boolean) => void): Attachment<HTMLElement> {
  const { paper, landscape, maxPages } = opts;
  return (el) => {
    let cancelled = false;
    void document.fonts.ready.then(() => {
      if (cancelled) return;
      // A table's headings repeat on every page it runs over: a page holds that much less.
      const thead = el.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      const page = pageHeightPx(paper, landscape) - thead;
      // Measured as printed: without the on-screen Pin / Remove buttons.
      el.dataset.measuring = 'true';
      const { density, fits } = chooseFit((d) => {
        el.dataset.density = d;
        return paginate(atomsOf(el), page);
      }, maxPages);
      delete el.dataset.measuring;
      el.dataset.density = density;
      done(fits);
    });
    return () => {
      cancelled = true;
    };
  };
}
