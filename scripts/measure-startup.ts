// Time from starting the browser edition to the first search result on screen.
//   npx tsx scripts/measure-startup.ts [runs=3] [--renderer DIR] [--deep-link]
// Each run: spawn `scripts/serve.mjs --no-build` (a fresh process, what `npm run serve` runs,
// minus npm's own start-up and the build checks: the server bundle out/web/serve.mjs when fresh,
// which the build checks below make sure of) → "running at" line → new tab → page loaded, library
// shown → Ctrl+K, type "Kucove" → first result. RELATIONS_DESK_NO_BUNDLE=1 measures the TypeScript
// through tsx instead. Chromium is launched once beforehand; its own start-up is not counted, the
// new tab is (and shown on a line of its own).
//
// Two clocks for "on screen". Playwright's: page.goto() returns at the load event, then a locator
// polls the page (at growing intervals, up to 500 ms apart), so it notices a screen some time
// after it was drawn. The page's: a script added to every page records when the library heading
// and the first "Kuçovë Air Base" result were first painted (the task after the next animation
// frame following their insertion), on the same wall clock as this process. Both are printed.
//
//   --renderer DIR  serve another renderer build (to compare two builds on the same machine)
//   --deep-link     also time what the benchmark (scripts/bench/serve.ts) times: a tab already
//                   open, spawn → page at #/search?q=Kucove → first result
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { QUIET_CHROMIUM_FLAGS, findChromium } from '../src/host/browsers';
import { ROOT, DEFAULT_DB } from '../src/host/paths';
import { ensureAppBuild } from '../src/host/appBuild';
import { ensureDatabase } from '../src/host/libraryFile';

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv.splice(i, 2)[1] : undefined;
};
const renderer = flag('--renderer');
const deepLink = argv.includes('--deep-link');
const runs = Number(argv.find((a) => /^\d+$/.test(a)) ?? 3);

async function spawnServer(): Promise<{ child: ChildProcess; url: string; t0: number; cleanup: () => void }> {
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-measure-'));
  const args = [path.join(ROOT, 'scripts/serve.mjs'), '--no-build', '--user-db', path.join(userDir, 'user.db')];
  if (renderer) args.push('--renderer', path.resolve(renderer));
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /running at (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const cleanup = (): void => {
    child.kill('SIGTERM');
    fs.rmSync(userDir, { recursive: true, force: true });
  };
  return { child, url, t0, cleanup };
}

/** Wall-clock time (ms since the epoch) now, comparable with the page's marks. */
const wallNow = (): number => performance.timeOrigin + performance.now();

type Mark = 'library' | 'result';

/**
 * Runs in every page before its own scripts: records when each screen was first painted. A string,
 * not a function: tsx would add helpers to a function's source that the page does not have.
 */
const RECORD_PAINTS = `(() => {
  const marks = (window.__deskPaints = {});
  const painted = (name) => {
    if (name in marks) return;
    marks[name] = 0;
    requestAnimationFrame(() => setTimeout(() => (marks[name] = performance.timeOrigin + performance.now())));
  };
  const check = () => {
    for (const h of document.querySelectorAll('h1')) {
      if (h.textContent.includes("Albania's foreign relations")) painted('library');
    }
    for (const a of document.querySelectorAll('a[data-search-result]')) {
      if (a.textContent.includes('Kuçovë Air Base')) painted('result');
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

async function paintedAt(page: import('playwright-core').Page, mark: Mark): Promise<number> {
  const handle = await page.waitForFunction((m) => (window as unknown as { __deskPaints?: Record<string, number> }).__deskPaints?.[m] || 0, mark);
  return (await handle.jsonValue()) as number;
}

async function once(browser: Browser) {
  const { url, t0, cleanup } = await spawnServer();
  const wall0 = wallNow() - (performance.now() - t0);
  try {
    const listening = performance.now();
    const page = await browser.newPage();
    await page.addInitScript(RECORD_PAINTS);
    const tab = performance.now();
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: "Albania's foreign relations" }).waitFor();
    const library = performance.now();
    const libraryPainted = (await paintedAt(page, 'library')) - wall0;
    const typing = performance.now();
    await page.keyboard.press('Control+k');
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('Kucove');
    await page.getByRole('link', { name: /Kuçovë Air Base/ }).first().waitFor();
    const result = performance.now();
    const resultPainted = (await paintedAt(page, 'result')) - wall0;
    await page.close();
    return {
      listen: listening - t0,
      tab: tab - listening,
      library: library - tab,
      libraryPainted: libraryPainted - (tab - t0),
      search: result - typing,
      searchPainted: resultPainted - (typing - t0),
      total: result - t0,
      // As if the typing had begun the moment the library was painted.
      totalPainted: libraryPainted + (resultPainted - (typing - t0)),
    };
  } finally {
    cleanup();
  }
}

/** As scripts/bench/serve.ts's pageFirstResult: the tab is open before the server starts. */
async function deepLinkOnce(browser: Browser): Promise<{ seen: number; painted: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(RECORD_PAINTS);
  const { url, t0, cleanup } = await spawnServer();
  const wall0 = wallNow() - (performance.now() - t0);
  try {
    await page.goto(`${url}#/search?q=Kucove`);
    await page.locator('a[data-search-result]').first().waitFor({ state: 'visible', timeout: 30_000 });
    const seen = performance.now() - t0;
    return { seen, painted: (await paintedAt(page, 'result')) - wall0 };
  } finally {
    cleanup();
    await context.close();
  }
}

async function main() {
  await ensureDatabase(DEFAULT_DB);
  ensureAppBuild();
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found (set CHROMIUM_PATH).');
  const browser = await chromium.launch({
    executablePath,
    args: [...QUIET_CHROMIUM_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
  const results: Awaited<ReturnType<typeof once>>[] = [];
  const deep: Awaited<ReturnType<typeof deepLinkOnce>>[] = [];
  for (let i = 0; i < runs; i++) {
    results.push(await once(browser));
    if (deepLink) deep.push(await deepLinkOnce(browser));
  }
  await browser.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ms = (xs: number[]) => `${Math.round(median(xs))} ms`.padStart(7);
  const fmt = (k: keyof (typeof results)[number]) => ms(results.map((r) => r[k]));
  console.log(
    `load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs; median of ${runs} runs` +
      (renderer ? ` (renderer ${renderer})` : '') +
      ':',
  );
  console.log(`  process start → listening            ${fmt('listen')}`);
  console.log(`  listening → new tab open             ${fmt('tab')}  (browser.newPage())`);
  console.log(`  new tab → library painted            ${fmt('libraryPainted')}  (Playwright saw it after ${fmt('library').trim()})`);
  console.log(`  typing "Kucove" → first result painted ${fmt('searchPainted')}  (Playwright saw it after ${fmt('search').trim()}; includes the search debounce)`);
  console.log(`  total: start → first result, as Playwright sees it ${fmt('total')}`);
  console.log(`  total: start → first result painted  ${fmt('totalPainted')}  (typing from the moment the library is painted)`);
  if (deepLink) {
    console.log(
      `  deep link (tab already open): start → #/search?q=Kucove first result painted ${ms(deep.map((d) => d.painted)).trim()} (Playwright saw it after ${ms(deep.map((d) => d.seen)).trim()})`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
