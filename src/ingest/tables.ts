// Pipe tables: row splitting, lost-cell (gap) detection, and partner-name recovery from notes.
//
// THE GAP RULE. The wiki export dropped every cell that was produced by a template (flags such
// as {{flag|Egypt}}, some dates), leaving empty cells where the source had content. An empty
// cell is NOT a gap just because it is empty: a Date or Notes cell may simply have had nothing.
// A cell is marked as a gap (content lost in the source) when:
//   1. it is in the table's *label column* — the first column that is not a running number
//      (`#`, `No.`) — and the row has content elsewhere: a row that gives a date or a note about
//      nothing has lost the name of what it is about (the 166-row "List of countries", the
//      NATO ratification rows, every "Diplomatic relations" table);
//   2. or its column is a *lost column*: empty in every data row (at least 3 rows) although its
//      header names something (Country, Date, …) — a table is never published with a column that
//      is empty from top to bottom. Columns for remarks (Notes, Remarks, …) are exempt: they may
//      legitimately be empty;
//   3. or its column's header names an entity (Country, Organisation, Name, Partner, State) and
//      the column is empty in nearly all (≥ 90%) of at least 3 data rows.
// Subheading rows ("Ratification by:" with nothing else) are never gaps.
//
// RECOVERY. When a gap is in an entity column and the same row says "See Albania–Egypt relations"
// (any dash, any spacing), the partner after "Albania–" is put in the cell and marked
// `recovered`; so is a partner the registry knows from "See Accession of Albania to the European
// Union" or "See Albania at the United Nations". Only a single partner is ever recovered. Under a
// heading about former states only a former state's own name is recovered ("See Albania–Soviet
// Union relations"): other notes there point to successor states ("See Albania–Czech Republic
// relations" for Czechoslovakia, "Albania–Austria … and Albania–Hungary" for Austria-Hungary).
import type { TableCell, TableGaps, TableRow } from '../shared/types';
import { nameKey, normalizeDashedName } from '../shared/text';
import { cleanInline, type DocBuilder } from './doc-builder';
import { partnerFromNote } from './notePartner';

/** One source line of a table, split into raw cells. */
export interface RawRow {
  cells: string[];
  line: number;
}

export interface RawTable {
  rows: RawRow[];
  startLine: number;
}

/** True for lines that continue or start a pipe table. */
export function isTableLine(line: string): boolean {
  return line.startsWith('|');
}

/**
 * Lines inside a table that carry no cells: Markdown rules (`|---|:--:|`) and wikitext markup
 * (`{|`, `|-`, `|}`). They are skipped; wikitext markup is reported by the parser.
 */
export function isTableSeparator(line: string): boolean {
  const t = line.trim();
  if (isWikitextTableMarkup(t)) return true;
  return /^\|[\s:|-]*$/.test(t) && t.includes('---');
}

/** `{| class="wikitable"`, `|- style=…`, `|}`: raw wikitext table markup left in an export. */
export function isWikitextTableMarkup(line: string): boolean {
  const t = line.trim();
  return t.startsWith('{|') || t === '|}' || (t.startsWith('|-') && !t.includes('|', 1) && !t.includes('---'));
}

/** Split a `| a | b |` line into cells; `closed` is false when the trailing pipe is missing. */
export function splitRow(line: string): { cells: string[]; closed: boolean } {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  const closed = body.endsWith('|');
  if (closed) body = body.slice(0, -1);
  return { cells: body.split('|').map((c) => cleanInline(c)), closed };
}

const NUMBERING_HEADERS = new Set(['#', 'no', 'no.', 'nr', 'nr.', 'n°', 'number', 'num']);
const RUNNING_VALUE = /^(?:\d{1,5}\.?|[—–-])$/;
const ENTITY_HEADER = /\b(?:country|countries|organi[sz]ations?|name|partner|state|nation)\b/;
const REMARKS_HEADER = /\b(?:notes?|remarks?|comments?|references?|refs?|sources?)\b/;
const FORMER_CONTEXT = /\b(?:former|defunct|historical)\b/;
const SEE_RELATIONS = /Albania\s*[\u2010\u2011\u2012\u2013\u2014\u2212-]\s*([^|]{1,80}?)\s+relations\b/g;

export interface TableContext {
  builder: DocBuilder;
  /** Heading path of the section holding the table (for the former-states rule and messages). */
  path: string[];
}

