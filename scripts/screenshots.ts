// Screenshots of every screen, light and dark, from the browser edition in the system Chromium.
//   npx tsx scripts/screenshots.ts [outDir=/tmp/shots/shell]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { QUIET_CHROMIUM_FLAGS, findChromium } from '../src/host/browsers';
import { parseServeArgs, startBrowserEdition } from '../src/web/serve';

const outDir = path.resolve(process.argv[2] ?? '/tmp/shots/shell');
fs.mkdirSync(outDir, { recursive: true });

const screens: { name: string; route: string; ready: string }[] = [
  { name: 'library', route: '#/', ready: 'h1' },
  { name: 'document', route: '#/doc/foreign-relations-of-albania', ready: 'nav.toc' },
  { name: 'document-tables', route: '#/doc/foreign-relations-of-albania/diplomatic-relations', ready: 'table' },
  { name: 'document-agreement', route: '#/doc/security-and-defence-partnership-between-the-european-union', ready: 'nav.toc' },
  { name: 'passage', route: '#/doc/albania-nato-relations/kucove-air-base?hl=Kucove', ready: 'mark' },
  { name: 'search', route: '#/search?q=Kucove', ready: '[data-search-result]' },
  { name: 'search-empty', route: '#/search?q=zzqxv', ready: '[data-testid="search-status"]' },
  { name: 'partner', route: '#/partner/kosovo', ready: 'h1' },
  { name: 'bookmarks', route: '#/bookmarks', ready: 'h1' },
  { name: 'timeline', route: '#/timeline', ready: '[data-lane][data-item]' },
  { name: 'timeline-kosovo', route: '#/timeline?lanes=kosovo&from=2019&to=2025', ready: '[data-lane][data-item]' },
  { name: 'compare', route: '#/compare?p=kosovo,ukraine,nato', ready: 'table' },
  { name: 'notfound', route: '#/nowhere', ready: 'h1' },
];

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found (set CHROMIUM_PATH).');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-shots-'));
  const good = await startBrowserEdition({ ...parseServeArgs([]), userDb: path.join(tmp, 'user.db') });
  const broken = await startBrowserEdition({
    ...parseServeArgs([]),
    db: path.join(tmp, 'missing.db'),
    userDb: path.join(tmp, 'user2.db'),
    build: false,
  });
  const browser = await chromium.launch({
    executablePath,
    args: [...QUIET_CHROMIUM_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
  try {
    for (const theme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, colorScheme: theme });
      const page = await context.newPage();
      // One bookmark so the bookmarks screen has content.
      await fetch(`${good.server.url}api/addBookmark`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ docSlug: 'albania-nato-relations', anchor: 'kucove-air-base' }),
      });
      for (const s of screens) {
        await page.goto(`${good.server.url}${s.route}`);
        await page.locator(s.ready).first().waitFor({ timeout: 15_000 });
        await page.waitForTimeout(400);
        await page.screenshot({ path: path.join(outDir, `${s.name}-${theme}.png`) });
      }
      await page.goto(broken.server.url);
      await page.getByRole('alert').waitFor();
      await page.screenshot({ path: path.join(outDir, `db-missing-${theme}.png`) });
      await context.close();
    }
  } finally {
    await browser.close();
    await good.close();
    await broken.close();
  }
  console.log(`Screenshots in ${outDir}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
