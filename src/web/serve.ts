// `npm run serve [-- --port N] [--db FILE] [--user-db FILE] [--open] [--no-build]`
//
// The browser edition: ensures the library DB and the renderer build exist (building them when
// missing or out of date), starts the loopback server, prints the URL, and with --open shows the
// app in a local Chromium in app mode. Also the helpers scripts/start.mjs and e2e/ reuse.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeskError } from '../shared/api';
import type { Desk } from '../main/desk';
import type { Library } from '../main/services/library';
import { startServer, type DeskDispatcher, type RunningServer } from './server';

// What a plain start does not need is loaded on first use, so the server listens sooner: the
// handlers with their schemas (zod) and services (SQLite), the library for the DB checks, and
// node:child_process (builds and the app window). In the bundle (scripts/build-server.mjs) the
// first two are chunks of their own.
const loadDesk = () => import('../main/desk');
const loadLibrary = () => import('../main/services/library');
const requireBuiltin = createRequire(import.meta.url);
const childProcess = (): typeof import('node:child_process') => requireBuiltin('node:child_process');

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DB = path.join(ROOT, 'resources', 'desk.db');
export const CORPUS_DIR = path.join(ROOT, 'corpus');
export const RENDERER_DIR = path.join(ROOT, 'out', 'renderer');

type Log = (line: string) => void;
const stderrLog: Log = (line) => process.stderr.write(`${line}\n`);

export type DbState = 'ok' | 'missing' | 'stale' | 'corrupt';

// The builder (and its date parser) loads only when a DB has to be checked or built: `--no-build`
// starts faster.
const loadBuilder = () => import('../ingest/build');

export async function databaseState(dbPath: string, corpusDir: string = CORPUS_DIR): Promise<DbState> {
  const { Library } = await loadLibrary();
  let library: Library;
  try {
    library = Library.open(dbPath);
  } catch (err) {
    const code = DeskError.from(err).code;
    return code === 'DB_MISSING' ? 'missing' : code === 'DB_STALE' ? 'stale' : 'corrupt';
  }
  try {
    if (!fs.existsSync(corpusDir)) return 'ok';
    const { corpusHashOf } = await import('../ingest/corpusHash');
    return library.corpusHash === corpusHashOf(corpusDir) ? 'ok' : 'stale';
  } finally {
    library.close();
  }
}

/**
 * Build the DB when it is missing or built from another corpus/version. A file that is not a
 * library at all is only replaced at the default location (it is a build artifact there); at a
 * path a person chose, it is left alone and the app reports it.
 */
export async function ensureDatabase(dbPath: string, log: Log = stderrLog): Promise<DbState> {
  const state = await databaseState(dbPath);
  const rebuild = state === 'missing' || state === 'stale' || (state === 'corrupt' && path.resolve(dbPath) === DEFAULT_DB);
  if (!rebuild) return state;
  log(
    state === 'missing'
      ? `Building the library database (${path.relative(ROOT, dbPath) || dbPath})…`
      : `The library database is ${state === 'stale' ? 'out of date' : 'unreadable'}; rebuilding it…`,
  );
  const { buildDatabase } = await loadBuilder();
  const report = buildDatabase({ corpusDir: CORPUS_DIR, outFile: dbPath });
  log(`Built ${report.counts.documents} documents in ${report.millis} ms.`);
  return 'ok';
}

function newestMtime(target: string): number {
  let newest = 0;
  const stack = [target];
  while (stack.length) {
    const p = stack.pop()!;
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p)) if (e !== 'node_modules') stack.push(path.join(p, e));
    } else {
      newest = Math.max(newest, st.mtimeMs);
    }
  }
  return newest;
}

/** True when out/ is missing or older than the sources it is built from. */
export function appBuildIsStale(): boolean {
  const outputs = [
    path.join(RENDERER_DIR, 'index.html'),
    path.join(ROOT, 'out', 'main', 'index.js'),
    path.join(ROOT, 'out', 'preload', 'index.cjs'),
  ];
  if (!outputs.every((f) => fs.existsSync(f))) return true;
  const built = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs));
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'src')),
    newestMtime(path.join(ROOT, 'electron.vite.config.ts')),
    newestMtime(path.join(ROOT, 'package.json')),
  );
  return sources > built;
}

/** `electron-vite build` (main, preload and renderer; it needs no Electron binary). */
export function buildApp(log: Log = stderrLog): void {
  log('Building the app (electron-vite build)…');
  const cli = path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const r = childProcess().spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`electron-vite build failed (exit ${r.status ?? r.signal}).`);
}

/** The browser edition's server as one JavaScript bundle (scripts/build-server.mjs; run by scripts/serve.mjs). */
export const SERVER_BUNDLE = path.join(ROOT, 'out', 'web', 'serve.mjs');

