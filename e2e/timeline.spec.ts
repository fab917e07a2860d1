// The timeline (#/timeline): filter to a partner, zoom to years, open an event's source; clusters
// expand; the keyboard reaches events; the list view is the same events.
import { expect, goto, test } from './harness';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('filter to Kosovo, zoom to 2019–2025, open the 2025 free-movement event and land on its passage', async ({ app, library }) => {
  const { page } = app;
  const free = library.timeline({ partner: 'Kosovo', from: 2025, to: 2025 }).find((e) => e.date === '2025-05' && /free-movement/.test(e.summary))!;
  expect(free, 'the corpus has the May 2025 free-movement event').toBeDefined();

  await goto(app, '#/timeline');
  await expect(page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();

  // Filter: one partner, then the years 2019–2025 (the window zooms to exactly those years).
  await page.getByLabel('Partner', { exact: true }).selectOption('Kosovo');
  await page.getByLabel('From year').fill('2019');
  await page.getByLabel('From year').press('Tab');
  await page.getByLabel('To year').fill('2025');
  await page.getByLabel('To year').press('Tab');
  await expect(page.getByText(/showing 2019 – 2025/)).toBeVisible();
  await expect(page).toHaveURL(/#\/timeline\?.*lanes=kosovo.*other=0.*from=2019&to=2025.*win=2019-01-01~2026-01-01/);

  // One lane; the axis is in years (months between) and every marker is a Kosovo event of 2019–2025.
  const timeline = page.getByRole('group', { name: /^Timeline, \d+ events in 1 lanes, showing 2019 – 2025/ });
  await expect(timeline).toBeVisible();
  await expect(timeline.getByRole('group', { name: /^Kosovo, \d+ events$/ })).toBeVisible();
  const axis = page.locator('svg.axis');
  for (const year of ['2019', '2022', '2025']) await expect(axis.getByText(year, { exact: true })).toBeVisible();

  // Zoom in and back out with the toolbar; the window is in the URL.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page).not.toHaveURL(/win=2019-01-01~2026-01-01/);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect(page.getByText(/showing 2019 – 2025/)).toBeVisible();

  // The month-precision event is a bar, labelled with its date as the source gives it.
  const marker = timeline.getByRole('button', { name: /^May 2025 \(month only\), People and culture: After various attempts/ });
  await expect(marker).toHaveAttribute('data-item', free.id);
  await marker.click();
  const detail = page.getByRole('region', { name: free.summary });
  await expect(detail).toBeVisible();
  await expect(detail.locator('blockquote')).toHaveText(free.quote);
  await expect(page).toHaveURL(new RegExp(`sel=${free.id}`));

  await detail.getByRole('link', { name: 'Open in the reader' }).click();
  await expect(page).toHaveURL(/#\/doc\/albania-kosovo-relations\/relations--free-movement$/);
  await expect(page.getByRole('heading', { name: 'Free Movement', exact: true })).toBeInViewport();
  await expect(page.getByText(/Morina and Vërmica checkpoints/)).toBeVisible();

  // Back returns to the same filtered, zoomed view with the event still selected.
  await page.goBack();
  await expect(page.getByText(/showing 2019 – 2025/)).toBeVisible();
  await expect(page.getByRole('region', { name: free.summary })).toBeVisible();
});

test('the 26 NATO ratifications are one cluster, honestly labelled, that expands with Enter', async ({ app }) => {
  const { page } = app;
  // About 7¾ years across the 1280-px window: the ratifications are days apart, their neighbours (the
  // protocol in July 2008, membership on 1 April 2009) more than a month.
  await goto(app, '#/timeline?lanes=nato&other=0&win=2005-01-01~2012-10-01');
  const cluster = page.getByRole('button', { name: /^26 ratifications \(countries not named in the source\), 15 September 2008 – 17 February 2009/ });
  await expect(cluster).toBeVisible();
  await cluster.focus();
  await page.keyboard.press('Enter');
  const detail = page.getByRole('region', { name: '26 ratifications (countries not named in the source)' });
  await expect(detail.getByRole('listitem')).toHaveCount(26);
  // Expanding zoomed in to the months of the ratifications.
  await expect(page.getByText(/showing (Aug|Sep) 2008 – (Feb|Mar) 2009/)).toBeVisible();
});

test('arrow keys move between events and Enter opens the source', async ({ app, library }) => {
  const { page } = app;
  const kosovo = library.timeline({ partner: 'Kosovo', from: 2021, to: 2025 }).filter((e) => !e.date.startsWith('2024'));
  await goto(app, '#/timeline?lanes=kosovo&other=0&win=2021-01-01~2026-01-01');
  const first = page.getByRole('button', { name: /^May 2021 \(month only\), Security and defence/ });
  await first.focus();
  await page.keyboard.press('ArrowRight');
  const focused = page.locator('[data-item]:focus');
  await expect(focused).toHaveAttribute('aria-label', /2024/); // the next event in the lane
  await page.keyboard.press('ArrowRight');
  await expect(focused).toHaveAttribute('aria-label', /^18 March 2025 \(exact day\)/);
  const march = kosovo.find((e) => e.date === '2025-03-18')!;
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/doc/${march.docSlug}/${escape(march.anchor)}$`));
});

test('the list view shows the same events, grouped by year, and a narrow window gets it by itself', async ({ app, library }) => {
  const { page } = app;
  const ukraine = library.timeline({ partner: 'Ukraine', category: ['conflict'] });
  await goto(app, '#/timeline?lanes=ukraine&other=0&cat=conflict&view=list');
  const list = page.getByRole('region', { name: `All ${ukraine.length} events, oldest first` });
  await expect(list).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(ukraine.length);
  await expect(list.getByRole('heading', { level: 3, name: '2022' })).toBeVisible();
  await expect(list.getByText(/351 Ukrainian refugees/)).toBeVisible();

  await page.setViewportSize({ width: 480, height: 800 });
  await goto(app, '#/timeline?lanes=ukraine&other=0&cat=conflict');
  await expect(page.getByRole('region', { name: `All ${ukraine.length} events, oldest first` })).toBeVisible();
  await expect(page.locator('.plot')).toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no horizontal scrolling at 480 px').toBeLessThanOrEqual(0);
});

test('words are matched by the library: "kucove" finds the Kuçovë air base, in the URL and the list', async ({ app, library }) => {
  const { page } = app;
  const all = library.timeline({});
  const kucove = library.timeline({ text: 'kucove' });
  expect(kucove.length, 'the corpus has a Kuçovë event').toBeGreaterThan(0);
  await goto(app, '#/timeline?view=list');
  await expect(page.getByRole('region', { name: `All ${all.length} events, oldest first` })).toBeVisible();

  await page.getByLabel('Words').fill('kucove');
  const list = page.getByRole('region', { name: `All ${kucove.length} events, oldest first` });
  await expect(list).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=kucove/);
  await expect(page.getByText(`${kucove.length} of ${all.length} dated events`)).toBeVisible();
  // The rows' summaries and source links arrive with the full events.
  await expect(list.getByRole('button', { name: kucove[0]!.summary })).toBeVisible();
  await expect(list.getByRole('link', { name: 'Source' }).first()).toHaveAttribute('href', new RegExp(`#/doc/${kucove[0]!.docSlug}/${escape(kucove[0]!.anchor)}$`));

  // Selecting it shows the exact source text.
  await list.getByRole('button', { name: kucove[0]!.summary }).click();
  await expect(page.getByRole('region', { name: kucove[0]!.summary }).locator('blockquote')).toBeVisible();

  // Clearing the words brings every event back.
  await page.getByLabel('Words').fill('');
  await expect(page.getByRole('region', { name: `All ${all.length} events, oldest first` })).toBeVisible();
});
