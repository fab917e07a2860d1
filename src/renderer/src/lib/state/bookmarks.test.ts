// Bookmarks over a fake desk: paging, a document's own bookmarks, toggling, failures.
import { describe, expect, it } from 'vitest';
import { DeskError, MAX_BOOKMARK_PAGE } from '../../../../shared/api';
import type { Bookmark, BookmarkPageParams } from '../../../../shared/api';
import { Bookmarks } from './bookmarks.svelte';

const mark = (docSlug: string, anchor: string): Bookmark => ({ docSlug, anchor, label: `${docSlug} › ${anchor}`, createdAt: '2026-01-01' });

/** A user database of `all` bookmarks (newest first), answered a page at a time like the service. */
function fakeDesk(all: Bookmark[]) {
  const asked: BookmarkPageParams[] = [];
  const desk = {
    bookmarkPage: async (p: BookmarkPageParams = {}) => {
      asked.push(p);
      const rows = p.docSlug ? all.filter((b) => b.docSlug === p.docSlug) : all;
      const offset = p.offset ?? 0;
      return { bookmarks: rows.slice(offset, offset + (p.limit ?? 100)), total: rows.length, offset };
    },
    addBookmark: async (b: { docSlug: string; anchor: string; label: string }) => {
      const added = { ...b, createdAt: '2026-02-02' };
      all.unshift(added);
      return added;
    },
    removeBookmark: async (b: { docSlug: string; anchor: string }) => {
      const i = all.findIndex((x) => x.docSlug === b.docSlug && x.anchor === b.anchor);
      if (i >= 0) all.splice(i, 1);
      return { removed: i >= 0 };
    },
    userDataRecovery: async () => null,
  };
  return { desk, asked };
}

describe('Bookmarks over a fake desk', () => {
  it('loads the first page, then the next after those shown, without repeating one', async () => {
    const all = Array.from({ length: 150 }, (_, i) => mark('kosovo', `s${i}`));
    const { desk, asked } = fakeDesk(all);
    const b = new Bookmarks(desk);
    await b.load();
    expect(b.list).toHaveLength(100);
    expect(b.total).toBe(150);
    // A bookmark added elsewhere shifts the pages by one: the overlap is not shown twice.
    all.unshift(mark('greece', 'new'));
    await b.loadMore();
    expect(asked.at(-1)).toEqual({ offset: 100 });
    expect(b.list).toHaveLength(150);
    expect(new Set(b.list.map((x) => x.anchor)).size).toBe(150);
    expect(b.total).toBe(151);
    expect(b.has('kosovo', 's149')).toBe(true);
    const calls = asked.length;
    b.total = b.list.length;
    await b.loadMore();
    expect(asked.length).toBe(calls);
  });

  it("pages through one document's bookmarks so every section knows whether it is marked", async () => {
    const all = [...Array.from({ length: MAX_BOOKMARK_PAGE + 3 }, (_, i) => mark('long', `s${i}`)), mark('other', 'x')];
    const { desk, asked } = fakeDesk(all);
    const b = new Bookmarks(desk);
    await b.loadDocument('long');
    expect(asked).toEqual([
      { docSlug: 'long', offset: 0, limit: MAX_BOOKMARK_PAGE },
      { docSlug: 'long', offset: MAX_BOOKMARK_PAGE, limit: MAX_BOOKMARK_PAGE },
    ]);
    expect(b.has('long', `s${MAX_BOOKMARK_PAGE + 2}`)).toBe(true);
    expect(b.has('other', 'x')).toBe(false);
  });

  it('toggles a bookmark on and off, keeping the list and the count in step', async () => {
    const { desk } = fakeDesk([mark('kosovo', 'history')]);
    const b = new Bookmarks(desk);
    await b.load();
    expect(await b.toggle('greece', 'borders', 'Greece › Borders')).toBe(true);
    expect(b.list.map((x) => x.anchor)).toEqual(['borders', 'history']);
    expect(b.total).toBe(2);
    expect(await b.toggle('kosovo', 'history', 'Kosovo › History')).toBe(false);
    expect(b.has('kosovo', 'history')).toBe(false);
    expect(b.list.map((x) => x.anchor)).toEqual(['borders']);
    expect(b.total).toBe(1);
  });

  it('keeps a failed load as a DeskError, and a failed toggle changes nothing and says why', async () => {
    const { desk } = fakeDesk([mark('kosovo', 'history')]);
    const broken = {
      ...desk,
      bookmarkPage: async () => {
        throw { code: 'DB_CORRUPT', message: 'The user database is damaged.' };
      },
      addBookmark: async () => {
        throw new Error('disk full');
      },
    };
    const b = new Bookmarks(broken);
    await b.load();
    expect(b.loaded).toBe(true);
    expect(b.error).toBeInstanceOf(DeskError);
    expect(b.error?.code).toBe('DB_CORRUPT');
    await expect(b.toggle('greece', 'borders', 'Greece › Borders')).rejects.toMatchObject({ code: 'INTERNAL', message: 'disk full' });
    expect(b.has('greece', 'borders')).toBe(false);
    expect(b.list).toEqual([]);
  });
});
