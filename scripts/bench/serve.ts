// The browser edition, timed from process start to the first search result: over HTTP (first
// successful POST /api/search), and in headless Chromium (page load to the first result rendered).
// Also the server and browser the timeline measurement (./timeline.ts) runs on.
//
// The server is what `npm run serve` / `npm start` run: scripts/serve.mjs, which imports the
// bundle out/web/serve.mjs (scripts/build-server.mjs), or src/web/serve.ts through tsx when the
// bundle cannot be built. The bundle is brought up to date before each timed start (untimed), so a
// source edited meanwhile never puts an esbuild run inside a measurement.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { QUIET_CHROMIUM_FLAGS, findChromium } from '../../src/host/browsers';
import { RENDERER_DIR, ROOT } from '../../src/host/paths';
import { buildServerBundle, ensureAppBuild, serverBundleIsStale } from '../../src/host/appBuild';

const QUERY = 'Kucove';

export interface Serving {
  child: ChildProcess;
  /** Origin without the trailing slash, e.g. http://127.0.0.1:40123 */
  origin: string;
  /** performance.now() just before the spawn. */
  t0: number;
  /** 'bundle' (out/web/serve.mjs) or 'tsx' (the bundle could not be built). */
  runs: 'bundle' | 'tsx';
  cleanup: () => void;
}

/** Up-to-date out/web/serve.mjs, or false when it cannot be built (the server then runs through tsx). */
function ensureServerBundle(): boolean {
  if (serverBundleIsStale()) buildServerBundle((line) => process.stderr.write(`[bench] ${line}\n`));
  return !serverBundleIsStale();
}

/**
 * `npm run serve` without npm's own start-up: node scripts/serve.mjs, DB given, no build. Resolves
 * once the server prints its URL.
 */
export async function startServe(db: string): Promise<Serving> {
  const bundled = ensureServerBundle();
  const userDir = mkdtempSync(join(tmpdir(), 'desk-bench-user-'));
  // Without a bundle, scripts/serve.mjs would try esbuild again inside the measurement: skip it.
  const env = bundled ? process.env : { ...process.env, RELATIONS_DESK_NO_BUNDLE: '1' };
  const t0 = performance.now();
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0', '--db', db, '--user-db', join(userDir, 'user.db'), '--no-build'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const cleanup = (): void => {
    child.kill('SIGTERM');
    rmSync(userDir, { recursive: true, force: true });
  };
  let out = '';
  let err = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start in 60 s: ${err.slice(-300)}`)), 60_000);
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+)\/?/.exec(out);
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
    return { child, origin: url, t0, runs: bundled ? 'bundle' : 'tsx', cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

/** POST /api/<method>; the envelope's value, or a thrown error. */
export async function api<T>(origin: string, method: string, params: unknown = {}): Promise<T> {
  const res = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method} failed: ${body.error?.message ?? res.status}`);
  return body.value as T;
}

/**
 * The renderer build the browser edition serves, and the server bundle; built (untimed) when
 * missing or stale. The note says when an earlier build or tsx stands in.
 */
export function ensureRenderer(): { ok: boolean; note: string | null } {
  const notes: string[] = [];
  try {
    ensureAppBuild(() => {});
  } catch (e) {
    // Work in progress elsewhere in the tree can break the build; an earlier build still times fine.
    const why = `the current sources do not build (${(e as Error).message})`;
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) return { ok: false, note: why };
    notes.push(`renderer from an earlier build: ${why}`);
  }
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) return { ok: false, note: 'no renderer build in out/renderer' };
  if (!ensureServerBundle()) notes.push('the server bundle (scripts/build-server.mjs) could not be built: the server ran through tsx');
  return { ok: true, note: notes.length ? notes.join('; ') : null };
}

/** Start → first successful POST /api/search with at least one result. */
export async function apiFirstResult(db: string): Promise<number> {
  const s = await startServe(db);
  try {
    for (;;) {
      try {
        const value = await api<{ results: unknown[] }>(s.origin, 'search', { query: QUERY });
        if (value.results.length > 0) return performance.now() - s.t0;
        throw new Error(`search failed: no result for ${QUERY}`);
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

/** Launch the headless Chromium the page measurements share; a reason string when there is none. */
export async function launchBrowser(): Promise<string | null> {
  if (browser) return null;
  const exe = findChromium();
  if (!exe) return 'no Chromium found (set CHROMIUM_PATH)';
  browser = await chromium.launch({ executablePath: exe, headless: true, args: ['--no-sandbox', ...QUIET_CHROMIUM_FLAGS] });
  return null;
}

/** The running browser (launchBrowser first). */
export function currentBrowser(): Browser | null {
  return browser;
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
  let s: Serving | null = null;
  try {
    s = await startServe(db);
    await page.goto(`${s.origin}/#/search?q=${QUERY}`);
    await page.locator('a[data-search-result]').first().waitFor({ state: 'visible', timeout: 30_000 });
    return performance.now() - s.t0;
  } finally {
    s?.cleanup();
    await context.close();
  }
}
