// The reader shows what the source says, not its markup (issue 16): infoboxes as Wikipedia shows
// them, gap tables that lead with what they hold, every search hit in the opened section with
// next/previous keys, and the contents folded away on a narrow window.
import { expect, goto, test } from './harness';

test('the infobox shows the parties, missions and envoys, not template field names', async ({ app }) => {
  const { page } = app;
  await goto(app, '#/doc/albania-kosovo-relations');
  const box = page.locator('figure.infobox');
  await expect(box.locator('figcaption')).toHaveText('Albania — Kosovo');
  await expect(box.getByText('Embassy of Albania, Pristina')).toBeVisible();
  await expect(box.getByText('Ambassador of Albania: Qemal Minxhozi')).toBeVisible();
  await expect(box.getByText('Ambassador of Kosovo: Nait Hasani')).toBeVisible();
  for (const raw of ['Party1', 'Mission1', 'Envoytitle1', 'Envoy1']) await expect(box).not.toContainText(raw);

  // The NATO article's box held only a map and its size: nothing to show, so no box.
  await goto(app, '#/doc/albania-nato-relations');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('figure.infobox')).toHaveCount(0);
  await expect(page.getByText('350px')).toHaveCount(0);
});

test('gap tables lead with what they say, collapse the dashes and keep recovered names', async ({ app }) => {
  const { page } = app;
  await goto(app, '#/doc/albania-nato-relations/negotiation-progress');
  const table = page.locator('[id="b-negotiation-progress:0"]');
  await expect(table.getByText(/^26 rows under “Ratification by:”: Event lost in the source; Date kept, 2008-09-15 to 2009-02-17\./)).toBeVisible();
  // The rows with content show; the 26 ratification dates are one line until asked for.
  await expect(table.getByRole('cell', { name: 'Accession protocol' })).toBeVisible();
  await expect(table.getByRole('cell', { name: '2009-01-29' })).toHaveCount(0);
  const show = table.getByRole('button', { name: 'Show the 26 rows' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await show.click();
  await expect(table.getByRole('cell', { name: '2009-01-29' })).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(32 + 1);
  await table.getByRole('button', { name: 'Hide the 26 rows' }).click();
  await expect(table.getByRole('cell', { name: '2009-01-29' })).toHaveCount(0);

  await goto(app, '#/doc/foreign-relations-of-albania/list-of-countries');
  const countries = page.locator('[id="b-list-of-countries:1"]');
  await expect(countries.getByText(/^170 rows: Country and Date lost in the source; only their row numbers kept/)).toBeVisible();
  await expect(countries.locator('tbody tr')).toHaveCount(3);

  // Recovered names (†) show in every table that has them.
  await goto(app, '#/doc/foreign-relations-of-albania/diplomatic-relations--africa');
  const africa = page.locator('[id="b-diplomatic-relations--africa:0"]');
  await expect(africa.getByRole('cell', { name: /Egypt.*recovered from note/ })).toBeVisible();
  await expect(africa.getByText(/2 names were recovered from the rows' notes \(marked †\)/)).toBeVisible();
});

test('every hit of the query in the opened section is highlighted, with next and previous keys', async ({ app }) => {
  const { page } = app;
  await goto(app, '#/doc/albania-nato-relations/kucove-air-base?hl=Albania');
  const section = page.locator('section[data-anchor="kucove-air-base"]');
  await expect(section.locator('mark')).toHaveCount(3);
  const bar = page.getByRole('search', { name: 'Hits in this section' });
  await expect(bar).toContainText('Hit 1 of 3 in this section');
  await expect(section.locator('mark.current-hit')).toHaveText('Albania');
  await page.keyboard.press('F3');
  await expect(bar).toContainText('Hit 2 of 3');
  await expect(section.locator('mark').nth(1)).toHaveClass(/current-hit/);
  await page.keyboard.press('Control+g');
  await expect(bar).toContainText('Hit 3 of 3');
  await expect(section.locator('mark.current-hit')).toHaveText('Albanian');
  await page.keyboard.press('F3'); // wraps round, as a find bar does
  await expect(bar).toContainText('Hit 1 of 3');
  await page.keyboard.press('Shift+F3');
  await expect(bar).toContainText('Hit 3 of 3');
  await bar.getByRole('button', { name: 'Previous hit' }).click();
  await expect(bar).toContainText('Hit 2 of 3');
  await expect(section.locator('mark.current-hit')).toHaveCount(1);
  // Other sections are not highlighted.
  await expect(page.locator('section[data-anchor="pashaliman-naval-base"] mark')).toHaveCount(0);
});

test('at 800 px the contents are folded, so the article starts on the first screen', async ({ launcher }) => {
  // A private user-data folder: on the worker's shared one, an earlier test's saved reading place in
  // this document reopened it lower down, and the title was off screen (flaky by test order).
  const app = await launcher.start();
  const { page } = app;
  await page.setViewportSize({ width: 800, height: 850 });
  await goto(app, '#/doc/foreign-relations-of-albania');
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toBeInViewport();
  const toc = page.getByRole('navigation', { name: 'Contents' });
  await expect(toc.getByRole('link', { name: 'Diplomatic relations' })).toBeHidden();
  const fold = toc.getByRole('button', { name: /^Show \d+ sections$/ });
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await fold.click();
  await expect(toc.getByRole('link', { name: 'Diplomatic relations' })).toBeVisible();
  await toc.getByRole('link', { name: 'Diplomatic relations' }).click();
  await expect(page).toHaveURL(/diplomatic-relations$/);
  await expect(toc.getByRole('link', { name: 'Diplomatic relations' })).toBeHidden();

  // Wide, the contents are a sidebar with no fold button.
  await page.setViewportSize({ width: 1366, height: 850 });
  await expect(toc.getByRole('link', { name: 'Diplomatic relations' })).toBeVisible();
  await expect(toc.getByRole('button')).toBeHidden();
});
