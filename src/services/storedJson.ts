// JSON the builder stored in the library database, read back.
import { DeskError } from '../shared/api';
import { REBUILD_HINT } from '../shared/storageErrors';

/** Unreadable JSON is a damaged library, not a bug ("Unterminated string"). */
export function parseStored<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new DeskError('DB_CORRUPT', `The library database is damaged: the stored ${what} cannot be read (${(err as Error).message}).`, REBUILD_HINT);
  }
}
