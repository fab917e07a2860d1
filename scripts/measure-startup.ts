// Time from starting the browser edition to the first search result on screen.
//   npx tsx scripts/measure-startup.ts [runs=3]
// Each run: spawn `scripts/serve.mjs --no-build` (a fresh process, what `npm run serve` runs,
// minus npm's own start-up and the build checks: the server bundle out/web/serve.mjs when fresh,
// which the build checks below make sure of) → "running at" line → page loaded, library shown →
// Ctrl+K, type "Kucove" → first result. RELATIONS_DESK_NO_BUNDLE=1 measures the TypeScript
// through tsx instead. Chromium is launched once beforehand; its own start-up is not counted.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { QUIET_CHROMIUM_FLAGS, ROOT, ensureAppBuild, ensureDatabase, DEFAULT_DB, findChromium } from '../src/web/serve';

const runs = Number(process.argv[2] ?? 3);

async function once(browser: import('playwright-core').Browser) {
  const userDb = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-measure-')), 'user.db');
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs'), '--no-build', '--user-db', userDb], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /running at (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const listening = performance.now();
  const page = await browser.newPage();
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: "Albania's foreign relations" }).waitFor();
  const library = performance.now();
  await page.keyboard.press('Control+k');
  await page.getByRole('searchbox', { name: 'Search the library' }).fill('Kucove');
  await page.getByRole('link', { name: /Kuçovë Air Base/ }).first().waitFor();
  const result = performance.now();
  await page.close();
  child.kill('SIGTERM');
  return {
    listen: listening - t0,
    library: library - listening,
    search: result - library,
    total: result - t0,
  };
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
  for (let i = 0; i < runs; i++) results.push(await once(browser));
  await browser.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const fmt = (k: keyof (typeof results)[number]) => `${Math.round(median(results.map((r) => r[k])))} ms`;
  console.log(`load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs; median of ${runs} runs:`);
  console.log(`  process start → listening       ${fmt('listen')}`);
  console.log(`  listening → library on screen   ${fmt('library')}`);
  console.log(`  library → first "Kucove" result ${fmt('search')} (includes typing and the search debounce)`);
  console.log(`  total: start → first result     ${fmt('total')}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
