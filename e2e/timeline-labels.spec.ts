// The timeline's marks carry words (issue 16): labels beside marks wherever there is room, never
// overlapping a mark or each other, clusters in their categories' colours labelled by their most
// important event; the first view says honestly what it shows, with every event in the overview
// strip, and the axis ends at the last event.
import type { Page } from '@playwright/test';
import { expect, goto, test } from './harness';

/** Label boxes that overlap another label or a marker, in the lanes drawn. */
async function collisions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const lane of document.querySelectorAll('.lanes svg > g[role="group"]')) {
      // A label's box is its words' em box (font-size tall): getBoundingClientRect adds the font's
      // line gap above and below (Source Sans 3: 1.42 em), which no letter reaches.
      const labels = [...lane.querySelectorAll<SVGTextElement>('.labels text')].map((t) => {
        const r = t.getBoundingClientRect();
        const em = parseFloat(getComputedStyle(t).fontSize) * (r.width / Math.max(1, t.getBBox().width) || 1);
        const mid = r.top + r.height / 2;
        return { t: t.textContent ?? '', r: new DOMRect(r.left, mid - em / 2, r.width, em) };
      });
      const marks = [...lane.querySelectorAll<SVGGElement>('.mark.point, .mark.cluster')].map((m) => m.querySelector('rect')!.getBoundingClientRect());
      const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && a.right > b.left + 0.5 && a.top < b.bottom - 0.5 && a.bottom > b.top + 0.5;
      labels.forEach((a, i) => {
        labels.slice(i + 1).forEach((b) => hit(a.r, b.r) && problems.push(`“${a.t}” overlaps “${b.t}”`));
        marks.forEach((m) => hit(a.r, m) && problems.push(`“${a.t}” covers a marker`));
      });
    }
    return problems;
  });
}

test('labels beside the marks at three zoom levels, never overlapping', async ({ app }) => {
  const { page } = app;
  for (const route of ['#/timeline', '#/timeline?win=1990-01-01~2026-01-01', '#/timeline?lanes=kosovo,nato,ukraine&win=2007-06-01~2010-01-01']) {
    await goto(app, route);
    await expect(page.locator('[data-lane][data-item]').first()).toBeVisible();
    // Labels arrive with the events' summaries.
    await expect.poll(() => page.locator('.labels text').count()).toBeGreaterThan(5);
    expect(await collisions(page), route).toEqual([]);
  }
  // Close up, the Kosovo lane names what happened, without hovering.
  await goto(app, '#/timeline?lanes=kosovo&other=0&win=2019-01-01~2026-01-01');
  await expect(page.locator('.labels text', { hasText: /^Kosovo and Albania, together with/ })).toBeVisible();
});

test('clusters take their categories’ colours and the label of their most important event', async ({ app }) => {
  const { page } = app;
  await goto(app, '#/timeline?lanes=nato&other=0&win=2005-01-01~2012-10-01');
  const cluster = page.getByRole('button', { name: /^26 ratifications/ });
  await expect(cluster).toHaveClass(/cat-accession/);
  await expect(cluster.locator('rect.seg.cat-accession')).toHaveCount(1);

  // The earthquake of 26 November 2019 and a change of Kosovo's prime minister days apart are one
  // cluster at this zoom; it is labelled by the diplomatic event, not the first one.
  await goto(app, '#/timeline?lanes=kosovo&other=0&win=2019-01-01~2026-01-01');
  const pair = page.getByRole('button', { name: /^2 events/ });
  await expect(pair).toHaveClass(/cat-/);
  await expect(pair.locator('rect.seg')).toHaveCount(2);
  await expect(page.locator('.labels text', { hasText: /^Outgoing Kosovo Prime Minister/ })).toBeVisible();
  await expect(page.locator('.labels text', { hasText: /earthquake/ })).toHaveCount(0);
});

test('the first view says what it shows, the strip shows every event, the axis ends at the last one', async ({ app, library }) => {
  const { page } = app;
  const all = library.timeline({});
  const last = all.map((e) => Number((e.end ?? e.date).slice(0, 4))).reduce((a, b) => Math.max(a, b));
  await goto(app, '#/timeline');
  const head = page.locator('header.head p');
  await expect(head).toContainText(`${all.length} dated events, showing`);
  const m = /showing (\d{4}) – (\d{4}): (all )?(\d+) in the window(?:; (\d+) earlier)?/.exec((await head.textContent()) ?? '');
  expect(m, 'the header counts what is in the window').not.toBeNull();
  const [, , to, allWord, inWindow, earlier] = m!;
  expect(Number(to)).toBe(last);
  if (Number(inWindow) < all.length) {
    expect(allWord).toBeUndefined();
    expect(Number(inWindow) + Number(earlier ?? 0)).toBe(all.length);
    await expect(head).toContainText('shown in the strip above the axis');
  }
  // The strip spans the first to the last event.
  const strip = page.locator('svg[data-overview]');
  await expect(strip.locator('text').first()).toHaveText(String(Number(all[0]!.date.slice(0, 4))));
  await expect(strip.locator('text').last()).toHaveText(String(last));
  // The window's end is in the URL: no more than a couple of years past the last event.
  await expect(page).toHaveURL(/win=/);
  const end = Number(/win=[^~]+~(\d{4})/.exec(page.url())![1]);
  expect(end).toBeLessThanOrEqual(last + 2);
  // "Show all" shows all, and says so.
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(head).toContainText(`all ${all.length} in the window`);
});
