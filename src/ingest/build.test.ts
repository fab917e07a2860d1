import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, inject, it } from 'vitest';
const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../../corpus', import.meta.url));
import { buildDatabase, BuildError } from './build';

function contentHash(file: string): string {
  const db = new Database(file, { readonly: true });
  const h = createHash('sha256');
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  for (const t of tables) {
    for (const row of db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()) h.update(JSON.stringify(row));
  }
  db.close();
  return h.digest('hex');
}

describe('buildDatabase', () => {
  it('builds the same content from the same corpus, byte for byte with a fixed build time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relations-desk-build-'));
    const a = join(dir, 'a.db');
    const b = join(dir, 'b.db');
    buildDatabase({ corpusDir: DEFAULT_CORPUS_DIR, outFile: a, builtAt: '2026-01-01T00:00:00.000Z' });
    buildDatabase({ corpusDir: DEFAULT_CORPUS_DIR, outFile: b, builtAt: '2026-01-01T00:00:00.000Z' });
    expect(contentHash(a)).toBe(contentHash(b));
    expect(createHash('sha256').update(readFileSync(a)).digest('hex')).toBe(createHash('sha256').update(readFileSync(b)).digest('hex'));
    expect(contentHash(a)).toBe(contentHash(inject('dbPath')));
  });

  it('stores the index with the corpus hash of the data', () => {
    const db = new Database(inject('dbPath'), { readonly: true });
    const meta = db.prepare("SELECT value FROM meta WHERE key = 'corpus_hash'").get() as { value: string };
    const index = db.prepare('SELECT corpus_hash, length(lunr) AS size FROM search_index').get() as { corpus_hash: string; size: number };
    db.close();
    expect(index.corpus_hash).toBe(meta.value);
    expect(index.size).toBeGreaterThan(1000);
  });

  it('reports the gaps of the source tables and the names recovered from notes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relations-desk-build-'));
    const report = buildDatabase({ corpusDir: DEFAULT_CORPUS_DIR, outFile: join(dir, 'x.db') });
    expect(report.counts.documents).toBe(5);
    expect(report.counts.tablesWithGaps).toBeGreaterThanOrEqual(3);
    expect(report.counts.recoveredNames).toBeGreaterThan(20);
    expect(report.warnings.some((w) => w.code === 'table-gaps' && w.file.startsWith('001_'))).toBe(true);
    expect(report.warnings.some((w) => w.code === 'recovered-name')).toBe(true);
  });

  it('skips bad files with a reason and still builds the good ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relations-desk-bad-corpus-'));
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    for (const f of readdirSync(DEFAULT_CORPUS_DIR)) copyFileSync(join(DEFAULT_CORPUS_DIR, f), join(corpus, f));
    writeFileSync(join(corpus, 'empty.txt'), '  \n\n');
    writeFileSync(join(corpus, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
    writeFileSync(join(corpus, 'latin1.txt'), Buffer.from('= Shqip\xEBria =\n\nKu\xE7ov\xEB\n', 'latin1'));
    writeFileSync(join(corpus, 'unclosed.txt'), '= Broken table =\n\n== Table ==\n| a | b |\n| 1 | 2\n| 3 |\nText after.\n');
    const report = buildDatabase({ corpusDir: corpus, outFile: join(dir, 'x.db') });
    expect(report.counts.documents).toBe(6);
    expect(report.counts.skippedFiles).toBe(3);
    const skipped = report.warnings.filter((w) => ['empty.txt', 'binary.txt', 'latin1.txt'].includes(w.file));
    expect(skipped.map((w) => w.file).sort()).toEqual(['binary.txt', 'empty.txt', 'latin1.txt']);
  });

  it('fails with a clear error when there is nothing valid to build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relations-desk-none-'));
    expect(() => buildDatabase({ corpusDir: dir, outFile: join(dir, 'x.db') })).toThrow(BuildError);
    expect(() => buildDatabase({ corpusDir: join(dir, 'missing'), outFile: join(dir, 'x.db') })).toThrow(/not found/);
  });
});
