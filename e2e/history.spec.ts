import { expect, expectLibrary, goto, search, test } from './harness';

test('back and forward move through library → document → search, by keyboard and by the browser', async ({ app, page }) => {
  await expectLibrary(page);
  await page.getByRole('link', { name: /^Albania–NATO relations/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Albania–NATO relations' })).toBeVisible();

  await search(page, 'Kucove');
  await expect(page.getByRole('link', { name: /Kuçovë Air Base/ }).first()).toBeVisible();
  await page.getByRole('link', { name: /Kuçovë Air Base/ }).first().click();
  await expect(page).toHaveURL(/kucove-air-base/);

  // Alt+Left (the app's shortcut) goes back to the results, then to the document.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page).toHaveURL(/#\/search\?q=Kucove/);
  await expect(page.getByRole('link', { name: /Kuçovë Air Base/ }).first()).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/#\/doc\/albania-nato-relations$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Albania–NATO relations' })).toBeVisible();

  await page.goBack();
  await expectLibrary(page);

  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByRole('heading', { level: 1, name: 'Albania–NATO relations' })).toBeVisible();
  await page.goForward();
  await expect(page).toHaveURL(/#\/search\?q=Kucove/);

  // Every view has a URL: opening one directly shows it.
  await goto(app, '#/doc/albania-nato-relations/kucove-air-base');
  await expect(page.getByRole('heading', { name: 'Kuçovë Air Base', exact: true })).toBeInViewport();
});
