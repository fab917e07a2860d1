import { expect, expectLibrary, search, test } from './harness';

test('searching "Kucove" finds the Kuçovë Air Base passage and opens it, highlighted', async ({ launcher }, testInfo) => {
  const t0 = performance.now();
  const app = await launcher.start();
  const { page } = app;
  await expectLibrary(page);

  await search(page, 'Kucove');
  const result = page.getByRole('link', { name: /Kuçovë Air Base/ }).first();
  await expect(result).toBeVisible();
  const firstResultMs = performance.now() - t0;
  await expect(page).toHaveURL(/#\/search\?q=Kucove/);
  await expect(result.locator('mark').first()).toHaveText(/Kuçovë/);

  // Measured from launching the server process (or Electron) to the first result on screen.
  const line = `${app.edition}: launch ${Math.round(app.launchMs)} ms, launch → first search result ${Math.round(firstResultMs)} ms`;
  testInfo.annotations.push({ type: 'timing', description: line });
  console.log(`[timing] ${line}`);

  await result.click();
  await expect(page).toHaveURL(/#\/doc\/albania-nato-relations\/kucove-air-base/);
  const heading = page.getByRole('heading', { name: 'Kuçovë Air Base', exact: true });
  await expect(heading).toBeInViewport();
  const section = page.locator('section[data-anchor="kucove-air-base"]');
  await expect(section.locator('mark').first()).toHaveText(/Kuçovë/);
});

test('"/" focuses search from anywhere, and the keyboard reaches the results', async ({ page }) => {
  await expectLibrary(page);
  await page.locator('body').press('/');
  const box = page.getByRole('searchbox', { name: 'Search the library' });
  await expect(box).toBeFocused();
  await box.fill('Kucove');
  await expect(page.getByRole('link', { name: /Kuçovë Air Base/ }).first()).toBeVisible();
  await box.press('ArrowDown');
  await expect(page.getByRole('link', { name: /Kuçovë Air Base/ }).first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/doc\/albania-nato-relations\/kucove-air-base/);
});

test('a search with no result says so and suggests something', async ({ page }) => {
  await expectLibrary(page);
  await search(page, 'zzqxv');
  await expect(page.getByTestId('search-status')).toContainText(/no /i);
});
