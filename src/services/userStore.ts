// The reader's own data: bookmarks and reading positions, in a small SQLite database under the
// user-data folder (never in the bundled, read-only library DB). No `electron` import here: the
// same class serves the Electron main process, the browser edition and the tests.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Bookmark, ReadingPosition, UserDataRecovery } from '../shared/api';
import { NoteStore, type DocumentSource } from './notes';
import { salvageInto } from './userSalvage';

export interface UserStoreOptions {
  /**
   * Path to a better-sqlite3 addon (`better_sqlite3.node`) built for the current runtime.
   * The Electron main process passes the copy built for Electron's ABI (see scripts/start.mjs);
   * Node (tests, CLI, browser edition) leaves it unset and uses node_modules' own build.
   */
  nativeBinding?: string;
}

const SCHEMA_VERSION = 1;

interface BookmarkRow {
  doc_slug: string;
  anchor: string;
  label: string;
  created_at: string;
}

interface PositionRow {
  doc_slug: string;
  anchor: string;
  offset: number;
}

export class UserStore {
  readonly path: string;
  /** Set when an unreadable user DB was found and moved aside (the path it was moved to). */
  recoveredFrom: string | null = null;
  /** What the last recovery found and salvaged; the app tells the reader (userDataRecovery). */
  recovery: UserDataRecovery | null = null;
  private db: Database.Database;
  #notes: NoteStore | null = null;

  /** The reader's notes, in this database (notes.ts makes their table on first use). */
  notes(documents: DocumentSource): NoteStore {
    return (this.#notes ??= new NoteStore(this.db, documents));
  }

  constructor(
    file: string,
    private readonly options: UserStoreOptions = {},
  ) {
    this.path = path.resolve(file);
    fs.mkdirSync(path.dirname(this.path), { recursive: true });
    // SQLite deletes the WAL when a failed open is closed; after a crash it may hold the latest bookmarks.
    const wal = `${this.path}-wal`;
    const keptWal = `${wal}.kept`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) fs.copyFileSync(wal, keptWal);
    try {
      this.db = UserStore.open(this.path, options);
      try {
        checkPages(this.db);
      } catch (err) {
        this.db.close();
        throw err;
      }
    } catch (err) {
      if (!isDamaged(err)) throw err;
      this.db = this.recover(fs.existsSync(keptWal) ? keptWal : null);
    } finally {
      fs.rmSync(keptWal, { force: true });
    }
  }

