// Compare and briefing at a glance (issue 15), measured in the browser edition: the four-partner
// grid's one-line answers within three screens at 1366 × 850 and nothing cut at 800 px, text mode
// without blank scroll, and printed sheets (page.pdf with print media, as Ctrl+P gives) with the
// title and "page N of M" on every page, no raw anchors, no duplicate fact, no near-empty last page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FACET_IDS } from '../src/shared/types';
import { expect, goto, test } from './harness';
import { readPdf, type PdfPage } from './pdfText';

test.slow();

const FOUR = '#/compare?p=kosovo,ukraine,nato,european-union&mode=grid';
const PARTNERS = ['Kosovo', 'Ukraine', 'NATO', 'European Union'];
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-glance-'));
test.afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

/** Per facet row and partner: the bottom of its one-line answer (or "not stated"), in page coordinates. */
async function answerBottoms(page: Page): Promise<{ facet: string; bottoms: number[] }[]> {
  return page.locator('.compare [data-facet]').evaluateAll((rows) =>
    rows.map((row) => ({
      facet: row.getAttribute('data-facet')!,
      bottoms: [...row.querySelectorAll('td, dd')].map((c) => (c.firstElementChild ?? c).getBoundingClientRect().bottom + window.scrollY),
    })),
  );
}

async function print(page: Page, file: string): Promise<PdfPage[]> {
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return readPdf(file);
}

