import { describe, expect, it } from 'vitest';
import type { TableRow } from '../../../shared/types';
import { gapHeadline, isThin, tablePieces } from './gapTable';

const gap = { text: '', gap: true as const };
const t = (text: string) => ({ text });

describe('gap tables', () => {
  it('collapses the NATO ratification rows and says what they kept', () => {
    const rows: TableRow[] = [
      { cells: [t('Partnership for Peace'), t('1994-02-23')] },
      { cells: [t('Accession protocol'), t('2008-07-09')] },
      { cells: [t('Ratification by:'), t('')], subheading: true },
      ...['2009-01-29', '2008-10-23', '2008-09-15', '2009-02-17'].map((d) => ({ cells: [gap, t(d)] })),
      { cells: [t('Membership'), t('2009-04-01')] },
    ];
    const table = { header: ['Event', 'Date'], rows };
    const pieces = tablePieces(table);
    expect(pieces.map((p) => p.kind)).toEqual(['row', 'row', 'row', 'run', 'row']);
    const run = pieces[3]!;
    expect(run.kind === 'run' && run.summary).toBe('4 rows under “Ratification by:”: Event lost in the source; Date kept, 2008-09-15 to 2009-02-17');
    expect(gapHeadline(table)).toBe(
      '4 rows under “Ratification by:”: Event lost in the source; Date kept, 2008-09-15 to 2009-02-17. 3 other rows are shown as the source gives them.',
    );
  });

  it('says a numbered list that lost names and dates kept only its numbers, across a row with content', () => {
    const rows: TableRow[] = [1, 2, 3, 4, 5, 6].map((n) => ({ cells: [t(String(n)), gap, gap] }));
    rows.splice(3, 0, { cells: [t('—'), t('(severed)'), gap] }, { cells: [t('—'), gap, gap] });
    const table = { header: ['#', 'Country', 'Date'], rows };
    expect(tablePieces(table).map((p) => p.kind)).toEqual(['run', 'row', 'run']);
    expect(gapHeadline(table)).toBe('7 rows: Country and Date lost in the source; only their row numbers kept (1–6). 1 other row is shown as the source gives it.');
  });

  it('keeps short runs and recovered names as rows, and counts the names', () => {
    const rows: TableRow[] = [
      { cells: [gap, t('1963'), t('')] },
      { cells: [{ text: 'Egypt', recovered: true }, t('1958'), t('See Albania–Egypt relations')] },
      { cells: [gap, t('1973'), t('')] },
    ];
    const table = { header: ['Country', 'Formal Relations Began', 'Notes'], rows };
    expect(tablePieces(table).every((p) => p.kind === 'row')).toBe(true);
    expect(isThin(rows[0]!)).toBe(true);
    expect(isThin(rows[1]!)).toBe(false);
    expect(gapHeadline(table)).toBe("1 name was recovered from the rows' notes (marked †).");
  });
});
