// The briefing PDF's margins (the sheet's @page margin boxes draw its running header and footer in
// them), paper labels and the sheet's route.
import { BRIEFING_FOOTER_NOTE, type PaperSize } from '../shared/types';

export const PAPER_LABELS: Record<PaperSize, string> = { a4: 'A4', letter: 'US Letter' };

/** Page margins shared by the print stylesheet (@page) and page.pdf / printToPDF: the sheet's header and footer (@page margin boxes) live in them. */
export const PDF_MARGINS = { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } as const;

export const FOOTER_NOTE = BRIEFING_FOOTER_NOTE;

/** The sheet's hash route for a partner or a comparison, as the CLI and the app's links build it. */
export function briefingRoute(partners: readonly string[], opts: { paper?: PaperSize; print?: boolean } = {}): string {
  const q = new URLSearchParams();
  if (partners.length === 1) q.set('partner', partners[0]!);
  else q.set('compare', partners.join(','));
  if (opts.paper) q.set('paper', opts.paper);
  if (opts.print) q.set('print', '1');
  return `#/briefing?${q.toString().replace(/%2C/g, ',')}`;
}
