// What a person is told when SQLite fails underneath a call. SQLite's own codes (SQLITE_CORRUPT,
// SQLITE_CANTOPEN, …) are not part of the contract: a screen or the CLI cannot act on them, so each
// is mapped to a contract code with a sentence saying what happened and a hint saying what to do.
import type { DeskErrorShape } from './api';

export const REBUILD_HINT = 'Rebuild it with `npx relations-desk build` (or `npm run build:data`) in the app folder.';

const RESTART_HINT = 'Close Relations Desk and start it again; if this keeps happening, rebuild the library with `npx relations-desk build` in the app folder.';

/** The contract error for an error that carries a SQLite result code (better-sqlite3's SqliteError). */
export function storageErrorShape(sqliteCode: string, detail: string): DeskErrorShape {
  const why = `${detail} (${sqliteCode})`;
  const primary = sqliteCode.split('_').slice(0, 2).join('_'); // SQLITE_IOERR_READ → SQLITE_IOERR
  switch (primary) {
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return { code: 'DB_CORRUPT', message: `The library database is damaged: ${why}.`, hint: REBUILD_HINT };
    case 'SQLITE_CANTOPEN':
      return { code: 'INTERNAL', message: `A data file could not be opened: ${why}.`, hint: 'Check that the app folder and your user-data folder exist and that you may read and write them, then start Relations Desk again.' };
    case 'SQLITE_FULL':
      return { code: 'INTERNAL', message: `The disk is full; nothing was saved: ${why}.`, hint: 'Free some disk space, then try again.' };
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return { code: 'INTERNAL', message: `A data file could not be written: ${why}.`, hint: 'Check that you may write to your user-data folder, then try again.' };
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return { code: 'INTERNAL', message: `A data file is in use by another program: ${why}.`, hint: 'Close other copies of Relations Desk, then try again.' };
    case 'SQLITE_IOERR':
      return { code: 'INTERNAL', message: `The disk could not be read or written: ${why}.`, hint: `Check the disk. ${RESTART_HINT}` };
    default:
      return { code: 'INTERNAL', message: `Relations Desk could not read its data: ${why}.`, hint: RESTART_HINT };
  }
}

/** True for an error that carries a SQLite result code. */
export function sqliteCodeOf(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}
