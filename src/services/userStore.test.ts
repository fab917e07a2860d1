import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserStore } from './userStore';

let dir: string;
let file: string;
const open: UserStore[] = [];

function store(): UserStore {
  const s = new UserStore(file);
  open.push(s);
  return s;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-user-'));
  file = path.join(dir, 'nested', 'user.db');
});

afterEach(() => {
  for (const s of open.splice(0)) s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('UserStore bookmarks', () => {
  it('starts empty, creating the folder and the file', () => {
    expect(store().listBookmarks()).toEqual([]);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('adds, lists newest first, and removes bookmarks', () => {
    const s = store();
    const a = s.addBookmark('albania-kosovo-relations', 'free-movement', 'Albania–Kosovo › Free Movement');
    const b = s.addBookmark('foreign-relations-of-albania', 'nato', 'Foreign relations › NATO');
    expect(a).toMatchObject({
      docSlug: 'albania-kosovo-relations',
      anchor: 'free-movement',
      label: 'Albania–Kosovo › Free Movement',
    });
    expect(Number.isNaN(Date.parse(a.createdAt))).toBe(false);
    expect(s.listBookmarks().map((x) => x.anchor)).toEqual([b.anchor, a.anchor]);

    expect(s.removeBookmark('albania-kosovo-relations', 'free-movement')).toEqual({ removed: true });
    expect(s.removeBookmark('albania-kosovo-relations', 'free-movement')).toEqual({ removed: false });
    expect(s.listBookmarks()).toHaveLength(1);
  });

  it('is idempotent: adding the same place twice keeps one bookmark and its creation time', () => {
    const s = store();
    const first = s.addBookmark('doc', 'sec', 'First label');
    const again = s.addBookmark('doc', 'sec', 'First label');
    expect(again).toEqual(first);
    const renamed = s.addBookmark('doc', 'sec', 'Better label');
    expect(renamed.label).toBe('Better label');
    expect(renamed.createdAt).toBe(first.createdAt);
    const unlabeled = s.addBookmark('doc', 'sec');
    expect(unlabeled.label).toBe('Better label');
    expect(s.listBookmarks()).toHaveLength(1);
  });

  it('falls back to the anchor when no label is given', () => {
    expect(store().addBookmark('doc', 'history', '  ').label).toBe('history');
  });

  it('stores text that looks like SQL verbatim', () => {
    const s = store();
    const label = "Robert'); DROP TABLE bookmarks;--";
    s.addBookmark('doc', 'a', label);
    expect(s.listBookmarks()[0]?.label).toBe(label);
  });
});

describe('UserStore reading positions', () => {
  it('returns null for a document never read, then the last saved position', () => {
    const s = store();
    expect(s.getReadingPosition('doc')).toBeNull();
    expect(s.setReadingPosition({ docSlug: 'doc', anchor: 'lead', offset: 0.25 })).toEqual({ saved: true });
    s.setReadingPosition({ docSlug: 'doc', anchor: 'history', offset: 0.5 });
    expect(s.getReadingPosition('doc')).toEqual({ docSlug: 'doc', anchor: 'history', offset: 0.5 });
  });

  it('clamps the offset into 0..1', () => {
    const s = store();
    s.setReadingPosition({ docSlug: 'doc', anchor: 'x', offset: 7 });
    expect(s.getReadingPosition('doc')?.offset).toBe(1);
    s.setReadingPosition({ docSlug: 'doc', anchor: 'x', offset: Number.NaN });
    expect(s.getReadingPosition('doc')?.offset).toBe(0);
  });
});

describe('UserStore durability', () => {
  it('keeps data across close and reopen', () => {
    const s = store();
    s.addBookmark('doc', 'a', 'A');
    s.setReadingPosition({ docSlug: 'doc', anchor: 'a', offset: 0.3 });
    s.close();
    const t = store();
    expect(t.listBookmarks().map((b) => b.label)).toEqual(['A']);
    expect(t.getReadingPosition('doc')?.offset).toBeCloseTo(0.3);
  });

  it('uses WAL journaling', () => {
    store();
    const db = fs.readFileSync(file);
    // SQLite header bytes 18/19 are 2 for WAL.
    expect([db[18], db[19]]).toEqual([2, 2]);
  });

  it('survives the process being killed right after a write (no close, no checkpoint)', () => {
    const moduleUrl = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'userStore.ts')).href;
    const code = `
      const { UserStore } = await import(${JSON.stringify(moduleUrl)});
      const s = new UserStore(${JSON.stringify(file)});
      s.addBookmark('doc', 'killed', 'Written before SIGKILL');
      s.setReadingPosition({ docSlug: 'doc', anchor: 'killed', offset: 0.75 });
      process.kill(process.pid, 'SIGKILL');
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      encoding: 'utf8',
    });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    expect(fs.existsSync(`${file}-wal`)).toBe(true);

    const s = store();
    expect(s.listBookmarks().map((b) => b.label)).toEqual(['Written before SIGKILL']);
    expect(s.getReadingPosition('doc')).toEqual({ docSlug: 'doc', anchor: 'killed', offset: 0.75 });
  });

  it('moves an unreadable user DB aside and starts empty instead of failing', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'this is not a database'.repeat(100));
    const s = store();
    expect(s.listBookmarks()).toEqual([]);
    expect(s.recoveredFrom).toMatch(/user\.db\.corrupt-/);
    expect(fs.readFileSync(s.recoveredFrom!, 'utf8')).toContain('this is not a database');
  });

  it('accepts an explicit nativeBinding (the Node build here)', () => {
    const binding = path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    const s = new UserStore(file, { nativeBinding: binding });
    open.push(s);
    expect(s.addBookmark('d', 'a', 'L').label).toBe('L');
  });
});
