import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, goto, test } from './harness';
import { UserStore } from '../src/services/userStore';

test('thousands of bookmarks come a page at a time, and one whose section is gone is kept and shown as moved or removed', async ({ launcher }) => {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-pages-'));
  const file = path.join(userData, 'user.db');
  new UserStore(file).close();
  const db = new Database(file);
  const insert = db.prepare('INSERT INTO bookmarks (doc_slug, anchor, label, created_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 5000; i++) insert.run('albania-nato-relations', `gone-${i}`, `Old place ${i}`, new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString());
    insert.run('albania-nato-relations', 'kucove-air-base', 'Albania–NATO relations › Kuçovë Air Base', '2026-01-01T00:00:00.000Z');
  })();
  db.close();

  const app = await launcher.start({ userData });
  const { page } = app;
  const start = await page.request.get(`${app.origin}/api/start`);
  expect((await start.body()).length).toBeLessThan(200_000);

  await goto(app, '#/bookmarks');
  await expect(page.getByRole('link', { name: 'Albania–NATO relations › Kuçovë Air Base' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(100);
  await expect(page.getByText('Showing 100 of 5,001.')).toBeVisible();
  const gone = page.getByRole('main').getByRole('listitem').filter({ hasText: 'Old place 4999' });
  await expect(gone).toContainText('Moved or removed: this section is no longer in the library');
  await page.screenshot({ path: path.join(os.tmpdir(), 'relations-desk-bookmark-pages.png') });
  await page.getByRole('button', { name: 'Show 100 more' }).click();
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(200);
  await expect(page.getByText('Showing 200 of 5,001.')).toBeVisible();

  // The reader still knows the section is bookmarked without loading every bookmark.
  await goto(app, '#/doc/albania-nato-relations/kucove-air-base');
  await expect(page.getByRole('button', { name: /Bookmark section “.*Kuçovë Air Base”/ })).toHaveAttribute('aria-pressed', 'true');
});
