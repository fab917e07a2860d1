// Plain-text rendering of the build report, search results and comparisons for the CLI's human
// output (the --json output prints the contract's JSON as it is).
import { NOT_STATED, type Comparison, type SearchResponse } from '../shared/types';
import { citation } from '../shared/citations';
import type { BuildReport } from '../ingest/build';
import { formatDate } from './format';

export function formatBuildReport(r: BuildReport): string {
  const c = r.counts;
  const lines = [
    `Built ${r.outFile} in ${r.millis} ms`,
    `  documents ${c.documents}, sections ${c.sections}, passages ${c.passages}, partners ${c.partners}, events ${c.events}`,
    `  gaps ${c.gaps} cells in ${c.tablesWithGaps} tables, recovered names ${c.recoveredNames}, skipped files ${c.skippedFiles}`,
    `  corpus hash ${r.corpusHash.slice(0, 16)}…`,
  ];
  if (r.warnings.length > 0) {
    lines.push(`Warnings (${r.warnings.length}):`);
    for (const w of r.warnings) lines.push(`  ${w.file}${w.line ? `:${w.line}` : ''} [${w.code}] ${w.message}`);
  }
  return lines.join('\n');
}

export function formatSearch(res: SearchResponse): string {
  const lines = [`${res.total} result(s) for "${res.query}"`];
  if (res.notice) lines.push(res.notice);
  if (res.suggestion) lines.push(`Did you mean: ${res.suggestion}`);
  for (const hit of res.results) {
    let marked = '';
    let at = 0;
    for (const [s, e] of hit.highlights) {
      marked += `${hit.snippet.slice(at, s)}[${hit.snippet.slice(s, e)}]`;
      at = e;
    }
    marked += hit.snippet.slice(at);
    lines.push('', `${hit.docTitle} › ${hit.sectionPath.join(' › ') || '(introduction)'}  #${hit.anchor}  (${hit.score})`, `  ${marked}`);
  }
  return lines.join('\n');
}

/** Each facet, then each partner's entries under it (or "not stated in this library"). */
export function formatComparison(c: Comparison): string {
  const lines = [c.partners.map((p) => `${p.name} (${p.id})`).join('  vs  ')];
  for (const facet of c.facets) {
    lines.push('', `== ${facet.label} ==`);
    for (const p of c.partners) {
      const entries = facet.cells[p.id] ?? [];
      lines.push(`  ${p.name}:`);
      if (entries.length === 0) lines.push(`    ${NOT_STATED}`);
      for (const e of entries) {
        const lead = [e.date ? formatDate(e.date) : '', e.label ?? ''].filter(Boolean).join(' · ');
        lines.push(`    - ${lead ? `[${lead}] ` : ''}${e.text}`, `      (${e.docSlug}#${e.anchor})`);
        if (e.sourcesDiffer) lines.push(`      ! sources differ: ${e.sourcesDiffer}`);
        const also = (e.alsoIn ?? []).map((r) => `${r.docSlug}#${r.anchor}`);
        if (also.length || e.alsoInMore) lines.push(`      also in: ${citation(also, e.alsoInMore)}`);
      }
      const more = facet.more?.[p.id];
      if (more) lines.push(`    … ${more} more in this library`);
    }
  }
  return lines.join('\n');
}
