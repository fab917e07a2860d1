// `relations-desk add FILE…`, `remove SLUG` and `docs --mine`: the user's own documents, in the
// same library file the app uses (the user-data folder's user-library.db). Adding runs in the
// importer's worker (src/host/importer.ts), with its time limit per file; each file gets a report
// line as it finishes, and progress goes to stderr when it is a terminal.
import path from 'node:path';
import type { DocumentSummary } from '../shared/types';
import { ADDED_FORMAT_LABELS, type ImportReport } from '../shared/userDocuments';
import { importFiles } from '../host/importer';
import { formatTable } from './format';

export interface AddRun {
  files: string[];
  libraryFile: string;
  bundledDb: string;
  json: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
  progress: boolean;
}

/** Exit code: 0 when every file was added (or was already there unchanged), 1 when any was refused. */
export async function runAdd(run: AddRun): Promise<number> {
  const reports = await importFiles({
    libraryFile: run.libraryFile,
    bundledDb: run.bundledDb,
    files: run.files.map((f) => ({ name: path.basename(f), path: path.resolve(f) })),
    ...(run.progress ? { onProgress: (p) => run.err(`  ${p.file}: ${p.stage}${p.fraction !== undefined ? ` ${Math.round(p.fraction * 100)} %` : ''}…`) } : {}),
    onReport: (_, r) => {
      if (!run.json) run.out(formatReport(r));
    },
  });
  if (run.json) run.out(JSON.stringify(reports, null, 2));
  const refused = reports.filter((r) => r.status === 'refused' || r.status === 'cancelled');
  if (!run.json && reports.length > 1) run.out(`${reports.length - refused.length} of ${reports.length} file(s) in your library; ${refused.length} refused.`);
  for (const r of refused) run.err(`relations-desk: ${r.message ?? `${r.file}: refused`}`);
  return refused.length > 0 ? 1 : 0;
}

export function formatReport(r: ImportReport): string {
  if (r.status === 'refused' || r.status === 'cancelled') return `${r.status === 'refused' ? 'Refused' : 'Cancelled'}  ${r.message ?? r.file}`;
  if (r.status === 'unchanged') return `Unchanged  ${r.message ?? r.file}  [${r.slug}]`;
  const c = r.counts;
  const lines = [`${r.status === 'replaced' ? 'Replaced' : 'Added'}  ${r.file} → "${r.title}"  [${r.slug}, ${r.format ? ADDED_FORMAT_LABELS[r.format] : ''}${r.millis !== undefined ? `, ${r.millis} ms` : ''}]`];
  if (c) lines.push(`  sections ${c.sections}, paragraphs ${c.paragraphs}, lists ${c.lists}, tables ${c.tables}, passages ${c.passages}, events ${c.events}, partners ${c.partners}`);
  if (r.lost && (r.lost.gapCells > 0 || r.lost.droppedLines > 0)) {
    lines.push(`  lost in the source: ${r.lost.gapCells} table cell(s) in ${r.lost.tablesWithGaps} table(s), kept as gaps; left out: ${r.lost.droppedLines} running header, footer or page-number line(s)`);
  }
  for (const w of r.warnings ?? []) if (w.code !== 'running-lines-dropped') lines.push(`  [${w.code}] ${w.message}`);
  return lines.join('\n');
}

/** `docs --mine`: the added documents with where they came from and when. */
export function formatMine(docs: DocumentSummary[]): string {
  const mine = docs.filter((d) => d.added);
  if (mine.length === 0) return 'You have not added any documents. Add some with `relations-desk add FILE…`.';
  return formatTable(
    ['slug', 'title', 'format', 'added', 'source'],
    mine.map((d) => [d.slug, d.title, ADDED_FORMAT_LABELS[d.added!.format], d.added!.addedAt.slice(0, 16).replace('T', ' '), d.added!.sourcePath ?? d.added!.sourceName]),
  );
}
