import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDesk } from './desk';

const dir = mkdtempSync(join(tmpdir(), 'relations-desk-desk-'));
const desk = createDesk({ dbPath: inject('dbPath'), userDbPath: join(dir, 'user.db') });
afterAll(() => desk.close());

describe('dispatch', () => {
  it('answers a valid call with an ok envelope', async () => {
    const env = await desk.dispatch('search', { query: 'Kucove', limit: 3 });
    expect(env.ok).toBe(true);
  });

  it.each([
    ['search', undefined],
    ['search', { query: 42 }],
    ['search', { query: 'x', limit: 0 }],
    ['search', { query: 'x', limit: 'ten' }],
    ['search', { query: 'x', extra: true }],
    ['getDocument', {}],
    ['getDocument', { slug: '' }],
    ['getDocument', 'albania-kosovo-relations'],
    ['timeline', { from: 2010, to: 2000 }],
    ['timeline', { from: 1999.5 }],
    ['setReadingPosition', { docSlug: 'x', anchor: 'y', offset: 7 }],
    ['info', { unexpected: 1 }],
  ])('rejects %s(%j) with BAD_REQUEST and a readable message', async (method, params) => {
    const env = await desk.dispatch(method, params);
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('BAD_REQUEST');
    expect(env.error.message).toMatch(new RegExp(`Invalid arguments for ${method}`));
  });

  it('rejects unknown methods, including prototype names', async () => {
    for (const m of ['deleteEverything', '__proto__', 'constructor', 'toString']) {
      const env = await desk.dispatch(m, {});
      expect(env).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('passes NOT_FOUND through for unknown documents and partners', async () => {
    expect(await desk.dispatch('getDocument', { slug: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const env = await desk.dispatch('timeline', { partner: 'Ukrane' });
    expect(env).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!env.ok) expect(env.error.message).toContain('Ukraine');
  });

  it('stores bookmarks with a readable label and rejects unknown sections', async () => {
    const docs = await desk.api.listDocuments();
    const kosovo = docs.find((d) => d.title === 'Albania–Kosovo relations')!;
    const doc = await desk.api.getDocument({ slug: kosovo.slug });
    const section = doc.sections.find((s) => s.heading === 'Free Movement')!;
    const bookmark = await desk.api.addBookmark({ docSlug: kosovo.slug, anchor: section.anchor });
    expect(bookmark.label).toBe('Albania–Kosovo relations › Relations › Free Movement');
    expect((await desk.api.listBookmarks()).map((b) => b.anchor)).toContain(section.anchor);
    await expect(desk.api.addBookmark({ docSlug: kosovo.slug, anchor: 'no-such-section' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers every call with DB_MISSING and a rebuild hint when the library is absent', async () => {
    const missing = createDesk({ dbPath: join(dir, 'missing.db') });
    for (const m of ['info', 'listDocuments', 'listPartners']) {
      const env = await missing.dispatch(m, {});
      expect(env).toMatchObject({ ok: false, error: { code: 'DB_MISSING' } });
      if (!env.ok) expect(env.error.hint).toContain('relations-desk build');
    }
    missing.close();
  });
});
