// The briefing PDF's running header and footer templates (Chromium's page.pdf and Electron's
// printToPDF take the same ones, so the CLI and the app print identical pages), its margins and
// the sheet's route.
import { BRIEFING_FOOTER_NOTE, type PaperSize } from '../shared/types';

export const PAPER_LABELS: Record<PaperSize, string> = { a4: 'A4', letter: 'US Letter' };

/** Page margins shared by the print stylesheet (@page) and page.pdf / printToPDF: the header and footer live in the top and bottom margins. */
export const PDF_MARGINS = { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } as const;

export const FOOTER_NOTE = BRIEFING_FOOTER_NOTE;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The running header (the sheet's title) and footer ("page N of M", the note, the corpus
 * version) for Chromium's page.pdf and Electron's printToPDF. Chromium fills the pageNumber and
 * totalPages spans; the templates cannot load anything and have no default font size.
 */
export function pdfHeaderFooter(title: string, corpusLabel: string): { headerTemplate: string; footerTemplate: string } {
  const box = 'width:100%;margin:0 16mm;font-family:Helvetica,Arial,sans-serif;font-size:8pt;color:#444;display:flex;justify-content:space-between;gap:8mm;';
  return {
    headerTemplate: `<div style="${box}border-bottom:0.5pt solid #999;padding-bottom:1.5mm;"><span>${escapeHtml(title)}</span><span>Relations Desk</span></div>`,
    footerTemplate:
      `<div style="${box}"><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span>` +
      `<span>${escapeHtml(FOOTER_NOTE)} · ${escapeHtml(corpusLabel)}</span></div>`,
  };
}

/** The sheet's hash route for a partner or a comparison, as the CLI and the app's links build it. */
export function briefingRoute(partners: readonly string[], opts: { paper?: PaperSize; print?: boolean } = {}): string {
  const q = new URLSearchParams();
  if (partners.length === 1) q.set('partner', partners[0]!);
  else q.set('compare', partners.join(','));
  if (opts.paper) q.set('paper', opts.paper);
  if (opts.print) q.set('print', '1');
  return `#/briefing?${q.toString().replace(/%2C/g, ',')}`;
}
