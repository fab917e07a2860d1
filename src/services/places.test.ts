// Bookmarks and reading positions point at places in the library (issue 14): nothing is stored that
// points nowhere, a bookmark whose section a library update removed is kept and marked, and
// bookmarks come a page at a time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Bookmark, BookmarkPage } from '../shared/api';
import { createDesk, type Desk } from './desk';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relations-desk-places-'));
let n = 0;
const desks: Desk[] = [];

function desk(): { desk: Desk; userDb: string } {
  const userDb = path.join(dir, `user-${n++}.db`);
  const d = createDesk({ dbPath: inject('dbPath'), userDbPath: userDb });
  desks.push(d);
  return { desk: d, userDb };
}

afterEach(() => {
  for (const d of desks.splice(0)) d.close();
});

const KOSOVO = 'albania-kosovo-relations';

describe('places the reader stores', () => {
  it('refuses a bookmark for a section or document that does not exist, even with a label', async () => {
    const { desk: d } = desk();
    await expect(d.api.addBookmark({ docSlug: KOSOVO, anchor: 'no-such-section', label: 'Somewhere' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No section "no-such-section" in "Albania–Kosovo relations".',
    });
    await expect(d.api.addBookmark({ docSlug: 'no-such-doc', anchor: 'x', label: 'Somewhere' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'No document "no-such-doc" in this library.' });
    expect(await d.api.listBookmarks()).toEqual([]);
  });

  it('refuses a reading position that points nowhere, and saves one that does', async () => {
    const { desk: d } = desk();
    await expect(d.api.setReadingPosition({ docSlug: KOSOVO, anchor: 'no-such-section', offset: 0.5 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(d.api.setReadingPosition({ docSlug: 'no-such-doc', anchor: 'x', offset: 0.5 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await d.api.getReadingPosition({ docSlug: KOSOVO })).toBeNull();
    const doc = await d.api.getDocument({ slug: KOSOVO });
    await d.api.setReadingPosition({ docSlug: KOSOVO, anchor: doc.sections[2]!.anchor, offset: 0.5 });
    expect(await d.api.getReadingPosition({ docSlug: KOSOVO })).toMatchObject({ anchor: doc.sections[2]!.anchor });
  });

  it('keeps a bookmark whose section a library update removed, marked as missing', async () => {
    const { desk: d, userDb } = desk();
    const doc = await d.api.getDocument({ slug: KOSOVO });
    await d.api.addBookmark({ docSlug: KOSOVO, anchor: doc.sections[1]!.anchor });
    // Made against an older library, whose section has since gone.
    const db = new Database(userDb);
    db.prepare("INSERT INTO bookmarks (doc_slug, anchor, label, created_at) VALUES (?, 'old-section', 'Albania–Kosovo relations › Old section', '2020-01-01T00:00:00.000Z')").run(KOSOVO);
    db.close();
    const page = await d.api.bookmarkPage();
    expect(page.total).toBe(2);
    expect(page.bookmarks.map((b) => [b.anchor, b.missing ?? false])).toEqual([
      [doc.sections[1]!.anchor, false],
      ['old-section', true],
    ]);
  });

  it('pages bookmarks newest first, with the total, and by document', async () => {
    const { desk: d, userDb } = desk();
    await d.api.listBookmarks(); // creates the file
    const db = new Database(userDb);
    const insert = db.prepare('INSERT INTO bookmarks (doc_slug, anchor, label, created_at) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 250; i++) insert.run(i % 5 === 0 ? KOSOVO : 'albania-nato-relations', `s-${i}`, `L${i}`, new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString());
    })();
    db.close();
    const first: BookmarkPage = await d.api.bookmarkPage();
    expect(first.total).toBe(250);
    expect(first.bookmarks).toHaveLength(100);
    expect(first.bookmarks[0]!.label).toBe('L249');
    const last = await d.api.bookmarkPage({ offset: 200 });
    expect(last.bookmarks.map((b: Bookmark) => b.label).at(-1)).toBe('L0');
    expect(last.bookmarks).toHaveLength(50);
    const kosovo = await d.api.bookmarkPage({ docSlug: KOSOVO, limit: 500 });
    expect(kosovo.total).toBe(50);
    expect(kosovo.bookmarks.every((b) => b.docSlug === KOSOVO)).toBe(true);
    await expect(d.api.bookmarkPage({ limit: 501 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
