import { expect, goto, test } from './harness';

test('a bookmark survives a restart of the app', async ({ launcher }) => {
  const app = await launcher.start(); // a private server: this test restarts it
  const { page } = app;
  await goto(app, '#/doc/albania-nato-relations/kucove-air-base');
  const heading = page.getByRole('heading', { name: 'Kuçovë Air Base', exact: true });
  await expect(heading).toBeVisible();

  const mark = page.getByRole('button', { name: /Bookmark section “.*Kuçovë Air Base”/ });
  await expect(mark).toHaveAttribute('aria-pressed', 'false');
  await mark.click();
  await expect(mark).toHaveAttribute('aria-pressed', 'true');

  await app.restart();

  await goto(app, '#/bookmarks');
  await expect(page.getByRole('heading', { level: 1, name: 'Bookmarks' })).toBeVisible();
  const saved = page.getByRole('link', { name: /Kuçovë Air Base/ });
  await expect(saved).toBeVisible();
  await saved.click();
  await expect(page).toHaveURL(/#\/doc\/albania-nato-relations\/kucove-air-base/);
  await expect(page.getByRole('button', { name: /Bookmark section “.*Kuçovë Air Base”/ })).toHaveAttribute('aria-pressed', 'true');

  // And it can be removed again.
  await goto(app, '#/bookmarks');
  await page.getByRole('button', { name: /Remove bookmark “.*Kuçovë Air Base”/ }).click();
  await expect(page.getByText('No bookmarks yet')).toBeVisible();
});
