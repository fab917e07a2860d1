import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './harness';
import { UserStore } from '../src/services/userStore';

test('a damaged bookmarks file is salvaged and the reader is told how much came back and where the damaged copy is', async ({ launcher }) => {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-damaged-'));
  const file = path.join(userData, 'user.db');
  new UserStore(file).close();
  const db = new Database(file);
  const insert = db.prepare('INSERT INTO bookmarks (doc_slug, anchor, label, created_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run('albania-nato-relations', `s-${i}`, `Saved place ${i}`, new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString());
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.close();
  fs.truncateSync(file, Math.floor(pages * 0.7) * pageSize);

  const { page } = await launcher.start({ userData });
  const notice = page.getByTestId('user-data-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Your bookmarks file was damaged.');
  await expect(notice).toContainText(/[\d,]+ bookmarks were recovered into a new file; the rest could not be read\./);
  await expect(notice).toContainText(`The damaged copy is kept at ${file}.corrupt-`);
  await page.screenshot({ path: path.join(os.tmpdir(), 'relations-desk-damaged-user-db.png') });
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
});
