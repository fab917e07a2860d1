// `relations-desk compare <partner> <partner> [… up to 4] --out FILE.pdf [--paper a4|letter]`:
// the comparison sheet (the grid's one-line answers, landscape for four partners) printed by the
// same path as the briefing (printRouteToPdf: the renderer in headless Chromium, requests
// answered in-process).
import path from 'node:path';
import { DeskError } from '../shared/api';
import type { Comparison, PaperSize } from '../shared/types';
import { checkWritable, printRouteToPdf, type BriefingPdfOptions } from './briefing';

export interface ComparePdfResult {
  out: string;
  pages: number;
  millis: number;
  title: string;
  paper: PaperSize;
}

/** The route that shows the comparison sheet alone. */
export function compareSheetRoute(ids: readonly string[], paper: PaperSize): string {
  return `#/compare?p=${ids.map(encodeURIComponent).join(',')}&mode=grid${paper === 'letter' ? '&paper=letter' : ''}&print=1`;
}

export async function renderComparePdf(opts: BriefingPdfOptions): Promise<ComparePdfResult> {
  const t0 = performance.now();
  const out = path.resolve(opts.out);
  checkWritable(out);
  // The comparison first: unknown partners fail here, with suggestions, before any browser starts.
  const env = await opts.desk.dispatch('compare', { partners: opts.partners });
  if (!env.ok) throw new DeskError(env.error.code, env.error.message, env.error.hint);
  const comparison = env.value as Comparison;
  const ids = comparison.partners.map((p) => p.id);
  const { pages } = await printRouteToPdf({
    ...opts,
    out,
    route: compareSheetRoute(ids, opts.paper),
    ready: '[data-compare-sheet-ready]',
    failed: 'data-compare-error',
    what: 'comparison sheet',
  });
  const names = comparison.partners.map((p) => p.name);
  const title = `Albania with ${names.slice(0, -1).join(', ')} and ${names.at(-1)}: comparison`;
  return { out, pages, millis: Math.round(performance.now() - t0), title, paper: opts.paper };
}
