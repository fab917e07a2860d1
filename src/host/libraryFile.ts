// The library database file as the transports find it: missing, stale (built from another corpus
// or schema), corrupt or ok; and rebuilt from the corpus when it is a build artifact that is not
// ok. The CLI and the browser edition share this, so they agree on what "stale" means.
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../shared/api';
import type { Library } from '../services/library';
import { CORPUS_DIR, DEFAULT_DB, ROOT } from './paths';

type Log = (line: string) => void;
const stderrLog: Log = (line) => process.stderr.write(`${line}\n`);
// Loaded on first use: a plain start of the server should not wait for SQLite or the parser.
const loadLibrary = () => import('../services/library');
const loadBuilder = () => import('../ingest/build');

export type DbState = 'ok' | 'missing' | 'stale' | 'corrupt';


/**
 * Size, mtime and inode of the file when its pages last passed quick_check, kept beside it
 * (`<db>.checked`): a whole-file check costs 1.2–1.8 s at 5,000 documents, so an unchanged file is
 * not checked again at every start. A rebuild, a truncation or an overwrite changes the stamp.
 */
function fileStamp(dbPath: string): string | null {
  try {
    const s = fs.statSync(dbPath);
    return `${s.size}:${s.mtimeMs}:${s.ino}`;
  } catch {
    return null;
  }
}

function pagesIntact(library: Library, dbPath: string): boolean {
  const stampFile = `${dbPath}.checked`;
  const stamp = fileStamp(dbPath);
  try {
    if (stamp !== null && fs.readFileSync(stampFile, 'utf8') === stamp) return true;
  } catch {
    // Never checked (or the stamp is unreadable): check now.
  }
  if (library.quickCheck() !== null) return false;
  try {
    if (stamp !== null) fs.writeFileSync(stampFile, stamp);
  } catch {
    // A read-only location: the check simply runs again next time.
  }
  return true;
}

export async function databaseState(dbPath: string, corpusDir: string = CORPUS_DIR): Promise<DbState> {
  const { Library } = await loadLibrary();
  let library: Library;
  try {
    library = Library.open(dbPath);
  } catch (err) {
    const code = DeskError.from(err).code;
    return code === 'DB_MISSING' ? 'missing' : code === 'DB_STALE' ? 'stale' : 'corrupt';
  }
  try {
    // Page-level damage leaves meta and the index header readable: only a full check finds it.
    if (!pagesIntact(library, dbPath)) return 'corrupt';
    if (!fs.existsSync(corpusDir)) return 'ok';
    const { corpusHashOf } = await import('../ingest/corpusHash');
    return library.corpusHash === corpusHashOf(corpusDir) ? 'ok' : 'stale';
  } finally {
    library.close();
  }
}

/**
 * Build the DB when it is missing, or, at the default location (a build artifact there), when it
 * is built from another corpus or version or unreadable. A file at a path a person chose is never
 * overwritten: a library built from another corpus (a synthetic one, a colleague's) is served as
 * it is, and one from another version or a damaged one is left for the app to report.
 */
export async function ensureDatabase(dbPath: string, log: Log = stderrLog): Promise<DbState> {
  const state = await databaseState(dbPath);
  const atDefault = path.resolve(dbPath) === DEFAULT_DB;
  if (!atDefault && state === 'stale') log(`${dbPath} was not built from ${path.relative(ROOT, CORPUS_DIR) || CORPUS_DIR} by this version; it is used as it is (rebuild it with \`relations-desk build --corpus DIR --out ${dbPath}\`).`);
  const rebuild = state === 'missing' || (atDefault && (state === 'stale' || state === 'corrupt'));
  if (!rebuild) return state;
  log(
    state === 'missing'
      ? `Building the library database (${path.relative(ROOT, dbPath) || dbPath})…`
      : `The library database is ${state === 'stale' ? 'out of date' : 'unreadable'}; rebuilding it…`,
  );
  const { buildDatabaseInParallel } = await loadBuilder();
  const report = await buildDatabaseInParallel({ corpusDir: CORPUS_DIR, outFile: dbPath });
  log(`Built ${report.counts.documents} documents in ${report.millis} ms.`);
  return 'ok';
}
