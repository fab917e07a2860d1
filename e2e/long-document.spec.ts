import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, goto, test } from './harness';
import { buildDatabase } from '../src/ingest/build';

// A document of 3,001 sections is read a part at a time: what is near the viewport is rendered,
// the rest stands in as blank space (issue 14: 100,001 sections took 43.9 s and a 1.2 GB heap).
test('a very long document opens at its top with only the nearby sections rendered, and deep links still land', async ({ launcher }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-long-'));
  fs.mkdirSync(path.join(dir, 'corpus'));
  let text = '= Albania–Greece relations =\n\nAlbania and Greece established diplomatic relations in 1971.\n\n';
  for (let i = 1; i <= 3000; i++) text += `==Section ${i}==\nParagraph ${i}: Albania and Greece signed protocol ${i} in Tirana.\n\n`;
  fs.writeFileSync(path.join(dir, 'corpus', 'long.txt'), text);
  const db = path.join(dir, 'long.db');
  buildDatabase({ corpusDir: path.join(dir, 'corpus'), outFile: db });

  const app = await launcher.start({ db });
  const { page } = app;
  await goto(app, '#/doc/albania-greece-relations');
  await expect(page.getByRole('heading', { level: 1, name: 'Albania–Greece relations' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Section 1', exact: true })).toBeVisible();
  const rendered = () => page.locator('section[data-anchor]').count();
  expect(await rendered()).toBeLessThanOrEqual(200);
  // The contents list every section, drawn a screenful at a time.
  await expect(page.locator('.toc li:not(.spacer)').first()).toBeVisible();
  expect(await page.locator('.toc li:not(.spacer)').count()).toBeLessThan(200);

  await goto(app, '#/doc/albania-greece-relations/section-2222');
  await expect(page.getByRole('heading', { name: 'Section 2222', exact: true })).toBeInViewport();
  await expect(page.locator('.toc a[aria-current="location"]')).toHaveText(/Section 222\d/);
  expect(await rendered()).toBeLessThanOrEqual(200);

  // Scrolling on brings the next sections in (and lets those far behind go).
  await page.mouse.move(640, 400);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 2500);
  const current = page.locator('.toc a[aria-current="location"]');
  await expect(current).not.toHaveText(/Section 222\d/);
  // mouse.wheel does not wait for the scroll it starts: read the place once it has stopped moving.
  let last = '';
  await expect
    .poll(async () => {
      const now = (await current.textContent()) ?? '';
      const settled = now === last;
      last = now;
      return settled;
    }, { intervals: [300] })
    .toBe(true);
  const heading = (await current.textContent())!.trim();
  expect(Number(heading.replace('Section ', ''))).toBeGreaterThan(2300);
  await expect(page.getByRole('heading', { name: heading, exact: true })).toBeInViewport();
  expect(await rendered()).toBeLessThanOrEqual(300);
  expect(await page.locator('#s-section-2222').count()).toBe(0);
});