/** True when the server bundle is missing or older than the sources it is built from (as scripts/server-module.mjs decides). */
export function serverBundleIsStale(): boolean {
  if (!fs.existsSync(SERVER_BUNDLE)) return true;
  const built = fs.statSync(SERVER_BUNDLE).mtimeMs;
  const srcDirs = fs.readdirSync(path.join(ROOT, 'src')).filter((e) => e !== 'renderer');
  const sources = Math.max(
    ...srcDirs.map((e) => newestMtime(path.join(ROOT, 'src', e))),
    newestMtime(path.join(ROOT, 'package.json')),
    newestMtime(path.join(ROOT, 'package-lock.json')),
    newestMtime(path.join(ROOT, 'scripts', 'build-server.mjs')),
  );
  return sources > built;
}

/**
 * Bundle the server (about a second). Quiet: a failure only means the next start compiles the
 * TypeScript through tsx, as it always did, so it is reported and not thrown.
 */
export function buildServerBundle(log: Log = stderrLog): void {
  const r = childProcess().spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-server.mjs')], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) log(`Could not bundle the server (exit ${r.status ?? r.signal}); it runs through tsx instead.`);
}

export function ensureAppBuild(log: Log = stderrLog): void {
  if (appBuildIsStale()) buildApp(log);
  if (serverBundleIsStale()) buildServerBundle(log);
}

/** A local Chromium-family browser: CHROMIUM_PATH, then the usual names on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return fs.existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  const names =
    process.platform === 'darwin'
      ? ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']
      : process.platform === 'win32'
        ? [
            path.join(env['PROGRAMFILES'] ?? 'C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'),
            path.join(env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
          ]
        : ['/usr/bin/chromium', 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  for (const name of names) {
    if (path.isAbsolute(name)) {
      if (fs.existsSync(name)) return name;
      continue;
    }
    for (const dir of (env.PATH ?? '').split(path.delimiter)) {
      const full = path.join(dir, name);
      if (dir && fs.existsSync(full)) return full;
    }
  }
  return null;
}

export type ElectronProbe = { ok: true; bin: string; version: string } | { ok: false; reason: string };

/**
 * Where the Electron binary is, or why it cannot be used. Never calls require('electron'):
 * with the binary missing, that would try to download it.
 */
export function findElectron(env: NodeJS.ProcessEnv = process.env): ElectronProbe {
  const pkgDir = path.join(ROOT, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(pkgDir, 'package.json'))) return { ok: false, reason: 'it is not installed' };
  const version = (JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const pathFile = path.join(pkgDir, 'path.txt');
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!fs.existsSync(pathFile) && !override) return { ok: false, reason: 'its binary could not be downloaded' };
  const rel = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : 'electron';
  const bin = override ? path.join(override, rel) : path.join(pkgDir, 'dist', rel);
  if (!fs.existsSync(bin)) return { ok: false, reason: 'its binary could not be downloaded' };
  if (!hasDisplay(env)) return { ok: false, reason: 'there is no display (DISPLAY/WAYLAND_DISPLAY unset)' };
  const probeEnv = { ...env };
  delete probeEnv.ELECTRON_RUN_AS_NODE;
  const probe = childProcess().spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 20_000, env: probeEnv });
  if (probe.status !== 0) {
    const why = (probe.error?.message ?? probe.stderr ?? '').trim().split('\n')[0] || `exit ${probe.status}`;
    return { ok: false, reason: `its binary does not run here (${why})` };
  }
  return { ok: true, bin, version };
}

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Chromium flags that keep a local browser from phoning home. */
export const QUIET_CHROMIUM_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-default-apps',
];

/** Open `url` as an app window (no tabs, no address bar) with a throwaway profile. */
export function openAppWindow(browser: string, url: string): ChildProcess {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'relations-desk-browser-'));
  const args = [`--app=${url}`, `--user-data-dir=${profile}`, ...QUIET_CHROMIUM_FLAGS];
  // Chromium refuses to start as root without this (containers, CI boxes).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const child = childProcess().spawn(browser, args, { stdio: 'ignore' });
  child.on('exit', () => fs.rmSync(profile, { recursive: true, force: true }));
  return child;
}

export interface ServeArgs {
  port: number;
  db: string;
  userDb: string;
  open: boolean;
  build: boolean;
  /** The renderer build to serve (default out/renderer). */
  rendererDir: string;
}

export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeArgs {
  const args: ServeArgs = {
    port: 0,
    db: env.RELATIONS_DESK_DB ? path.resolve(env.RELATIONS_DESK_DB) : DEFAULT_DB,
    userDb: path.join(defaultUserDataDir(env), 'user.db'),
    open: false,
    build: true,
    rendererDir: RENDERER_DIR,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error('--port must be a number from 0 to 65535.');
        args.port = n;
        break;
      }
      case '--db':
        args.db = path.resolve(value());
        break;
      case '--user-db':
        args.userDb = path.resolve(value());
        break;
      case '--renderer':
        args.rendererDir = path.resolve(value());
        break;
      case '--open':
        args.open = true;
        break;
      case '--no-build':
        args.build = false;
        break;
      case '-h':
      case '--help':
        throw new Error('usage');
      default:
        throw new Error(`Unknown option ${a}.`);
    }
  }
  return args;
}

