// The comparison view (issue 4): a three-way comparison built from the picker, its cells quoted
// with links to the exact sections, "not stated" and "sources differ" shown, a deep link that
// survives a reload, text mode aligned by facet, and no serious accessibility violations.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { NOT_STATED } from '../src/shared/types';
import { expect, goto, test } from './harness';

// A full comparison, two reader round-trips and an axe scan of a large table: generous on a busy machine.
test.slow();

const GRID_URL = /#\/compare\?p=kosovo,ukraine,nato&mode=grid$/;

async function pick(page: Page, typed: string, option: string, how: 'enter' | 'click'): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Partners to compare' });
  await box.fill(typed);
  const listbox = page.getByRole('listbox', { name: 'Matching partners' });
  const opt = listbox.getByRole('option', { name: new RegExp(`^${option}\\b`) });
  await expect(opt).toBeVisible();
  if (how === 'click') {
    await opt.click();
  } else {
    // Arrow to the option (it may not be the first), then Enter.
    for (let i = 0; i < 8 && (await opt.getAttribute('aria-selected')) !== 'true'; i++) await box.press('ArrowDown');
    await expect(opt).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', (await opt.getAttribute('id'))!);
    await box.press('Enter');
  }
  await expect(page.getByRole('list', { name: 'Chosen partners, in column order' }).getByText(option, { exact: true })).toBeVisible();
  await expect(box).toHaveValue('');
}

/** The cell of a facet row (by its row header) for the n-th partner column. */
function cell(page: Page, facet: string, column: number): Locator {
  const row = page.getByRole('table').locator('tr', { has: page.getByRole('rowheader', { name: facet, exact: true }) });
  return row.getByRole('cell').nth(column);
}

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}`).join('\n')}`);
  expect(report, `axe on ${screen}`).toEqual([]);
}

