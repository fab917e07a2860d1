// The user's own documents (issue 18): a second library file in the user-data folder, in the
// bundled library's layout plus a `user_documents` table (where each came from, its parsed form,
// its import report). Every change — a document added, replaced by a newer copy, removed —
// rewrites the whole file through libraryWriter.ts (temp file, flush, rename): an import killed
// at any moment leaves the library as it was before or after that document. The user's
// documents are few next to the bundled library, so rewriting them is cheap; the bundled index is
// never touched.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { slugify, nameKey } from '../shared/text';
import { ADDED_SLUG_PREFIX, MAX_REPORT_WARNINGS, USER_LIBRARY_FILE, type DocumentOrigin, type ImportReport } from '../shared/userDocuments';
import { INGEST_VERSION, SCHEMA_VERSION } from '../core/schema';
import type { ParsedDocument } from './model';
import type { Extraction } from './extract';
import { writeParsedLibrary, type WrittenDocument } from './libraryWriter';
import { ImportRefusal, readDocumentBytes } from './readers';
import { isAlive, withFileLock } from './fileLock';

export { USER_LIBRARY_FILE };

export function userLibraryPath(userDataDir: string): string {
  return join(userDataDir, USER_LIBRARY_FILE);
}

const USER_TABLE = `CREATE TABLE user_documents (
  slug        TEXT PRIMARY KEY,
  ord         INTEGER NOT NULL,
  added       TEXT NOT NULL, -- JSON DocumentOrigin
  source_hash TEXT NOT NULL, -- sha256 of the file's bytes
  parsed      TEXT NOT NULL, -- JSON ParsedDocument, so a rewrite never parses a file again
  report      TEXT NOT NULL, -- JSON ImportReport of its last import
  extraction  TEXT NOT NULL  -- JSON: its own extraction (facts, events), reused by the next rewrite
)`;

interface Entry {
  slug: string;
  added: DocumentOrigin;
  sourceHash: string;
  parsed: ParsedDocument;
  report: ImportReport;
  /** Absent for a new document and after a change of ingest version: extracted again. */
  extraction?: Extraction;
}

export interface AddInput {
  /** The file's name as the user knows it. */
  name: string;
  /** Its path on disk, when it has one: a newer copy at the same path replaces it. */
  path?: string;
  bytes: Uint8Array;
  modifiedAt?: string;
}

export interface AddOptions {
  /** The bundled library, for "See also" links to its documents. */
  bundledDb?: string;
  onStage?: (stage: 'extracting' | 'indexing', fraction?: number) => void;
  now?: () => Date;
  /** better-sqlite3 built for another runtime (Electron). */
  nativeBinding?: string;
}

type Native = { nativeBinding?: string };
const native = (o: Native) => (o.nativeBinding ? { nativeBinding: o.nativeBinding } : {});

/** Reads, parses and adds one file; a refusal comes back as a report, never as a throw. */
export async function addDocument(libraryFile: string, input: AddInput, options: AddOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const file = basename(input.name);
  let read;
  try {
    options.onStage?.('extracting', 0);
    read = await readDocumentBytes(input.bytes, file, { onProgress: (f) => options.onStage?.('extracting', f) });
  } catch (err) {
    if (!(err instanceof ImportRefusal)) throw err;
    return { file, status: 'refused', code: err.code, message: err.message, millis: Math.round(performance.now() - started) };
  }
  options.onStage?.('indexing');
  const sourceHash = createHash('sha256').update(input.bytes).digest('hex');
  const now = (options.now ?? (() => new Date()))().toISOString();

  return withFileLock(`${libraryFile}.lock`, () => {
    const entries = readEntries(libraryFile, options);
    const same = entries.findIndex((e) => (input.path ? e.added.sourcePath === input.path : !e.added.sourcePath && e.added.sourceName === file));
    const previous = same === -1 ? undefined : entries[same]!;
    if (previous && previous.sourceHash === sourceHash) {
      return { ...previous.report, file, status: 'unchanged', message: `${file} is already in your library, unchanged since ${previous.added.addedAt.slice(0, 10)}.`, millis: Math.round(performance.now() - started) };
    }
    const slug = previous?.slug ?? uniqueSlug(read.doc.title, entries);
    const added: DocumentOrigin = {
      sourceName: file,
      ...(input.path ? { sourcePath: input.path } : {}),
      format: read.format,
      bytes: input.bytes.length,
      addedAt: now,
      ...(input.modifiedAt ? { modifiedAt: input.modifiedAt } : {}),
    };
    const entry: Entry = { slug, added, sourceHash, parsed: read.doc, report: { file, status: previous ? 'replaced' : 'added' } };
    const next = previous ? entries.map((e, i) => (i === same ? entry : e)) : [...entries, entry];
    const written = write(libraryFile, next, options, (e) => (e === entry ? undefined : e.report), now);
    const report = written.get(slug)!;
    return { ...report, millis: Math.round(performance.now() - started) };
  });
}

