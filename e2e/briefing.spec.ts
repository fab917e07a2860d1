// The briefing composer (#/briefing): open it from a partner page, remove a passage, reorder a
// facet, add a note, and check the preview; print=1 shows the sheet alone.
import { expect, goto, test } from './harness';

test('compose a Kosovo briefing from the partner page: remove, reorder, note, preview', async ({ app }) => {
  const { page } = app;
  await goto(app, '#/partner/kosovo');
  await page.getByRole('link', { name: 'Briefing sheet' }).click();
  await expect(page).toHaveURL(/#\/briefing\?partner=kosovo$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Briefing sheet' })).toBeVisible();

  const preview = page.getByRole('region', { name: 'Preview of the sheet' });
  const sheet = preview.locator('[data-briefing-ready]');
  await expect(sheet.getByRole('heading', { level: 1, name: 'Albania–Kosovo: briefing' })).toBeVisible();
  await expect(sheet).toHaveAttribute('data-paper', 'a4');
  await expect(sheet.getByRole('row').filter({ hasText: 'Albania has an embassy in Prishtina.' })).toBeVisible();
  await expect(sheet.locator('q', { hasText: 'Qemal Minxhozi' })).toBeVisible();
  await expect(sheet.getByRole('heading', { level: 2, name: 'Sources' })).toBeVisible();

  // Remove a passage: it leaves the preview, the URL remembers it, and it can be restored.
  const security = sheet.locator('[data-facet="security"]');
  const first = security.locator('[data-item]').first();
  const id = await first.getAttribute('data-item');
  const text = (await first.locator('q').textContent())!;
  await first.getByRole('button', { name: /^Remove “/ }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]x=${id}`));
  await expect(sheet.locator(`[data-item="${id}"]`)).toHaveCount(0);
  await expect(sheet.getByText(text, { exact: true })).toHaveCount(0);
  await expect(page.getByText('1 item removed')).toBeVisible();

  // Reorder: move "Economy and infrastructure" up with the keyboard (Alt+↑ on its button), then with a click.
  const facets = async () => sheet.locator('.passages [data-facet]').evaluateAll((els) => els.map((e) => e.getAttribute('data-facet')));
  const before = await facets();
  const i = before.indexOf('economy');
  expect(i, 'the Kosovo sheet has an economy facet below another one').toBeGreaterThan(0);
  const up = page.getByRole('button', { name: 'Move Economy and infrastructure up' });
  await up.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(facets).toEqual([...before.slice(0, i - 1), 'economy', before[i - 1], ...before.slice(i + 1)]);
  await expect(up).toBeFocused();
  await up.click();
  await expect.poll(async () => (await facets()).indexOf('economy')).toBe(Math.max(0, i - 2));
  await expect(page).toHaveURL(/[?&]order=[^&]*economy/);

  // A note, printed under the title, kept in the URL.
  await page.getByLabel('Note (printed under the title)').fill('For the meeting with the ambassador, Tuesday');
  await expect(sheet.getByText('Note: For the meeting with the ambassador, Tuesday')).toBeVisible();
  await expect(page).toHaveURL(/note=For%20the%20meeting/);

  // US Letter: the preview changes paper.
  await page.getByLabel('US Letter').check();
  await expect(sheet).toHaveAttribute('data-paper', 'letter');
  await expect(sheet.getByText(/· US Letter$/)).toBeVisible();

  // Reload: everything comes back from the URL.
  await page.reload();
  await expect(sheet.getByText('Note: For the meeting with the ambassador, Tuesday')).toBeVisible();
  await expect(sheet.locator(`[data-item="${id}"]`)).toHaveCount(0);
  expect((await facets()).indexOf('economy')).toBe(Math.max(0, i - 2));
});

test('print=1 shows the sheet alone; a comparison makes a side-by-side sheet', async ({ app }) => {
  const { page } = app;
  await goto(app, '#/briefing?compare=kosovo,nato,ukraine&print=1');
  const sheet = page.locator('[data-briefing-ready]');
  await expect(sheet.getByRole('heading', { level: 1, name: 'Albania with Kosovo, NATO and Ukraine: briefing' })).toBeVisible();
  await expect(sheet).toHaveAttribute('data-layout', 'side-by-side');
  for (const name of ['Kosovo', 'NATO', 'Ukraine']) await expect(sheet.getByRole('columnheader', { name, exact: true })).toBeVisible();
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Briefing sheet' })).toHaveCount(0);
  await expect(sheet.getByRole('button')).toHaveCount(0);
});
