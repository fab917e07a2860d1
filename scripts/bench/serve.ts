// The browser edition, timed from process start to the first search result: over HTTP (first
// successful POST /api/search), and in headless Chromium (page load to the first result rendered).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { QUIET_CHROMIUM_FLAGS, RENDERER_DIR, ROOT, ensureAppBuild, findChromium } from '../../src/web/serve';

const QUERY = 'Kucove';

/** `npm run serve` without npm's own start-up: node --import tsx src/web/serve.ts, DB given, no build. */
async function startServe(db: string): Promise<{ child: ChildProcess; url: string; t0: number; cleanup: () => void }> {
  const userDir = mkdtempSync(join(tmpdir(), 'desk-bench-user-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/serve.ts', '--port', '0', '--db', db, '--user-db', join(userDir, 'user.db'), '--no-build'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 60 s: ${err.slice(-300)}`)), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/?)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}): ${err.slice(-300)}`));
    });
  });
  return {
    child,
    url,
    t0,
    cleanup: () => {
      child.kill('SIGTERM');
      rmSync(userDir, { recursive: true, force: true });
    },
  };
}

/** The renderer build the browser edition serves; built (untimed) when missing or stale. */
export function ensureRenderer(): { ok: boolean; note: string | null } {
  try {
    ensureAppBuild(() => {});
  } catch (e) {
    // Work in progress elsewhere in the tree can break the build; an earlier build still times fine.
    const why = `the current sources do not build (${(e as Error).message})`;
    return existsSync(join(RENDERER_DIR, 'index.html')) ? { ok: true, note: `renderer from an earlier build: ${why}` } : { ok: false, note: why };
  }
  return existsSync(join(RENDERER_DIR, 'index.html')) ? { ok: true, note: null } : { ok: false, note: 'no renderer build in out/renderer' };
}

/** Start → first successful POST /api/search with at least one result. */
export async function apiFirstResult(db: string): Promise<number> {
  const s = await startServe(db);
  try {
    const origin = s.url.replace(/\/$/, '');
    for (;;) {
      try {
        const res = await fetch(`${origin}/api/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
        const body = (await res.json()) as { ok: boolean; value?: { results: unknown[] } };
        if (body.ok && (body.value?.results.length ?? 0) > 0) return performance.now() - s.t0;
        if (!body.ok) throw new Error(`search failed: ${JSON.stringify(body).slice(0, 200)}`);
      } catch (e) {
        if ((e as Error).message.startsWith('search failed')) throw e;
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  } finally {
    s.cleanup();
  }
}

let browser: Browser | null = null;

export async function launchBrowser(): Promise<string | null> {
  const exe = findChromium();
  if (!exe) return 'no Chromium found (set CHROMIUM_PATH)';
  browser = await chromium.launch({ executablePath: exe, headless: true, args: ['--no-sandbox', ...QUIET_CHROMIUM_FLAGS] });
  return null;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

/**
 * Start → the first search result rendered in a page (the browser is already running, as a
 * person's would be): server start, page load, app start, search, render.
 */
export async function pageFirstResult(db: string): Promise<number> {
  if (!browser) throw new Error('browser not launched');
  const context = await browser.newContext();
  const page = await context.newPage();
  const s = await startServe(db);
  try {
    await page.goto(`${s.url.replace(/\/$/, '')}/#/search?q=${QUERY}`);
    await page.locator('a[data-search-result]').first().waitFor({ state: 'visible', timeout: 30_000 });
    return performance.now() - s.t0;
  } finally {
    s.cleanup();
    await context.close();
  }
}
