// A library damaged after it was built (issue 14): bad stored JSON and damaged pages are DB_CORRUPT
// with the rebuild hint, never a raw SQLite code or a JSON parser message, and the library is
// closed after the failure, so the next call opens the file afresh.
import { copyFileSync, mkdtempSync, openSync, renameSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { DeskError } from '../shared/api';
import { Library } from './library';
import { createDesk } from './desk';

const dir = mkdtempSync(join(tmpdir(), 'relations-desk-damage-'));
let n = 0;

function copyOfLibrary(): string {
  const path = join(dir, `lib-${n++}.db`);
  copyFileSync(inject('dbPath'), path);
  return path;
}

/** Overwrites the b-tree page header of a table's root page with garbage (page-level damage). */
function damageTablePages(path: string, table: string): void {
  const db = new Database(path, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = ?").get(table) as { rootpage: number }).rootpage;
  db.close();
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(16, 0xa5), 0, 16, (root - 1) * pageSize);
  closeSync(fd);
}

afterEach(() => vi.restoreAllMocks());

describe('a damaged library', () => {
  it('reports truncated stored JSON as DB_CORRUPT, naming what cannot be read', () => {
    const path = copyOfLibrary();
    const db = new Database(path);
    const slug = (db.prepare('SELECT slug FROM documents ORDER BY ord LIMIT 1').get() as { slug: string }).slug;
    db.prepare('UPDATE documents SET body = substr(body, 1, length(body) / 2) WHERE slug = ?').run(slug);
    db.close();
    const library = Library.open(path);
    try {
      let caught: unknown;
      try {
        library.getDocument(slug);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(DeskError);
      expect((caught as DeskError).code).toBe('DB_CORRUPT');
      expect((caught as DeskError).message).toContain(`document "${slug}"`);
      expect((caught as DeskError).hint).toMatch(/relations-desk build/);
      expect(library.listDocuments()).toHaveLength(5);
    } finally {
      library.close();
    }
  });

  it('reports randomised search postings as DB_CORRUPT, not as an empty result', () => {
    const path = copyOfLibrary();
    const db = new Database(path);
    db.prepare('UPDATE search_postings SET docs = randomblob(length(docs))').run();
    db.close();
    const library = Library.open(path);
    try {
      let caught: unknown;
      try {
        library.search({ query: 'kosovo' });
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(DeskError);
      expect((caught as DeskError).code).toBe('DB_CORRUPT');
      expect((caught as DeskError).message).toMatch(/search index .* damaged/);
      expect(library.listDocuments()).toHaveLength(5);
    } finally {
      library.close();
    }
  });

  it('answers page-level damage with DB_CORRUPT, closes the library, and reopens it on the next call', async () => {
    const path = copyOfLibrary();
    damageTablePages(path, 'documents');
    const close = vi.spyOn(Library.prototype, 'close');
    const desk = createDesk({ dbPath: path });
    try {
      const env = await desk.dispatch('listDocuments', {});
      expect(env.ok).toBe(false);
      if (env.ok) return;
      expect(env.error.code).toBe('DB_CORRUPT');
      expect(env.error.message).toMatch(/damaged/);
      expect(env.error.hint).toMatch(/relations-desk build/);
      expect(close).toHaveBeenCalledTimes(1);

      // The library is rebuilt in place (a new file at the same path): the next call reads it.
      const fresh = copyOfLibrary();
      renameSync(fresh, path);
      const again = await desk.dispatch('listDocuments', {});
      expect(again.ok).toBe(true);
    } finally {
      desk.close();
    }
  });
});