  /**
   * A damaged user DB must not keep the app from starting nor lose what can still be read: the
   * file (with its WAL, which may hold the latest bookmarks) is moved aside for a person to look
   * at, a new one is started, and every row SQLite can still read is copied into it.
   */
  private recover(keptWal: string | null = null): Database.Database {
    const aside = `${this.path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(this.path, aside);
    // Never left beside the new file: SQLite would replay the old WAL into it.
    for (const suffix of ['-wal', '-shm']) {
      if (fs.existsSync(this.path + suffix)) fs.renameSync(this.path + suffix, aside + suffix);
    }
    if (keptWal) fs.renameSync(keptWal, `${aside}-wal`);
    const db = UserStore.open(this.path, this.options);
    const salvage = salvageInto(aside, db, this.options.nativeBinding);
    this.recoveredFrom = aside;
    this.recovery = { damagedCopy: aside, recovered: salvage.recovered, complete: salvage.complete, at: new Date().toISOString() };
    return db;
  }

  /**
   * Damage found after open (a listing fails with SQLITE_CORRUPT while adding still works): when
   * `err` is such a failure and this file is the damaged one, it is recovered from as at open and
   * true is returned, so the caller can run the call again on the new file.
   */
  recoverIfDamaged(err: unknown): boolean {
    if (!isDamaged(err)) return false;
    try {
      checkPages(this.db);
      return false; // the damage is in another file (the library)
    } catch (check) {
      if (!isDamaged(check)) throw check;
    }
    try {
      this.db.close();
    } catch {
      // A damaged file may not close cleanly; it is moved aside next either way.
    }
    this.db = this.recover();
    this.#notes = null; // made again on the new file
    return true;
  }

  private static open(file: string, options: UserStoreOptions): Database.Database {
    const db = new Database(
      file,
      options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
    );
    try {
      db.pragma('journal_mode = WAL');
      // With WAL, NORMAL never corrupts the database on a crash; at worst the last commit
      // before a power loss is lost. A killed process loses nothing already committed.
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 2000');
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) {
        throw new Error(
          `The user database ${file} was written by a newer Relations Desk (schema ${version}).`,
        );
      }
      if (version < SCHEMA_VERSION) {
        db.exec(`
          CREATE TABLE IF NOT EXISTS bookmarks (
            doc_slug   TEXT NOT NULL,
            anchor     TEXT NOT NULL,
            label      TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (doc_slug, anchor)
          );
          CREATE TABLE IF NOT EXISTS reading_positions (
            doc_slug   TEXT PRIMARY KEY,
            anchor     TEXT NOT NULL,
            offset     REAL NOT NULL,
            updated_at TEXT NOT NULL
          );
          PRAGMA user_version = ${SCHEMA_VERSION};
        `);
      }
      return db;
    } catch (err) {
      db.close();
      throw err;
    }
  }

  listBookmarks(): Bookmark[] {
    const rows = this.db
      .prepare(
        'SELECT doc_slug, anchor, label, created_at FROM bookmarks ORDER BY created_at DESC, rowid DESC',
      )
      .all() as BookmarkRow[];
    return rows.map(toBookmark);
  }

  /** Bookmarks newest first, `limit` from `offset`, with how many there are; only one document's with `docSlug`. */
  bookmarkPage(offset: number, limit: number, docSlug?: string): { bookmarks: Bookmark[]; total: number } {
    const where = docSlug === undefined ? '' : 'WHERE doc_slug = ?';
    const args = docSlug === undefined ? [] : [docSlug];
    const total = (this.db.prepare(`SELECT count(*) AS n FROM bookmarks ${where}`).get(...args) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT doc_slug, anchor, label, created_at FROM bookmarks ${where} ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`)
      .all(...args, limit, offset) as BookmarkRow[];
    return { bookmarks: rows.map(toBookmark), total };
  }

  /**
   * Idempotent: adding the same (document, anchor) again returns the existing bookmark, keeping
   * its creation time; a new non-empty label replaces the old one.
   */
  addBookmark(docSlug: string, anchor: string, label?: string): Bookmark {
    const text = label?.trim() ? label.trim() : anchor;
    const now = new Date().toISOString();
    const row = this.db
      .prepare(
        `INSERT INTO bookmarks (doc_slug, anchor, label, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (doc_slug, anchor) DO UPDATE SET
           label = CASE WHEN ? THEN excluded.label ELSE bookmarks.label END
         RETURNING doc_slug, anchor, label, created_at`,
      )
      .get(docSlug, anchor, text, now, label?.trim() ? 1 : 0) as BookmarkRow;
    return toBookmark(row);
  }

  removeBookmark(docSlug: string, anchor: string): { removed: boolean } {
    const info = this.db
      .prepare('DELETE FROM bookmarks WHERE doc_slug = ? AND anchor = ?')
      .run(docSlug, anchor);
    return { removed: info.changes > 0 };
  }

  getReadingPosition(docSlug: string): ReadingPosition | null {
    const row = this.db
      .prepare('SELECT doc_slug, anchor, offset FROM reading_positions WHERE doc_slug = ?')
      .get(docSlug) as PositionRow | undefined;
    return row ? { docSlug: row.doc_slug, anchor: row.anchor, offset: row.offset } : null;
  }

  setReadingPosition(p: ReadingPosition): { saved: true } {
    const offset = Number.isFinite(p.offset) ? Math.min(1, Math.max(0, p.offset)) : 0;
    this.db
      .prepare(
        `INSERT INTO reading_positions (doc_slug, anchor, offset, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (doc_slug) DO UPDATE SET
           anchor = excluded.anchor, offset = excluded.offset, updated_at = excluded.updated_at`,
      )
      .run(p.docSlug, p.anchor, offset, new Date().toISOString());
    return { saved: true };
  }

  close(): void {
    if (!this.db.open) return;
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Another connection may hold the WAL; the data is safe in it either way.
    }
    this.db.close();
  }
}

function toBookmark(row: BookmarkRow): Bookmark {
  return { docSlug: row.doc_slug, anchor: row.anchor, label: row.label, createdAt: row.created_at };
}

/** Thrown when `PRAGMA quick_check` finds damage SQLite did not report as an error. */
class DamagedFileError extends Error {}

/** Page-level damage, found on open rather than on the first read that reaches it. */
function checkPages(db: Database.Database): void {
  const problems = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
  if (problems.length !== 1 || problems[0]!.quick_check !== 'ok') {
    throw new DamagedFileError(problems.map((p) => p.quick_check).join('; '));
  }
}

function isDamaged(err: unknown): boolean {
  if (err instanceof DamagedFileError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}
