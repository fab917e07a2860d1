import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DeskError, ERROR_CODES, isDeskErrorShape } from './api';

/** A real better-sqlite3 error with the given SQLite result code. */
function sqliteError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('DeskError.from', () => {
  it('never passes a code outside the contract through', () => {
    for (const code of ['SQLITE_CORRUPT', 'SQLITE_ERROR', 'SQLITE_CANTOPEN', 'ENOENT', 'EACCES']) {
      const e = DeskError.from(sqliteError(code, 'x'));
      expect(ERROR_CODES, code).toContain(e.code);
    }
    expect(isDeskErrorShape({ code: 'SQLITE_CORRUPT', message: 'x' })).toBe(false);
    expect(isDeskErrorShape({ code: 'NOT_FOUND', message: 'x' })).toBe(true);
  });

  it('maps a damaged file to DB_CORRUPT with the rebuild hint', () => {
    for (const code of ['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX']) {
      const e = DeskError.from(sqliteError(code, 'database disk image is malformed'));
      expect(e.code).toBe('DB_CORRUPT');
      expect(e.message).toMatch(/damaged: database disk image is malformed/);
      expect(e.hint).toMatch(/relations-desk build/);
    }
  });

  it('maps other SQLite failures to INTERNAL with a sentence and a hint a person can act on', () => {
    const cases: [string, RegExp, RegExp][] = [
      ['SQLITE_CANTOPEN', /could not be opened/, /may read and write/],
      ['SQLITE_FULL', /disk is full/, /Free some disk space/],
      ['SQLITE_READONLY', /could not be written/, /write to your user-data folder/],
      ['SQLITE_BUSY', /in use by another program/, /Close other copies/],
      ['SQLITE_IOERR_READ', /disk could not be read/, /Check the disk/],
      ['SQLITE_ERROR', /could not read its data/, /start it again/],
    ];
    for (const [code, message, hint] of cases) {
      const e = DeskError.from(sqliteError(code, 'detail'));
      expect(e.code, code).toBe('INTERNAL');
      expect(e.message, code).toMatch(message);
      expect(e.message, code).toContain(code);
      expect(e.hint, code).toMatch(hint);
    }
  });

  it('maps what better-sqlite3 really throws', () => {
    const db = new Database(':memory:');
    let caught: unknown;
    try {
      db.prepare('SELECT * FROM nowhere').all();
    } catch (err) {
      caught = err;
    }
    db.close();
    const e = DeskError.from(caught);
    expect(e.code).toBe('INTERNAL');
    expect(e.message).toMatch(/no such table: nowhere \(SQLITE_ERROR\)/);
    expect(e.hint).toBeDefined();
  });

  it('keeps contract errors and plain errors as they are', () => {
    expect(DeskError.from(new DeskError('NOT_FOUND', 'No document "x".')).toJSON()).toEqual({ code: 'NOT_FOUND', message: 'No document "x".' });
    expect(DeskError.from({ code: 'DB_STALE', message: 'old', hint: 'rebuild' }).toJSON()).toEqual({ code: 'DB_STALE', message: 'old', hint: 'rebuild' });
    expect(DeskError.from(new Error('boom')).toJSON()).toEqual({ code: 'INTERNAL', message: 'boom' });
  });
});
