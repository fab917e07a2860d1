// The e2e harness: one set of specs, two editions.
//
//   browser  – spawns the real browser-edition entry (src/web/serve.ts) on a free loopback port with
//              a temp user DB, and drives the system's Chromium through playwright-core.
//   electron – launches the Electron app with _electron.launch (temp user-data folder), where the
//              Electron binary exists; otherwise the test is skipped with the reason.
//
// Throughout every session, each request the page makes is recorded; a request that leaves the
// app's own origin is blocked and fails the test when the session closes.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  _electron,
  chromium,
  expect,
  test as base,
  type Browser,
  type BrowserContext,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { Library } from '../src/services/library';
import { DEFAULT_DB, ROOT } from '../src/host/paths';
import { QUIET_CHROMIUM_FLAGS, findChromium, findElectron } from '../src/host/browsers';
import { ensureNativeBinding } from '../scripts/native.mjs';

export { expect };

export type Edition = 'browser' | 'electron';

export interface StartOptions {
  /** Library DB (default: resources/desk.db, built by global setup). */
  db?: string;
  /** User-data folder to reuse (e.g. to check that bookmarks survive a restart). */
  userData?: string;
}

export interface AppSession {
  edition: Edition;
  page: Page;
  /** 'http://127.0.0.1:<port>' or 'app://desk'. */
  origin: string;
  /** The app's start page; append '#/…' for a route. */
  home: string;
  userData: string;
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Uncaught page errors and Content-Security-Policy violations seen so far. */
  problems: string[];
  /** Milliseconds from launching the process to the server/app being ready to load. */
  launchMs: number;
  /** Stop the app (server or Electron) and start it again with the same data; reloads the page. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const isRoot = process.getuid?.() === 0;

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function isSameOrigin(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === origin;
  } catch {
    return false;
  }
}

// --- browser edition -------------------------------------------------------------------------

interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
}

/** Start `src/web/serve.ts` and wait for its "running at <url>" line. */
export async function spawnServer(opts: { db: string; userDb: string; port?: number }): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'src', 'web', 'serve.ts'),
      '--port',
      String(opts.port ?? 0),
      '--db',
      opts.db,
      '--user-db',
      opts.userDb,
      '--no-build',
      ...(process.env.RELATIONS_DESK_E2E_RENDERER ? ['--renderer', process.env.RELATIONS_DESK_E2E_RENDERER] : []),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } },
  );
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The browser edition did not start within 30 s:\n${out}`)), 30_000);
    const check = () => {
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The browser edition exited (${code}) before listening:\n${out}`));
    });
  });
  return { child, url, port: Number(new URL(url).port), output: () => out };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function watchPage(page: Page, problems: string[]): void {
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) problems.push(`CSP: ${msg.text().slice(0, 300)}`);
  });
}

async function guardContext(context: BrowserContext, origin: () => string, requests: string[]): Promise<void> {
  context.on('request', (r) => requests.push(r.url()));
  // Nothing may leave the app: block it (so a test can never depend on the network) and report it.
  await context.route(
    (url) => !isSameOrigin(url.href, origin()),
    (route) => route.abort('blockedbyclient'),
  );
}

async function startBrowserSession(
  browser: Browser,
  opts: StartOptions,
  shared?: { server: ServerProcess; userData: string; launchMs: number },
): Promise<AppSession> {
  const db = opts.db ?? DEFAULT_DB;
  const userData = shared?.userData ?? opts.userData ?? tempDir('desk-e2e-user-');
  const userDb = path.join(userData, 'user.db');
  const t0 = performance.now();
  let server = shared?.server ?? (await spawnServer({ db, userDb }));
  const launchMs = shared?.launchMs ?? performance.now() - t0;
  let origin = server.url.replace(/\/$/, '');
  const requests: string[] = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await guardContext(context, () => origin, requests);
  const page = await context.newPage();
  const problems: string[] = [];
  watchPage(page, problems);
  await page.goto(server.url);
  return {
    edition: 'browser',
    page,
    problems,
    get origin() {
      return origin;
    },
    get home() {
      return `${origin}/`;
    },
    userData,
    requests,
    launchMs,
    async restart() {
      if (shared) throw new Error('The shared server cannot restart; use launcher.start() for a private one.');
      const port = server.port;
      await stopProcess(server.child);
      // Same port, so the page keeps its origin (and its localStorage) across the restart.
      server = await spawnServer({ db, userDb, port });
      origin = server.url.replace(/\/$/, '');
      await page.reload();
    },
    async close() {
      await context.close();
      if (!shared) await stopProcess(server.child);
    },
  };
}

// --- Electron ----------------------------------------------------------------------------------