function expectPaper(pages: PdfPage[], title: string, what: string): void {
  pages.forEach((p, i) => {
    const lines = p.layout.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines[0], `${what} p${i + 1}: title in the running header`).toMatch(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · \\d{1,2} \\w+ \\d{4}\\s+Relations Desk$`));
    expect(lines.at(-1), `${what} p${i + 1}: page number`).toMatch(new RegExp(`^page ${i + 1} of ${pages.length}\\b`));
    // Section paths, never raw anchors ("#relations-security", "history--independence").
    expect(p.layout, `${what} p${i + 1}`).not.toMatch(/#[a-z0-9]+-[a-z0-9-]+|\b[a-z]+--[a-z]/);
  });
  expect(pages.at(-1)!.fill, `${what}: the last page is at least a quarter full`).toBeGreaterThanOrEqual(0.25);
}

test('the four-partner grid answers every facet in a line, within three screens, headers in view', async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 850 });
  await goto(app, FOUR);
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText([/Facet/, ...PARTNERS.map((p) => new RegExp(p))], { timeout: 20_000 });

  // One page scroll: no scroll box of its own around the grid.
  expect(await table.evaluate((t) => t.closest('[role="region"]'))).toBeNull();
  const rows = await answerBottoms(page);
  expect(rows.map((r) => r.facet)).toEqual(FACET_IDS.filter((f) => rows.some((r) => r.facet === f)));
  expect(rows).toHaveLength(FACET_IDS.length);
  for (const r of rows) {
    expect(r.bottoms).toHaveLength(4);
    for (const b of r.bottoms) expect(b, `${r.facet}: answer within 3 screens`).toBeLessThanOrEqual(3 * 850);
  }

  // One line each: a date and its precision, both sources cited; quotes folded until asked for.
  const relations = table.locator('tr[data-facet="relations"] td');
  await expect(relations.nth(0).locator('[data-answer]')).toContainText('18 February 2008 (exact day)');
  await expect(relations.nth(0).getByRole('link', { name: /^Source 1: Foreign relations of Albania/ })).toBeVisible();
  await expect(relations.nth(0).getByRole('link', { name: 'Source 2: Albania–Kosovo relations › History › Independence' })).toBeVisible();
  await expect(page.locator('blockquote')).toHaveCount(0);
  await relations.nth(1).getByRole('button', { name: /quotes/ }).click();
  await expect(relations.nth(1).locator('blockquote')).toHaveCount(2); // Ukraine: the two 1993 statements are one entry (issue 13), and the 1992 row
  // Sources differ: a compact mark, its details opened in place.
  const differ = relations.nth(1).getByRole('button', { name: 'Sources differ' });
  await expect(differ).toHaveAttribute('aria-expanded', 'false');
  await differ.click();
  await expect(relations.nth(1).getByText(/Another source gives 1992/).first()).toBeVisible();
  // All at once.
  await page.getByRole('button', { name: 'Open all quotes' }).click();
  expect(await page.locator('blockquote').count()).toBeGreaterThan(40);
  await page.getByRole('button', { name: 'Fold all quotes' }).click();
  await expect(page.locator('blockquote')).toHaveCount(0);

  // Sticky partner headers: scrolled to the last facet, the names are still in view under the app header.
  await table.locator('tr[data-facet="timeline"]').scrollIntoViewIfNeeded();
  for (const name of PARTNERS) await expect(table.getByRole('columnheader', { name })).toBeInViewport();
  await page.screenshot({ path: path.join(out, 'grid-1366.png') });
});

test('at 800 px the grid reflows, nothing cut; facets empty for everyone fold into one line', async ({ app, page }) => {
  await page.setViewportSize({ width: 800, height: 850 });
  await goto(app, FOUR);
  await expect(page.locator('[data-layout="stacked"] [data-answer]').first()).toBeVisible({ timeout: 20_000 });
  const cut = await page.evaluate(() => {
    const bad: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) bad.push(`page ${document.documentElement.scrollWidth} px wide`);
    for (const el of document.querySelectorAll<HTMLElement>('.compare [data-facet], .compare [data-facet] *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.right > window.innerWidth + 0.5 || r.left < -0.5) bad.push(`${el.tagName}.${el.className} at ${Math.round(r.left)}–${Math.round(r.right)}`);
      const style = getComputedStyle(el);
      if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) bad.push(`${el.tagName}.${el.className} clips its content`);
    }
    return bad;
  });
  expect(cut).toEqual([]);
  for (const facet of FACET_IDS) {
    const section = page.locator(`.compare [data-facet="${facet}"]`);
    for (const name of PARTNERS) await expect(section.getByRole('term').filter({ hasText: name })).toBeVisible();
  }
  await page.screenshot({ path: path.join(out, 'grid-800.png'), fullPage: true });

  // NATO and the EU: no recognition, no resident missions — one folded line, not rows of "not stated".
  await goto(app, '#/compare?p=nato,european-union&mode=grid');
  const fold = page.getByText(/^\d+ facets with nothing stated for NATO, European Union$/);
  await expect(fold).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.compare [data-facet="recognition"]')).toHaveCount(0);
  await fold.click();
  await expect(page.getByText('Recognition', { exact: true })).toBeVisible();
});

test('text mode has no blank scroll, at 1366 and at 800 px, and no column is cut', async ({ app, page }) => {
  for (const width of [1366, 800]) {
    await page.setViewportSize({ width, height: 850 });
    await goto(app, FOUR.replace('mode=grid', 'mode=text'));
    await expect(page.getByRole('region', { name: 'Text for European Union' })).toBeVisible({ timeout: 20_000 });
    const m = await page.evaluate(() => {
      const cols = [...document.querySelectorAll('.columns > section')].map((c) => c.getBoundingClientRect());
      return {
        page: document.documentElement.scrollHeight,
        columnsEnd: Math.max(...cols.map((r) => r.bottom)) + window.scrollY,
        right: Math.max(...cols.map((r) => r.right)),
        wide: document.documentElement.scrollWidth,
      };
    });
    expect(m.page - m.columnsEnd, `${width}: page height within a screen of the columns`).toBeLessThanOrEqual(850);
    expect(m.right, `${width}: every column inside the window`).toBeLessThanOrEqual(width);
    expect(m.wide).toBeLessThanOrEqual(width);
  }
});

test('the composer’s Print button is in view without scrolling at 850 px', async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 850 });
  await goto(app, '#/briefing?partner=kosovo');
  const printButton = page.getByRole('button', { name: 'Print…' });
  await expect(printButton).toBeEnabled({ timeout: 20_000 });
  await expect(printButton).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('a printed briefing has its title and page N of M on every page, section paths, each fact once, a full last page', async ({ app, page }) => {
  for (const [route, title] of [
    ['#/briefing?partner=kosovo', 'Albania–Kosovo: briefing'],
    ['#/briefing?partner=kosovo&paper=letter', 'Albania–Kosovo: briefing'],
    ['#/briefing?compare=kosovo,ukraine,nato,european-union', 'Albania with Kosovo, Ukraine, NATO and European Union: briefing'],
  ] as const) {
    await goto(app, route);
    await expect(page.locator('[data-briefing-ready]')).toBeVisible({ timeout: 20_000 });
    const pages = await print(page, path.join(out, `briefing-${pages_name(route)}.pdf`));
    expectPaper(pages, title, route);
  }
  // The same fact with the same date from two sources is one entry citing both, never two rows.
  await goto(app, '#/briefing?partner=kosovo');
  await expect(page.locator('[data-briefing-ready]')).toBeVisible({ timeout: 20_000 });
  const facts = await page.locator('table.facts tbody tr').evaluateAll((trs) =>
    trs.map((tr) => `${tr.querySelector('th')?.textContent?.trim()} | ${tr.querySelector('td.date')?.textContent?.trim()}`),
  );
  const twice = facts.filter((f, i) => !f.endsWith('| —') && facts.indexOf(f) !== i);
  expect(twice, 'a fact and date listed twice').toEqual([]);
});

test('the comparison sheet prints from the compare view: one line per facet, landscape for four', async ({ app, page }) => {
  for (const paper of ['a4', 'letter'] as const) {
    await goto(app, `${FOUR}${paper === 'letter' ? '&paper=letter' : ''}`);
    await expect(page.getByRole('button', { name: 'Print comparison sheet…' })).toBeEnabled({ timeout: 20_000 });
    await expect(page.locator('[data-compare-sheet-ready]')).toHaveCount(1);
    const pages = await print(page, path.join(out, `compare-${paper}.pdf`));
    expectPaper(pages, 'Albania with Kosovo, Ukraine, NATO and European Union: comparison', paper);
    // Landscape, on the paper asked for.
    const [w, h] = paper === 'a4' ? [842, 595] : [792, 612];
    for (const p of pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([w, h]);
    const text = pages.map((p) => p.layout).join('\n');
    expect(text).toMatch(/Relations established[^\n]*?\s18 February 2008 \[1, 2\]\s+13 January 1993 \[3, 4\]/);
    // The grid itself does not print: only the sheet.
    expect(text).not.toContain('Open all quotes');
  }
});

function pages_name(route: string): string {
  return route.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
}
