// Plain-text rendering for the CLI's human output (the --json output needs none of this).
import type { Note } from '../shared/api';
import type { Block, DeskDocument } from '../shared/types';

export { formatDate } from '../shared/dates';

export function formatTable(headers: string[], rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map((c) => String(c)));
  const widths = columnWidths(headers, cells);
  return formatRows([headers, widths.map((w) => '-'.repeat(w)), ...cells], widths).join('\n');
}

/** Each column as wide as its widest cell or header (at most 60), and never narrower than `atLeast`. */
export function columnWidths(headers: string[], rows: string[][], atLeast?: number[]): number[] {
  // A loop, not Math.max(...cells): 174,000 arguments overflow the stack (`timeline` at 5,000 documents did).
  return headers.map((h, i) => {
    let w = Math.max(atLeast?.[i] ?? 0, h.length);
    for (const r of rows) w = Math.max(w, (r[i] ?? '').length);
    return Math.min(60, w);
  });
}

/** Rows padded to `widths` (a longer cell cut with "…"), columns two spaces apart. */
export function formatRows(rows: string[][], widths: number[]): string[] {
  return rows.map((r) =>
    r
      .map((c, i) => {
        const w = widths[i]!;
        const t = c.length > w ? `${c.slice(0, w - 1)}…` : c;
        return i === r.length - 1 ? t : t.padEnd(w);
      })
      .join('  '),
  );
}

export function formatDocument(doc: DeskDocument): string {
  const out = [`${doc.title}  [${doc.slug}, ${doc.kind}]`, ''];
  for (const s of doc.sections) {
    if (s.level > 0) out.push('', `${'#'.repeat(s.level)} ${s.heading}  (#${s.anchor})`);
    for (const b of s.blocks) out.push(formatBlock(b));
  }
  return out.join('\n');
}

function formatBlock(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return b.number ? `${b.number}. ${b.text}` : b.text;
    case 'list':
      return b.items.map((i) => `  ${b.style === 'diamond' ? '◇' : '-'} ${i}`).join('\n');
    case 'infobox':
      return b.fields.map((f) => `  ${f.key}: ${f.value}`).join('\n');
    case 'term':
      return `${b.text}:`;
    case 'seeAlso':
      return b.items.map((i) => `  → ${i.title}${i.slug ? ` (${i.slug})` : ' (not in this library)'}`).join('\n');
    case 'table': {
      if (b.gaps && b.gaps.emptyRows > 10) return `  [table: ${b.rows.length} rows] ${b.gaps.note}`;
      const rows = b.rows.map((r) => r.cells.map((c) => (c.gap ? '—' : c.recovered ? `${c.text}*` : c.text)));
      const note = b.gaps ? `\n  ${b.gaps.note}` : '';
      return formatTable(b.header, rows) + note;
    }
  }
}

/** Notes for reading in a terminal: where, the quote, the note, and whether the passage changed since. */
export function formatNotes(notes: readonly Note[], noUserData = false): string {
  if (notes.length === 0) return noUserData ? 'No notes yet: select words in a passage in the app and choose “Add a note”.' : 'No notes match.';
  const out = [`${notes.length} ${notes.length === 1 ? 'note' : 'notes'}, newest first`];
  for (const n of notes) {
    out.push('', `${n.updatedAt.slice(0, 10)}  ${[n.docTitle, ...n.sectionPath].join(' › ')}  [${n.docSlug}#${n.anchor}]`);
    out.push(...n.quote.split('\n').map((l) => `  > ${l}`));
    if (n.body) out.push(...n.body.split('\n').map((l) => `  ${l}`));
    if (n.status === 'changed') out.push('  (the passage has changed since; the quote is the text the note was made on)');
    if (n.status === 'missing') out.push('  (the passage is no longer in the library)');
  }
  return out.join('\n');
}