/** Build a table block from raw rows, marking gaps and recovering names; emits warnings. */
export function buildTable(raw: RawTable, ctx: TableContext): {
  type: 'table';
  header: string[];
  rows: TableRow[];
  gaps?: TableGaps;
} {
  const { builder } = ctx;
  const [head, ...body] = raw.rows;
  const header = head ? [...head.cells] : [];
  const where = ctx.path.length > 0 ? `"${ctx.path.join(' › ')}"` : 'the lead section';

  // Ragged rows: pad short rows, widen the header for long ones.
  const width = body.reduce((w, r) => Math.max(w, r.cells.length), header.length);
  while (header.length < width) header.push('');
  const short = body.filter((r) => r.cells.length < width);
  if (short.length > 0) {
    builder.warn(
      short[0]!.line,
      'table-ragged',
      `Table in ${where} (line ${raw.startLine}): ${short.length} row(s) have fewer cells than the widest row ` +
        `(first at line ${short[0]!.line}); they were padded with empty cells.`,
    );
  }

  let under: string | undefined;
  const rows: (TableRow & { line: number; under?: string })[] = body.map((r) => {
    const cells: TableCell[] = r.cells.map((text) => ({ text }));
    while (cells.length < width) cells.push({ text: '' });
    const row: TableRow & { line: number; under?: string } = { cells, line: r.line };
    const [first, ...rest] = cells;
    if (first && first.text.endsWith(':') && rest.length > 0 && rest.every((c) => c.text === '')) {
      row.subheading = true;
      under = first.text;
    } else if (under !== undefined) {
      row.under = under;
    }
    return row;
  });
  const data = rows.filter((r) => !r.subheading);

  const headerKeys = header.map((h) => nameKey(h));
  // A running-number column: "#"/"No." header, or values 1, 2, 3, … (dashes allowed between).
  // Years (1963, 1958, …) are values, not numbering.
  const isNumbering = (c: number): boolean => {
    if (NUMBERING_HEADERS.has(headerKeys[c] ?? '')) return true;
    const values = data.map((r) => r.cells[c]!.text).filter((t) => t !== '');
    if (values.length === 0 || !values.every((t) => RUNNING_VALUE.test(t))) return false;
    const numbers = values.filter((t) => /\d/.test(t)).map((t) => parseInt(t, 10));
    return numbers.length > 0 && numbers[0]! <= 1 && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
  };
  const numbering = header.map((_, c) => isNumbering(c));
  const labelColumn = numbering.findIndex((n) => !n);

  // Decide, per column, which empty cells are gaps (see THE GAP RULE above).
  const lost = header.map(() => false);
  const entityColumn = headerKeys.map((k) => ENTITY_HEADER.test(k));
  for (let c = 0; c < width; c++) {
    if (numbering[c] || header[c] === '' || data.length < 3) continue;
    const empty = data.filter((r) => r.cells[c]!.text === '').length;
    if (empty === data.length && !REMARKS_HEADER.test(headerKeys[c]!)) lost[c] = true;
    if (entityColumn[c] && empty >= 0.9 * data.length) lost[c] = true;
  }
  for (const row of data) {
    const hasOtherContent = (c: number) => row.cells.some((cell, i) => i !== c && cell.text !== '');
    row.cells.forEach((cell, c) => {
      if (cell.text !== '') return;
      if (lost[c] || (c === labelColumn && hasOtherContent(c))) cell.gap = true;
    });
  }

  // Recover partner names from "See Albania–X relations" notes.
  const former = ctx.path.some((p) => FORMER_CONTEXT.test(nameKey(p))) || headerKeys.some((k) => FORMER_CONTEXT.test(k));
  const recoveredByColumn = header.map(() => 0);
  for (const row of data) {
    row.cells.forEach((cell, c) => {
      if (!cell.gap || !entityColumn[c]) return;
      const partner = former ? formerStateFromNotes(row.cells, c) : (partnerFromNotes(row.cells, c) ?? registeredFromNotes(row.cells, c));
      if (!partner) return;
      const note = partner.note;
      row.cells[c] = { text: partner.name, recovered: true };
      recoveredByColumn[c]!++;
      builder.warn(
        row.line,
        'recovered-name',
        `Recovered "${partner.name}" for the empty ${header[c]} cell at line ${row.line} (table in ${where}) ` +
          `from the row's note "${note}".`,
      );
    });
  }

  const block: { type: 'table'; header: string[]; rows: TableRow[]; gaps?: TableGaps } = {
    type: 'table',
    header,
    rows: rows.map(({ line: _line, under: _under, ...row }) => row),
  };

  const gaps = summariseGaps(header, data, numbering, recoveredByColumn);
  if (gaps) {
    block.gaps = gaps;
    builder.warn(raw.startLine, 'table-gaps', `Table in ${where} (line ${raw.startLine}): ${gaps.note}`);
  }
  return block;
}

