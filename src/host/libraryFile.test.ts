// The start-up check of the CLI and `npm run serve` (issue 14): page-level damage is found on open
// (PRAGMA quick_check), as a stale or unreadable file is, so the default library gets rebuilt.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, inject, it } from 'vitest';
import { buildDatabase } from '../ingest/build';
import { databaseState, ensureDatabase } from './libraryFile';
import { CORPUS_DIR } from './paths';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relations-desk-state-'));

function copy(name: string): string {
  const file = path.join(dir, name);
  fs.copyFileSync(inject('dbPath'), file);
  return file;
}

/** Garbles the b-tree header of a table's root page: meta and the index still read. */
function damagePages(file: string, table: string): void {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = (db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(table) as { rootpage: number }).rootpage;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(16, 0xa5), 0, 16, (root - 1) * pageSize);
  fs.closeSync(fd);
}

describe('databaseState', () => {
  it('is ok for an intact library built from the corpus', async () => {
    expect(await databaseState(copy('ok.db'), CORPUS_DIR)).toBe('ok');
  });

  it('finds page-level damage that opening alone does not', async () => {
    const file = copy('pages.db');
    damagePages(file, 'passages');
    expect(await databaseState(file, CORPUS_DIR)).toBe('corrupt');
  });

  it('checks an unchanged file once, and again after it changed', async () => {
    const file = copy('stamp.db');
    expect(await databaseState(file, CORPUS_DIR)).toBe('ok');
    expect(fs.existsSync(`${file}.checked`)).toBe(true);
    damagePages(file, 'documents'); // a write: size, mtime or inode differ from the stamp
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(await databaseState(file, CORPUS_DIR)).toBe('corrupt');
  });
});

describe('ensureDatabase at a path a person chose', () => {
  it('serves a library built from another corpus as it is, never rebuilding it from corpus/ over it', async () => {
    // `npm run serve -- --db synth-5000.db` rebuilt a 5,000-document library from the 5 bundled documents.
    const other = fs.mkdtempSync(path.join(dir, 'other-corpus-'));
    const first = fs.readdirSync(CORPUS_DIR).sort()[0]!;
    fs.copyFileSync(path.join(CORPUS_DIR, first), path.join(other, first));
    const file = path.join(dir, 'chosen.db');
    buildDatabase({ corpusDir: other, outFile: file });
    const before = fs.readFileSync(file);
    const log: string[] = [];
    expect(await ensureDatabase(file, (l) => log.push(l))).toBe('stale');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(log.join('\n')).toContain('it is used as it is');
  });

  it('builds the library there when the file does not exist yet', async () => {
    const file = path.join(dir, 'new.db');
    const log: string[] = [];
    expect(await ensureDatabase(file, (l) => log.push(l))).toBe('ok');
    expect(await databaseState(file, CORPUS_DIR)).toBe('ok');
  });
});
