import type { Page } from '@playwright/test';
import { expect, expectLibrary, test } from './harness';

async function backgroundLightness(page: Page): Promise<number> {
  return page.evaluate(() => {
    const rgb = getComputedStyle(document.body).backgroundColor.match(/\d+(\.\d+)?/g)!.map(Number);
    return (rgb[0]! + rgb[1]! + rgb[2]!) / 3;
  });
}

test('the theme switch changes the colours and is remembered', async ({ page }) => {
  await expectLibrary(page);
  const theme = page.getByRole('combobox', { name: 'Theme' });

  await theme.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await backgroundLightness(page)).toBeLessThan(80);

  await page.reload();
  await expectLibrary(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(theme).toHaveValue('dark');

  await theme.selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await backgroundLightness(page)).toBeGreaterThan(180);
});

test('"System theme" follows the operating system', async ({ page }) => {
  await expectLibrary(page);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
