// Pure helpers for the sheet's text (no Svelte): citations, dates, labels.
import type { BriefingSheet, BriefingSource, PaperSize } from '../../../../shared/types';
import { formatIso } from '../format';

/** "Albania–Kosovo relations › History › Independence" (the introduction when no heading). */
export function sourcePlace(s: Pick<BriefingSource, 'docTitle' | 'sectionPath'>): string {
  return s.sectionPath.length ? `${s.docTitle} › ${s.sectionPath.join(' › ')}` : `${s.docTitle}, introduction`;
}

export const PAPER_LABELS: Record<PaperSize, string> = { a4: 'A4', letter: 'US Letter' };

export { BRIEFING_FOOTER_NOTE as FOOTER_NOTE } from '../../../../shared/types';

/** "Prepared 2 January 2026 · corpus 3378c52ec1eb · built 2026-11-23 · A4" */
export function metaLine(sheet: Pick<BriefingSheet, 'date' | 'corpus'>, paper: PaperSize): string {
  return `Prepared ${formatIso(sheet.date)} · ${sheet.corpus.label} · ${PAPER_LABELS[paper]}`;
}

/** Sources by number, for the citations. */
export function sourcesByNumber(sheet: Pick<BriefingSheet, 'sources'>): Map<number, BriefingSource> {
  return new Map(sheet.sources.map((s) => [s.n, s]));
}
