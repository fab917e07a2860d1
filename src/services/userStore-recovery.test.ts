// A damaged user database (issue 14): moved aside with its WAL, everything readable salvaged into
// the new file, and what happened reported (UserStore.recovery → the userDataRecovery call).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { UserStore } from './userStore';
import { createDesk } from './desk';

let dir: string;
let file: string;
const open: { close(): void }[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-user-damage-'));
  file = path.join(dir, 'user.db');
});

afterEach(() => {
  for (const s of open.splice(0)) s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A user DB with `n` bookmarks (labels `pad` characters long) and one reading position, checkpointed. */
function userDbWith(n: number, pad = 40): void {
  new UserStore(file).close();
  const db = new Database(file);
  const insert = db.prepare('INSERT INTO bookmarks (doc_slug, anchor, label, created_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < n; i++) insert.run(`doc-${i % 50}`, `section-${i}`, `Bookmark ${i} `.padEnd(pad, '·'), new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString());
  })();
  db.prepare("INSERT INTO reading_positions (doc_slug, anchor, offset, updated_at) VALUES ('doc-1', 'section-1', 0.5, '2026-01-01')").run();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function pageOf(table: string): { size: number; pages: number; root: number } {
  const db = new Database(file, { readonly: true });
  const size = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const root = (db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(table) as { rootpage: number }).rootpage;
  db.close();
  return { size, pages, root };
}

function garblePage(page: number, size: number): void {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(size, 0x5a), 0, size, (page - 1) * size);
  fs.closeSync(fd);
}

function store(): UserStore {
  const s = new UserStore(file);
  open.push(s);
  return s;
}

describe('a damaged user database', () => {
  it('salvages what a truncated file still holds, and says how much and where the damaged copy is', () => {
    userDbWith(7195);
    const { size, pages } = pageOf('bookmarks');
    fs.truncateSync(file, Math.floor(pages * 0.6) * size);

    const s = store();
    const recovery = s.recovery!;
    expect(recovery).not.toBeNull();
    expect(recovery.complete).toBe(false);
    expect(recovery.recovered.bookmarks).toBeGreaterThan(1000);
    expect(recovery.recovered.bookmarks).toBeLessThan(7195);
    expect(fs.existsSync(recovery.damagedCopy)).toBe(true);
    expect(fs.statSync(recovery.damagedCopy).size).toBe(Math.floor(pages * 0.6) * size);
    const listed = s.listBookmarks();
    expect(listed).toHaveLength(recovery.recovered.bookmarks!);
    expect(listed.every((b) => /^Bookmark \d+ /.test(b.label))).toBe(true);
  });

  it('salvages every row around a garbled page', () => {
    userDbWith(7195);
    const { size, pages, root } = pageOf('bookmarks');
    // A leaf page in the middle of the bookmarks table (not its root, not the schema page).
    const victim = Math.max(root + 1, Math.floor(pages / 2));
    garblePage(victim, size);

    const s = store();
    const recovery = s.recovery!;
    expect(recovery.complete).toBe(false);
    // One page holds at most a few dozen of these rows; everything else comes back.
    expect(recovery.recovered.bookmarks).toBeGreaterThan(7195 - 200);
    expect(recovery.recovered.reading_positions).toBe(1);
    expect(s.getReadingPosition('doc-1')).toEqual({ docSlug: 'doc-1', anchor: 'section-1', offset: 0.5 });
  });

  it('copies every table generically, including ones this version does not know', () => {
    userDbWith(7195);
    const db = new Database(file);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL); INSERT INTO notes (text) VALUES ('kept'), ('also kept');");
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const { size, pages, root } = pageOf('bookmarks');
    garblePage(Math.max(root + 1, Math.floor(pages / 3)), size);

    const s = store();
    expect(s.recovery!.recovered.notes).toBe(2);
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('SELECT text FROM notes ORDER BY id').pluck().all()).toEqual(['kept', 'also kept']);
    copy.close();
  });

  it('keeps the WAL, which may hold the latest bookmarks, with the damaged copy', () => {
    userDbWith(10);
    const moduleUrl = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'userStore.ts')).href;
    const code = `
      const { UserStore } = await import(${JSON.stringify(moduleUrl)});
      const s = new UserStore(${JSON.stringify(file)});
      s.addBookmark('doc', 'latest', 'Only in the WAL');
      process.kill(process.pid, 'SIGKILL');
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    const wal = fs.readFileSync(`${file}-wal`);
    expect(wal.length).toBeGreaterThan(0);
    fs.writeFileSync(file, Buffer.from('garbage!'), { flag: 'r+' }); // header garbled: not a database

    const s = store();
    expect(s.recovery).toMatchObject({ complete: false, recovered: {} });
    expect(fs.readFileSync(`${s.recovery!.damagedCopy}-wal`).equals(wal)).toBe(true);
    expect(s.listBookmarks()).toEqual([]);
  });

  it('recovers from damage found after open (listing fails while adding works) instead of failing every call', async () => {
    // Larger than SQLite's page cache, so the listing reads the damaged page from disk.
    userDbWith(40_000, 300);
    const desk = createDesk({ dbPath: inject('dbPath'), userDbPath: file });
    open.push(desk);
    expect(await desk.dispatch('userDataRecovery', {})).toEqual({ ok: true, value: null });
    const { size, pages, root } = pageOf('bookmarks');
    garblePage(Math.max(root + 1, Math.floor(pages / 4)), size);

    const listed = await desk.dispatch('listBookmarks', {});
    expect(listed.ok).toBe(true);
    if (!listed.ok) return;
    expect((listed.value as unknown[]).length).toBeGreaterThan(40_000 - 100);
    const notice = await desk.dispatch('userDataRecovery', {});
    expect(notice).toMatchObject({ ok: true, value: { complete: false, recovered: { bookmarks: (listed.value as unknown[]).length } } });
  });
});
