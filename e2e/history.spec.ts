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

// The reader asks for the reading position before it places focus on the title: a reader who has
// pressed Ctrl+K meanwhile keeps the search box (the focus was taken back when the answer came).
test('Ctrl+K while a document is still placing itself keeps the search box focused', async ({ page }) => {
  await expectLibrary(page);
  let answered = false;
  await page.route('**/api/getReadingPosition', async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
    answered = true;
  });
  await page.getByRole('link', { name: /^Albania–NATO relations/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Albania–NATO relations' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+k');
  const box = page.getByRole('searchbox', { name: 'Search the library' });
  await expect(box).toBeFocused();
  await expect.poll(() => answered).toBe(true);
  await page.waitForTimeout(300);
  await expect(box).toBeFocused();
});
