// Tables whose cells were lost in the source (stripped flag templates) say what they still hold
// before they show it: runs of rows that kept only a number or a single value ("—  2009-01-29")
// collapse into one line that says what was lost and what was kept, and the table leads with a
// sentence built from those runs ("26 rows under “Ratification by:”: Event lost in the source;
// Date kept, 2008-09-15 to 2009-02-17"). Rows with content (recovered names † included) always show.
import type { TableRow } from '../../../shared/types';

export interface TableLike {
  header: string[];
  rows: TableRow[];
}

export type TablePiece =
  | { kind: 'row'; index: number; row: TableRow }
  | { kind: 'run'; start: number; rows: TableRow[]; summary: string; short: string; key: string; under: string | null };

/** Shorter runs of thin rows are shown as they are. */
export const MIN_RUN = 3;

const NUMBER = /^\d{1,5}\.?$/;
/** A running number, or the dash some rows have in its place. */
const RUNNING = /^(?:\d{1,5}\.?|[—–-])$/;
const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A row that lost cells and kept at most one value. */
export function isThin(row: TableRow): boolean {
  if (row.subheading) return false;
  let gaps = 0;
  let values = 0;
  for (const c of row.cells) {
    if (c.gap) gaps++;
    else if (c.text.trim() !== '') values++;
  }
  return gaps > 0 && values <= 1;
}

function columnName(header: readonly string[], i: number): string {
  const h = header[i]?.trim();
  return h ? h : `column ${i + 1}`;
}

/** "1–170", "2008-09-15 to 2009-02-17", or the first few values. */
function valueRange(values: string[]): string {
  if (values.length === 0) return '';
  if (values.every((v) => RUNNING.test(v)) && values.some((v) => NUMBER.test(v))) {
    const n = values.filter((v) => NUMBER.test(v)).map((v) => parseInt(v, 10));
    const lo = Math.min(...n);
    const hi = Math.max(...n);
    return lo === hi ? String(lo) : `${lo}–${hi}`;
  }
  if (values.every((v) => ISO.test(v))) {
    const s = [...values].sort();
    return s[0] === s[s.length - 1] ? s[0]! : `${s[0]} to ${s[s.length - 1]}`;
  }
  return values.length <= 3 ? values.join(', ') : `${values.slice(0, 3).join(', ')}, …`;
}

const list = (names: string[]): string => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/** What a run of thin rows lost and kept, in one sentence. */
export function describeRun(header: readonly string[], rows: readonly TableRow[], under: string | null): { summary: string; short: string; key: string } {
  const columns = Math.max(header.length, ...rows.map((r) => r.cells.length));
  const lost: string[] = [];
  const kept: { name: string; values: string[]; numbering: boolean }[] = [];
  for (let i = 0; i < columns; i++) {
    const cells = rows.map((r) => r.cells[i]);
    const values = cells.map((c) => (c && !c.gap ? c.text.trim() : '')).filter((v) => v !== '');
    if (cells.some((c) => c?.gap)) lost.push(columnName(header, i));
    else if (values.length > 0) kept.push({ name: columnName(header, i), values, numbering: values.every((v) => RUNNING.test(v)) && /^(#|no\.?|nr\.?|number)?$/i.test(header[i]?.trim() ?? '') });
  }
  const where = under ? ` under “${under}”` : '';
  const keptText = kept
    .map((k) => (k.numbering ? `only their row numbers kept (${valueRange(k.values)})` : `${k.name} kept, ${valueRange(k.values)}`))
    .join('; ');
  return {
    summary: `${rows.length} rows${where}: ${list(lost)} lost in the source${keptText ? `; ${keptText}` : ''}`,
    short: `${rows.length} rows without ${list(lost)}`,
    key: `${lost.join('|')}/${kept.map((k) => k.name).join('|')}`,
  };
}

/** The table as rows to show and runs of thin rows to collapse. */
export function tablePieces(table: TableLike, minRun = MIN_RUN): TablePiece[] {
  const out: TablePiece[] = [];
  let under: string | null = null;
  let i = 0;
  while (i < table.rows.length) {
    const row = table.rows[i]!;
    if (row.subheading) under = row.cells.map((c) => c.text).filter(Boolean).join(' ').trim() || null;
    let j = i;
    while (j < table.rows.length && isThin(table.rows[j]!)) j++;
    if (j - i >= minRun) {
      const rows = table.rows.slice(i, j);
      out.push({ kind: 'run', start: i, rows, under, ...describeRun(table.header, rows, under) });
      i = j;
      continue;
    }
    out.push({ kind: 'row', index: i, row });
    i++;
  }
  return out;
}

/** The sentence a gap table leads with: what its runs say, how many names were recovered, what else is whole. */
export function gapHeadline(table: TableLike, pieces: readonly TablePiece[] = tablePieces(table)): string {
  const runs = pieces.filter((p) => p.kind === 'run');
  const shown = pieces.filter((p) => p.kind === 'row' && !p.row.subheading);
  const recovered = table.rows.filter((r) => r.cells.some((c) => c.recovered)).length;
  // Runs that lost and kept the same columns (a list broken by one row with content) are told as one.
  const groups = new Map<string, { rows: TableRow[]; under: Set<string | null> }>();
  for (const r of runs) {
    const g = groups.get(r.key) ?? { rows: [], under: new Set() };
    g.rows.push(...r.rows);
    g.under.add(r.under);
    groups.set(r.key, g);
  }
  const parts = [...groups.values()].map((g) => describeRun(table.header, g.rows, g.under.size === 1 ? [...g.under][0]! : null).summary);
  if (recovered > 0) parts.push(`${recovered} ${recovered === 1 ? 'name was' : 'names were'} recovered from the rows' notes (marked †)`);
  if (runs.length > 0 && shown.length > 0) parts.push(`${shown.length} other ${shown.length === 1 ? 'row is' : 'rows are'} shown as the source gives ${shown.length === 1 ? 'it' : 'them'}`);
  return parts.length ? `${parts.join('. ')}.` : '';
}
