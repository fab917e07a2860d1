import path from 'node:path';
import os from 'node:os';
import { expect, test } from './harness';

test('a missing library DB shows what is wrong and how to rebuild it, not a blank page', async ({ launcher }) => {
  const { page } = await launcher.start({ db: path.join(os.tmpdir(), 'relations-desk-no-such-dir', 'desk.db') });
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The library is unavailable' })).toBeVisible();
  await expect(alert).toContainText('missing');
  await expect(alert.locator('code', { hasText: 'npx relations-desk build' })).toBeVisible();
  await expect(alert).toContainText('DB_MISSING');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});