/** The same folder Electron would use, so both editions share bookmarks. */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RELATIONS_DESK_USER_DATA) return path.resolve(env.RELATIONS_DESK_USER_DATA);
  const home = os.homedir();
  const name = 'Relations Desk';
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', name);
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), name);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), name);
}

export interface BrowserEdition {
  server: RunningServer;
  close(): Promise<void>;
}

/** Ensure data and build, then start the server. Does not print the URL. */
export async function startBrowserEdition(args: ServeArgs, log: Log = stderrLog): Promise<BrowserEdition> {
  if (args.build) {
    await ensureDatabase(args.db, log);
    ensureAppBuild(log);
  } else if (!fs.existsSync(path.join(args.rendererDir, 'index.html'))) {
    throw new Error(`No renderer build in ${args.rendererDir}; run \`npm run build:app\` (or drop --no-build).`);
  }
  // The server listens first; the handlers load right after, while the browser fetches the page,
  // and a call arriving before them waits. Should they fail to load, every call answers INTERNAL
  // with the reason (server.ts turns a throwing dispatch into an envelope).
  let desk: Promise<Desk> | null = null;
  const loaded = (): Promise<Desk> =>
    (desk ??= loadDesk().then(({ createDesk }) => createDesk({ dbPath: args.db, userDbPath: args.userDb })));
  const dispatcher: DeskDispatcher = { dispatch: async (method, params) => (await loaded()).dispatch(method, params) };
  const server = await startServer({ desk: dispatcher, rendererDir: args.rendererDir, port: args.port });
  // Then open the library and load its search index (an empty query finds nothing and costs
  // nothing else) while the browser loads the page, so its first calls do not wait for them.
  // Read-only; an error is left for the first real call to report.
  let closed = false;
  const warmUp = setTimeout(() => {
    void loaded()
      .then(async (d) => {
        if (closed) return;
        const r = await d.dispatch('info', {});
        if (r.ok && !closed) await d.dispatch('search', { query: '' });
      })
      .catch(() => {});
  }, 0);
  return {
    server,
    close: async () => {
      closed = true;
      clearTimeout(warmUp);
      await server.close();
      if (desk) (await desk.catch(() => null))?.close();
    },
  };
}

const USAGE = `Usage: npm run serve -- [--port N] [--db FILE] [--user-db FILE] [--open] [--no-build]
  --port N        listen on 127.0.0.1:N (default: a free port)
  --db FILE       the library database (default: resources/desk.db; built when missing or stale)
  --user-db FILE  bookmarks and reading positions (default: the app's user-data folder)
  --renderer DIR  serve this renderer build instead of out/renderer
  --open          show the app in a local Chromium window (app mode)
  --no-build      do not build the database or the renderer first`;

export async function main(argv: string[]): Promise<void> {
  let args: ServeArgs;
  try {
    args = parseServeArgs(argv);
  } catch (err) {
    const msg = (err as Error).message;
    process.stderr.write(msg === 'usage' ? `${USAGE}\n` : `${msg}\n${USAGE}\n`);
    process.exitCode = msg === 'usage' ? 0 : 2;
    return;
  }
  await runBrowserEdition(args, (url) => `Relations Desk (browser edition) is running at ${url}`);
}

/**
 * Start the browser edition and keep it running until Ctrl+C (or until the app window closes,
 * with --open). `headline(url)` is the one line printed to stdout once the server listens.
 */
export async function runBrowserEdition(args: ServeArgs, headline: (url: string) => string): Promise<BrowserEdition> {
  const edition = await startBrowserEdition(args);
  const url = edition.server.url;
  process.stdout.write(`${headline(url)}\n`);

  let shuttingDown = false;
  const shutdown = async (code = 0) => {
    if (shuttingDown) return;
    shuttingDown = true;
    await edition.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  if (args.open) {
    const browser = findChromium();
    if (!browser) {
      process.stderr.write('No Chromium or Chrome found (set CHROMIUM_PATH); open the URL above in any browser.\n');
    } else if (!hasDisplay()) {
      process.stderr.write('No display; open the URL above in a browser.\n');
    } else {
      const child = openAppWindow(browser, url);
      // Closing the app window ends the browser edition, as closing a desktop app would.
      child.on('exit', () => void shutdown(0));
      child.on('error', (err) => process.stderr.write(`Could not open ${browser}: ${err.message}\n`));
    }
  }
  process.stderr.write('Press Ctrl+C to stop.\n');
  return edition;
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