/** Removes an added document; false when there is none with that slug. */
export function removeDocument(libraryFile: string, slug: string, options: { bundledDb?: string; now?: () => Date } & Native = {}): { removed: boolean; title?: string } {
  return withFileLock(`${libraryFile}.lock`, () => {
    const entries = readEntries(libraryFile, options);
    const gone = entries.find((e) => e.slug === slug);
    if (!gone) return { removed: false };
    write(libraryFile, entries.filter((e) => e !== gone), options, (e) => e.report, (options.now ?? (() => new Date()))().toISOString());
    return { removed: true, title: gone.parsed.title };
  });
}

/**
 * Rewrites the library when another version of Relations Desk made it (schema or ingest version
 * differ), from the parsed documents it stores: an update of the app keeps the user's documents.
 * True when it was rewritten.
 */
export function refreshUserLibrary(libraryFile: string, options: { bundledDb?: string } & Native = {}): boolean {
  if (!existsSync(libraryFile)) return false;
  let current = true;
  try {
    const db = new Database(libraryFile, { readonly: true, fileMustExist: true, ...native(options) });
    try {
      const meta = new Map((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
      current = meta.get('schema_version') === String(SCHEMA_VERSION) && meta.get('ingest_version') === String(INGEST_VERSION);
    } finally {
      db.close();
    }
  } catch {
    current = false;
  }
  if (current) return false;
  return withFileLock(`${libraryFile}.lock`, () => {
    write(libraryFile, readEntries(libraryFile, options), options, (e) => e.report, new Date().toISOString());
    return true;
  });
}

/** The added documents' origins and last reports, in the order they were added. */
export function listEntries(libraryFile: string, options: Native = {}): { slug: string; title: string; added: DocumentOrigin; report: ImportReport }[] {
  return readEntries(libraryFile, options).map((e) => ({ slug: e.slug, title: e.parsed.title, added: e.added, report: e.report }));
}

function readEntries(libraryFile: string, options: Native): Entry[] {
  if (!existsSync(libraryFile)) return [];
  let db: Database.Database | undefined;
  try {
    db = new Database(libraryFile, { readonly: true, fileMustExist: true, ...native(options) });
    const current = (db.prepare("SELECT value FROM meta WHERE key = 'ingest_version'").pluck().get() as string | undefined) === String(INGEST_VERSION);
    const rows = db.prepare('SELECT slug, added, source_hash, parsed, report, extraction FROM user_documents ORDER BY ord').all() as { slug: string; added: string; source_hash: string; parsed: string; report: string; extraction: string }[];
    return rows.map((r) => ({
      slug: r.slug,
      added: JSON.parse(r.added) as DocumentOrigin,
      sourceHash: r.source_hash,
      parsed: JSON.parse(r.parsed) as ParsedDocument,
      report: JSON.parse(r.report) as ImportReport,
      ...(current ? { extraction: JSON.parse(r.extraction) as Extraction } : {}),
    }));
  } catch (err) {
    db?.close();
    db = undefined;
    // Written only by rename, the file cannot be half-written; if it is unreadable anyway (a
    // disk error, another program), it is kept aside and the library starts again empty.
    const aside = `${libraryFile}.unreadable-${Date.now()}`;
    renameSync(libraryFile, aside);
    process.emitWarning(`Your documents' library could not be read (${(err as Error).message}); it was moved to ${aside}.`);
    return [];
  } finally {
    db?.close();
  }
}

/** Rewrites the library with `entries`; returns the import report of each (fresh ones are made). */
function write(libraryFile: string, entries: Entry[], options: { bundledDb?: string } & Native, keep: (e: Entry) => ImportReport | undefined, now: string): Map<string, ImportReport> {
  removeStaleTemps(libraryFile);
  const reports = new Map<string, ImportReport>();
  const hash = createHash('sha256').update(`schema:${SCHEMA_VERSION};ingest:${INGEST_VERSION};user\n`);
  for (const e of entries) hash.update(`${e.slug}\0${e.sourceHash}\0`);
  writeParsedLibrary(
    entries.map((e) => ({ slug: e.slug, doc: e.parsed, extra: { added: e.added }, ...(e.extraction ? { extraction: e.extraction } : {}) })),
    libraryFile,
    {
      builtAt: now,
      hash: hash.digest('hex'),
      otherTitles: bundledTitles(options),
      ...native(options),
      more: (db, written) => {
        db.exec(USER_TABLE);
        const ins = db.prepare('INSERT INTO user_documents (slug, ord, added, source_hash, parsed, report, extraction) VALUES (?,?,?,?,?,?,?)');
        entries.forEach((e, i) => {
          const w = written.get(e.slug)!;
          const report = keep(e) ?? reportOf(e, w);
          reports.set(e.slug, report);
          ins.run(e.slug, i, JSON.stringify(e.added), e.sourceHash, JSON.stringify(e.parsed), JSON.stringify(report), JSON.stringify(w.extraction));
        });
      },
    },
  );
  return reports;
}

function reportOf(e: Entry, w: WrittenDocument | undefined): ImportReport {
  const blocks = e.parsed.sections.flatMap((s) => s.blocks);
  const tables = blocks.filter((b) => b.type === 'table');
  const warnings = [...e.parsed.warnings, ...(w?.warnings ?? [])];
  const dropped = warnings.find((x) => x.code === 'running-lines-dropped');
  return {
    file: e.added.sourceName,
    status: e.report.status,
    slug: e.slug,
    title: e.parsed.title,
    format: e.added.format,
    counts: {
      sections: e.parsed.sections.length,
      paragraphs: blocks.filter((b) => b.type === 'paragraph').length,
      lists: blocks.filter((b) => b.type === 'list').length,
      tables: tables.length,
      passages: w?.passages ?? 0,
      events: w?.events ?? 0,
      partners: w?.partners.length ?? 0,
    },
    lost: {
      gapCells: tables.reduce((n, b) => n + (b.type === 'table' && b.gaps ? b.gaps.missingCells : 0), 0),
      tablesWithGaps: tables.filter((b) => b.type === 'table' && b.gaps).length,
      droppedLines: dropped ? Number(/^(\d+)/.exec(dropped.message)?.[1] ?? 0) : 0,
    },
    warnings: warnings.slice(0, MAX_REPORT_WARNINGS).map((x) => ({ ...(x.line !== undefined ? { line: x.line } : {}), code: x.code, message: x.message })),
  };
}

function uniqueSlug(title: string, entries: readonly Entry[]): string {
  const base = `${ADDED_SLUG_PREFIX}${slugify(title, 60) || 'document'}`;
  const used = new Set(entries.map((e) => e.slug));
  let slug = base;
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

function bundledTitles(options: { bundledDb?: string } & Native): Map<string, string> {
  const titles = new Map<string, string>();
  const bundledDb = options.bundledDb;
  if (!bundledDb || !existsSync(bundledDb)) return titles;
  try {
    const db = new Database(bundledDb, { readonly: true, fileMustExist: true, ...native(options) });
    try {
      for (const r of db.prepare('SELECT slug, title FROM documents').all() as { slug: string; title: string }[]) titles.set(nameKey(r.title), r.slug);
    } finally {
      db.close();
    }
  } catch {
    // Links to the bundled library are a convenience; a missing or stale one leaves them unlinked.
  }
  return titles;
}

/** Temp files of writers that were killed (their process is gone). */
function removeStaleTemps(libraryFile: string): void {
  const dir = dirname(libraryFile);
  const prefix = `${basename(libraryFile)}.tmp-`;
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid !== process.pid && !isAlive(pid)) rmSync(join(dir, name), { force: true });
  }
}
