// `npm run serve [-- --port N] [--db FILE] [--user-db FILE] [--open] [--no-build]`
//
// The browser edition: ensures the library DB and the renderer build exist (building them when
// missing or out of date), starts the loopback server, prints the URL, and with --open shows the
// app in a local Chromium in app mode. 
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Desk } from '../services/desk';
import { ensureAppBuild } from '../host/appBuild';
import { findChromium, hasDisplay, openAppWindow } from '../host/browsers';
import { ensureDatabase } from '../host/libraryFile';
import { defaultUserDataDir, libraryDbPath, RENDERER_DIR } from '../host/paths';
import { startServer, type DeskDispatcher, type RunningServer } from './server';
import { importRoute } from './importRoute';
import { refreshAdded, removeAdded, userLibraryIn } from '../host/importer';

// scripts/start.mjs (`npm start`) loads this module, bundled, and decides Electron or the browser
// edition with these: one module to build and load at start-up.
export { ensureAppBuild } from '../host/appBuild';
export { findChromium, findElectron, hasDisplay } from '../host/browsers';
export { ensureDatabase } from '../host/libraryFile';
export { DEFAULT_DB } from '../host/paths';

// The handlers with their schemas (zod) and services (SQLite) load after the server listens, so
// it listens sooner; in the bundle (scripts/build-server.mjs) they are a chunk of their own.
const loadDesk = () => import('../services/desk');

type Log = (line: string) => void;
const stderrLog: Log = (line) => process.stderr.write(`${line}\n`);

export interface ServeArgs {
  port: number;
  db: string;
  userDb: string;
  open: boolean;
  build: boolean;
  /** The renderer build to serve (default out/renderer). */
  rendererDir: string;
}

const SERVE_OPTIONS = {
  port: { type: 'string' },
  db: { type: 'string' },
  'user-db': { type: 'string' },
  renderer: { type: 'string' },
  open: { type: 'boolean' },
  'no-build': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Throws an Error whose message is the problem ('usage' for --help), as main() prints it. */
export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeArgs {
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof SERVE_OPTIONS; strict: true }>>['values'];
  try {
    ({ values } = parseArgs({ args: argv, options: SERVE_OPTIONS, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new Error((err as Error).message.replace(/\. To specify .*$/s, '.'));
  }
  if (values.help) throw new Error('usage');
  const nonEmpty = (flag: string, v: string | undefined): string | undefined => {
    if (v !== undefined && v.trim() === '') throw new Error(`--${flag} needs a value.`);
    return v;
  };
  let port = 0;
  if (values.port !== undefined) {
    port = Number(nonEmpty('port', values.port));
    if (!/^\d+$/.test(values.port.trim()) || port > 65535) throw new Error('--port must be a number from 0 to 65535.');
  }
  const db = nonEmpty('db', values.db);
  const userDb = nonEmpty('user-db', values['user-db']);
  const renderer = nonEmpty('renderer', values.renderer);
  return {
    port,
    db: db ? path.resolve(db) : libraryDbPath(env),
    userDb: userDb ? path.resolve(userDb) : path.join(defaultUserDataDir(env), 'user.db'),
    open: values.open ?? false,
    build: !(values['no-build'] ?? false),
    rendererDir: renderer ? path.resolve(renderer) : RENDERER_DIR,
  };
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
  // The user's added documents live beside the bookmarks (issue 18).
  const added = { libraryFile: userLibraryIn(path.dirname(args.userDb)), bundledDb: args.db };
  const loaded = (): Promise<Desk> =>
    (desk ??= loadDesk().then(({ createDesk }) =>
      createDesk({ dbPath: args.db, userDbPath: args.userDb, userLibraryPath: added.libraryFile, removeUserDocument: (slug) => removeAdded(added, slug) }),
    ));
  const dispatcher: DeskDispatcher = { dispatch: async (method, params) => (await loaded()).dispatch(method, params) };
  const server = await startServer({ desk: dispatcher, rendererDir: args.rendererDir, port: args.port, importer: importRoute(added) });
  // Documents added with another version of the app are rewritten for this one, off this thread.
  if (fs.existsSync(added.libraryFile)) void refreshAdded(added).catch((err: unknown) => log(`Your documents could not be brought up to date: ${(err as Error).message}`));
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