async function startElectronSession(opts: StartOptions): Promise<AppSession> {
  const electron = findElectron();
  if (!electron.ok) throw new Error(`Electron is not available here (${electron.reason}).`);
  const binding = ensureNativeBinding({ runtime: 'electron', target: electron.version });
  const userData = opts.userData ?? tempDir('desk-e2e-electron-');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  Object.assign(env, {
    RELATIONS_DESK_USER_DATA: userData,
    RELATIONS_DESK_DB: opts.db ?? DEFAULT_DB,
    RELATIONS_DESK_NATIVE_BINDING: binding,
  });
  const origin = 'app://desk';
  const requests: string[] = [];
  const problems: string[] = [];
  let app: ElectronApplication;
  let page: Page;
  let launchMs = 0;
  const launch = async () => {
    const t0 = performance.now();
    app = await _electron.launch({
      executablePath: electron.bin,
      args: [ROOT, ...(isRoot ? ['--no-sandbox'] : [])],
      env,
    });
    page = await app.firstWindow();
    launchMs = performance.now() - t0;
    watchPage(page, problems);
    await guardContext(app.context(), () => origin, requests);
    await page.waitForLoadState('domcontentloaded');
  };
  await launch();
  return {
    edition: 'electron',
    get page() {
      return page;
    },
    origin,
    home: `${origin}/index.html`,
    userData,
    requests,
    problems,
    get launchMs() {
      return launchMs;
    },
    async restart() {
      await app.close();
      await launch();
    },
    async close() {
      await app.close();
    },
  };
}

// --- fixtures ----------------------------------------------------------------------------------

interface Launcher {
  edition: Edition;
  /** A private app instance (its own server or Electron process). */
  start(opts?: StartOptions): Promise<AppSession>;
  /** A session on this worker's shared server (browser edition), or a private app (Electron). */
  startShared(): Promise<AppSession>;
}

interface TestFixtures {
  launcher: Launcher;
  /** A running app with default data and a fresh user-data folder, on its start page. */
  app: AppSession;
  page: Page;
}

interface WorkerFixtures {
  systemChromium: Browser | null;
  /** Browser edition: one server per worker with default data, shared by tests that only read. */
  sharedServer: { server: ServerProcess; userData: string; launchMs: number } | null;
  /** The real library, read directly, to check what the screens show. */
  library: Library;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  systemChromium: [
    async ({}, use, workerInfo) => {
      if (workerInfo.project.name !== 'browser') {
        await use(null);
        return;
      }
      const executablePath = findChromium();
      if (!executablePath) {
        throw new Error('No Chromium found: set CHROMIUM_PATH or install chromium. The browser-edition e2e tests never skip.');
      }
      const browser = await chromium.launch({
        executablePath,
        headless: true,
        args: [...QUIET_CHROMIUM_FLAGS, ...(isRoot ? ['--no-sandbox'] : [])],
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker', timeout: 90_000 },
  ],

  sharedServer: [
    async ({}, use, workerInfo) => {
      if (workerInfo.project.name !== 'browser') {
        await use(null);
        return;
      }
      const userData = tempDir('desk-e2e-shared-');
      const t0 = performance.now();
      const server = await spawnServer({ db: DEFAULT_DB, userDb: path.join(userData, 'user.db') });
      await use({ server, userData, launchMs: performance.now() - t0 });
      await stopProcess(server.child);
      fs.rmSync(userData, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 90_000 },
  ],

  library: [
    async ({}, use) => {
      const library = Library.open(DEFAULT_DB);
      await use(library);
      library.close();
    },
    { scope: 'worker', timeout: 90_000 },
  ],

  launcher: async ({ systemChromium, sharedServer }, use, testInfo) => {
    const edition = testInfo.project.name as Edition;
    if (edition === 'electron') {
      const electron = findElectron();
      testInfo.skip(!electron.ok, electron.ok ? '' : `Electron is not available here (${electron.reason}).`);
    }
    const sessions: AppSession[] = [];
    await use({
      edition,
      async start(opts = {}) {
        const session =
          edition === 'browser' ? await startBrowserSession(systemChromium!, opts) : await startElectronSession(opts);
        sessions.push(session);
        return session;
      },
      async startShared() {
        if (edition !== 'browser') return this.start();
        const session = await startBrowserSession(systemChromium!, {}, sharedServer!);
        sessions.push(session);
        return session;
      },
    });
    for (const s of sessions) await s.close();
    for (const s of sessions) {
      const foreign = s.requests.filter((u) => !isSameOrigin(u, s.origin));
      expect(foreign, `requests that left the app's origin (${s.origin})`).toEqual([]);
      expect(s.problems, 'page errors and CSP violations').toEqual([]);
      if (s.edition === 'browser') expect(s.requests.length, 'requests were recorded at all').toBeGreaterThan(0);
    }
  },

  app: async ({ launcher }, use) => {
    await use(await launcher.startShared());
  },

  page: async ({ app }, use) => {
    await use(app.page);
  },
});

// --- helpers -----------------------------------------------------------------------------------

/** Go to a route ('#/…') of the running app. */
export async function goto(app: AppSession, route: string): Promise<void> {
  await app.page.goto(`${app.home}${route}`);
}

/** Wait until the library screen is shown. */
export async function expectLibrary(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: "Albania's foreign relations" })).toBeVisible();
}

/** Focus search the way a user does (Ctrl/Cmd-K) and type a query. */
export async function search(page: Page, query: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+k');
  const box = page.getByRole('searchbox', { name: 'Search the library' });
  await expect(box).toBeFocused();
  await box.fill(query);
}