test('a three-way comparison built from the picker, quoted and linked to its sources', async ({ app, page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compare partners' })).toBeVisible();

  await pick(page, 'kos', 'Kosovo', 'enter');
  await pick(page, 'ukr', 'Ukraine', 'enter');
  // An alias, typed without its capitals, finds NATO.
  await pick(page, 'north atl', 'NATO', 'click');
  await expect(page).toHaveURL(GRID_URL);

  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText([/Facet/, /Kosovo/, /Ukraine/, /NATO/], { timeout: 20_000 });

  // Relations established: 18 February 2008 vs 13 January 1993, each with its source.
  const relations = 'Relations established (and severed)';
  await expect(cell(page, relations, 0)).toContainText('18 February 2008');
  await expect(cell(page, relations, 1)).toContainText('13 January 1993');
  await expect(cell(page, relations, 1).getByText('(exact day)').first()).toBeVisible();

  // An empty cell says so, never blank: NATO has no resident missions in this library.
  await expect(cell(page, 'Resident missions (both ways)', 2)).toHaveText(NOT_STATED);
  await expect(table.getByText(NOT_STATED).first()).toBeVisible();

  // Albania's mission for Ukraine: an embassy in Kyiv in one place, accredited from Warsaw in another.
  const missions = cell(page, 'Resident missions (both ways)', 1);
  await expect(missions.getByText('Sources differ').first()).toBeVisible();
  await expect(missions).toContainText('Warsaw');
  await expect(missions).toContainText('Kyiv');

  // The source link opens the reader on the exact section. Kosovo's two statements of 18 February
  // 2008 are one entry (issue 13): the Albania–Kosovo article is cited under "Also in".
  await cell(page, relations, 0).getByRole('button', { name: /quote/ }).click();
  await expect(cell(page, relations, 0).getByText('Also in:')).toBeVisible();
  await cell(page, relations, 0).getByRole('link', { name: 'Albania–Kosovo relations › History › Independence' }).first().click();
  await expect(page).toHaveURL(/#\/doc\/albania-kosovo-relations\/history--independence/);
  await expect(page.getByRole('heading', { name: 'Independence', exact: true }).first()).toBeInViewport();
  await page.goBack();
  await expect(page).toHaveURL(GRID_URL);
  await cell(page, relations, 1).getByRole('link', { name: /Albania–Ukraine relations › History › Post–Cold War/ }).first().click();
  await expect(page).toHaveURL(/#\/doc\/albania-ukraine-relations\/history--post-cold-war-and-new-relations/);
  await page.goBack();

  // The URL is the comparison: a reload brings back the same columns, in the same order.
  await page.reload();
  await expect(page).toHaveURL(GRID_URL);
  await expect(page.getByRole('table').getByRole('columnheader')).toHaveText([/Facet/, /Kosovo/, /Ukraine/, /NATO/], { timeout: 20_000 });
  await expect(cell(page, relations, 0)).toContainText('18 February 2008');

  // The briefing sheet gets the same partners.
  await expect(page.getByRole('link', { name: 'Make a briefing sheet' })).toHaveAttribute('href', '#/briefing?compare=kosovo,ukraine,nato');

  await expectNoSeriousViolations(page, 'comparison grid');
  expect(app.requests.filter((u) => !u.startsWith(app.origin) && !u.startsWith('data:'))).toEqual([]);
});

test('chips are reordered and removed from the keyboard', async ({ app, page }) => {
  await goto(app, '#/compare?p=kosovo,ukraine,nato&mode=grid');
  const chips = page.getByRole('list', { name: 'Chosen partners, in column order' });
  await expect(page.getByRole('table').getByRole('columnheader')).toHaveText([/Facet/, /Kosovo/, /Ukraine/, /NATO/], { timeout: 20_000 });

  await chips.getByRole('button', { name: 'Move NATO left' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/p=kosovo,nato,ukraine&/);
  await expect(page.getByRole('table').getByRole('columnheader')).toHaveText([/Facet/, /Kosovo/, /NATO/, /Ukraine/]);
  // Focus stays on the moved chip.
  await expect(chips.getByRole('button', { name: 'Move NATO left' })).toBeFocused();

  const box = page.getByRole('combobox', { name: 'Partners to compare' });
  await box.focus();
  await box.press('Backspace');
  await expect(page).toHaveURL(/p=kosovo,nato&/);
  await box.fill('gre');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await box.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await chips.getByRole('button', { name: 'Remove NATO' }).click();
  await expect(page).toHaveURL(/p=kosovo&/);
  await expect(page.getByText('Add at least one more partner to compare with Kosovo.')).toBeVisible();
});

test('text mode aligns the partners’ texts by facet', async ({ app, page }) => {
  await goto(app, '#/compare?p=kosovo,ukraine,nato&mode=grid');
  await expect(page.getByRole('table').getByRole('columnheader')).toHaveCount(4, { timeout: 20_000 });
  await page.getByRole('radio', { name: 'Full texts side by side' }).check();
  await expect(page).toHaveURL(/#\/compare\?p=kosovo,ukraine,nato&mode=text/);

  const column = (name: string) => page.getByRole('region', { name: `Text for ${name}` });
  const status = (name: string) => page.getByRole('region', { name: `Text for ${name}` }).locator('xpath=..').locator('.status');
  await expect(column('Kosovo')).toBeVisible({ timeout: 20_000 });
  await expect(column('Kosovo').getByRole('heading', { name: 'Albania–Kosovo relations', exact: true })).toBeVisible();

  // Choosing a facet scrolls every column to its first passage of it.
  const nav = page.getByRole('navigation', { name: 'Align the texts on a facet' });
  await nav.getByRole('button', { name: /^Resident missions/ }).click();
  await expect(page).toHaveURL(/facet=missions/);
  await expect(column('Kosovo').getByText('Albania has an embassy in Prishtina.').first()).toBeInViewport();
  await expect(column('Ukraine').locator('mark', { hasText: /embassy/ }).first()).toBeInViewport();
  await expect(status('NATO')).toContainText(NOT_STATED);

  // Scrolling one column to another facet's first passage brings the others to the same facet.
  // (Economy: its first Kosovo passage, in History › Independence, is well below the lead.)
  // The column ignores scrolling for a moment after aligning itself on missions: scroll again until
  // it follows, as a person scrolling would.
  const target = column('Kosovo').locator('.blk', { has: page.locator('.tags', { hasText: 'Economy and infrastructure' }) }).first();
  const current = nav.locator('button[aria-current="true"]');
  await expect(async () => {
    await target.evaluate((el) => {
      const scroller = el.closest('[role="region"]') as HTMLElement;
      scroller.scrollTop = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      // A second try at the same position moves nothing, so no scroll event would fire: send one.
      scroller.dispatchEvent(new Event('scroll'));
    });
    await expect(current).not.toHaveText(/^Resident missions/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const facet = ((await current.textContent()) ?? '').replace(/\s*\d+\/\d+\s*$/, '').trim();
  await expect(status('Kosovo')).toContainText(facet);
  for (const other of ['Ukraine', 'NATO']) {
    await expect(status(other)).toContainText(facet);
    if (!(await status(other).textContent())?.includes(NOT_STATED)) {
      const anchor = column(other).locator('.blk', { has: page.locator('.tags', { hasText: facet }) }).first();
      await expect(anchor).toBeInViewport();
    }
  }

  await expectNoSeriousViolations(page, 'comparison text mode');
});
