import path from 'node:path';
import os from 'node:os';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, expectLibrary, goto, test, type AppSession } from './harness';

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`,
  );
  expect(report, `axe on ${screen}`).toEqual([]);
}

const screens: { name: string; open: (app: AppSession) => Promise<void> }[] = [
  {
    name: 'library',
    open: async (app) => {
      await goto(app, '#/');
      await expectLibrary(app.page);
    },
  },
  {
    name: 'document',
    open: async (app) => {
      await goto(app, '#/doc/foreign-relations-of-albania');
      await expect(app.page.getByRole('navigation', { name: 'Contents' })).toBeVisible();
    },
  },
  {
    name: 'document with a highlighted passage',
    open: async (app) => {
      await goto(app, '#/doc/albania-nato-relations/kucove-air-base?hl=Kucove');
      await expect(app.page.locator('section[data-anchor="kucove-air-base"] mark').first()).toBeVisible();
    },
  },
  {
    name: 'search results',
    open: async (app) => {
      await goto(app, '#/search?q=Kosovo');
      await expect(app.page.locator('[data-search-result]').first()).toBeVisible();
    },
  },
  {
    name: 'search without results',
    open: async (app) => {
      await goto(app, '#/search?q=zzqxv');
      await expect(app.page.getByTestId('search-status')).not.toBeEmpty();
    },
  },
  {
    name: 'partner',
    open: async (app) => {
      await goto(app, '#/partner/kosovo');
      await expect(app.page.getByRole('heading', { level: 1 })).toBeVisible();
    },
  },
  {
    name: 'bookmarks',
    open: async (app) => {
      await goto(app, '#/bookmarks');
      await expect(app.page.getByRole('heading', { level: 1, name: 'Bookmarks' })).toBeVisible();
    },
  },
];

for (const theme of ['light', 'dark'] as const) {
  for (const screen of screens) {
    test(`axe: no serious or critical violation on ${screen.name} (${theme})`, async ({ app, page }) => {
      await expectLibrary(page);
      await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
      await screen.open(app);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expectNoSeriousViolations(page, `${screen.name} (${theme})`);
    });
  }
}

test('axe: no serious or critical violation on the "library unavailable" screen', async ({ launcher }) => {
  const { page } = await launcher.start({ db: path.join(os.tmpdir(), 'relations-desk-no-such-dir', 'desk.db') });
  await expect(page.getByRole('heading', { name: 'The library is unavailable' })).toBeVisible();
  await expectNoSeriousViolations(page, 'library unavailable');
});