/**
 * "See Accession of Albania to the European Union", "See Albania at the United Nations", "See
 * Albania–NATO relations": a note naming one partner the registry knows (the Multilateral table).
 */
function registeredFromNotes(cells: TableCell[], skip: number): { name: string; note: string } | null {
  const found = cells.flatMap((cell, i) => {
    if (i === skip || cell.gap || !/^See\s/.test(cell.text)) return [];
    const p = partnerFromNote(cell.text);
    return p ? [{ name: p.name, note: cell.text }] : [];
  });
  return found.length === 1 ? found[0]! : null;
}

/**
 * Under a heading about former states, a note names the former state itself only when the
 * registry knows that name as a former state ("See Albania–Soviet Union relations"); a note
 * pointing at successor states ("See Albania–Czech Republic relations") recovers nothing.
 */
function formerStateFromNotes(cells: TableCell[], skip: number): { name: string; note: string } | null {
  const found = cells.flatMap((cell, i) => {
    if (i === skip || cell.gap || !/^See\s/.test(cell.text)) return [];
    const p = partnerFromNote(cell.text);
    return p && p.kind === 'former-state' ? [{ name: p.name, note: cell.text }] : [];
  });
  return found.length === 1 ? found[0]! : null;
}

/** The single partner named by "See Albania–X relations" in the row's other cells, if any. */
function partnerFromNotes(cells: TableCell[], skip: number): { name: string; note: string } | null {
  const names = new Map<string, string>();
  let note = '';
  cells.forEach((cell, i) => {
    if (i === skip || cell.gap || !/^See\s/.test(cell.text) || cell.text.length > 2000) return;
    for (const m of cell.text.matchAll(SEE_RELATIONS)) {
      const name = normalizeDashedName(m[1]!);
      if (!name) continue;
      names.set(nameKey(name), name);
      note = cell.text;
    }
  });
  if (names.size !== 1) return null;
  return { name: [...names.values()][0]!, note };
}

function summariseGaps(
  header: string[],
  data: (TableRow & { under?: string })[],
  numbering: boolean[],
  recoveredByColumn: number[],
): TableGaps | undefined {
  const gapsByColumn = header.map((_, c) => data.filter((r) => r.cells[c]!.gap).length);
  const missingCells = gapsByColumn.reduce((a, b) => a + b, 0);
  const recovered = recoveredByColumn.reduce((a, b) => a + b, 0);
  if (missingCells === 0 && recovered === 0) return undefined;

  const withGaps = data.filter((r) => r.cells.some((c) => c.gap));
  const kept = (r: TableRow) => r.cells.filter((c) => !c.gap && c.text !== '');
  const onlyNumber = (r: TableRow) => r.cells.every((c, i) => c.gap || c.text === '' || numbering[i]);
  // "All gaps except a running number or a single value".
  const empty = withGaps.filter((r) => onlyNumber(r) || kept(r).length <= 1);
  const emptyColumns = header.filter((_, c) => data.length > 0 && gapsByColumn[c] === data.length);

  const n = data.length;
  const parts: string[] = [];
  header.forEach((h, c) => {
    const lostHere = gapsByColumn[c]! + recoveredByColumn[c]!;
    if (lostHere === 0) return;
    const label = h === '' ? `column ${c + 1}` : h;
    parts.push(
      lostHere === n ? `${label} in ${n === 1 ? 'its only row' : `all ${n} rows`}` : `${label} in ${lostHere} of ${n} rows`,
    );
  });
  let note = `Lost in the source (probably stripped templates such as flags): ${joinList(parts)}`;
  const under = new Set(withGaps.map((r) => r.under));
  const [single] = [...under];
  if (withGaps.length > 0 && under.size === 1 && single !== undefined) note += `, all under "${single}"`;
  if (recovered > 0) {
    note += `; ${recovered} name${recovered === 1 ? ' was' : 's were'} recovered from the row's note and marked as recovered`;
  }
  if (empty.length > 0) {
    const hasNumbers = numbering.some(Boolean);
    const allNumbers = hasNumbers && empty.every(onlyNumber);
    const what = allNumbers ? 'their row number' : hasNumbers ? 'a row number or a single value' : 'a single value';
    if (empty.length === withGaps.length) {
      const those = withGaps.length === 1 ? 'that row keeps' : `those ${withGaps.length} rows keep`;
      note += allNumbers ? '; only the row numbers survive' : `; ${those} only ${what}`;
    } else {
      note += `; ${empty.length} of the ${withGaps.length} rows with gaps keep only ${what}`;
    }
  }
  return { missingCells, rowsWithGaps: withGaps.length, emptyRows: empty.length, emptyColumns, note: `${note}.` };
}

function joinList(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
