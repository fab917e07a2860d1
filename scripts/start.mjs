#!/usr/bin/env node
// `npm start`: the desktop app where Electron can run, otherwise the browser edition.
//
//   1. build the library DB if it is missing or out of date (resources/desk.db);
//   2. if Electron's binary is present, runs, and there is a display: build the app
//      (electron-vite), build better-sqlite3 for Electron's ABI once (scripts/native.mjs), and
//      launch Electron;
//   3. otherwise say so in one line, with the URL, and start the browser edition (opening a
//      local Chromium in app mode when one is installed and there is a display).
//
// Options: --browser  use the browser edition even where Electron runs
//          --port N   port for the browser edition
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serverModule } from './server-module.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// src/web/serve.ts: its bundle (out/web/serve.mjs) when fresh, else the TypeScript through tsx.
const serve = await serverModule();
const { ensureNativeBinding } = await import('./native.mjs');

let options;
try {
  ({ values: options } = parseArgs({ options: { browser: { type: 'boolean' }, port: { type: 'string' } }, strict: true }));
} catch (err) {
  console.error(`${err.message}\nUsage: npm start [-- --browser] [--port N]`);
  process.exit(2);
}
const forceBrowser = options.browser === true || process.env.RELATIONS_DESK_BROWSER === '1';
const port = options.port;

function startBrowserEdition(reason) {
  const args = serve.parseServeArgs(port ? ['--port', port] : []);
  args.open = serve.hasDisplay() && serve.findChromium() !== null;
  // Already ensured above; build the renderer only if needed.
  return serve.runBrowserEdition(args, (url) =>
    reason
      ? `Electron is not available on this machine (${reason}); starting the browser edition at ${url}`
      : `Starting the browser edition at ${url}`,
  );
}

function launchElectron(electron, binding) {
  const env = { ...process.env, RELATIONS_DESK_NATIVE_BINDING: binding };
  delete env.ELECTRON_RUN_AS_NODE;
  const args = [ROOT];
  // Chromium will not start as root with its sandbox on (containers); say so, don't hide it.
  if (process.getuid?.() === 0) {
    console.error('Running as root: starting Electron with --no-sandbox.');
    args.push('--no-sandbox');
  }
  console.log(`Starting Relations Desk (Electron ${electron.version})…`);
  const child = spawn(electron.bin, args, { stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

try {
  await serve.ensureDatabase(serve.DEFAULT_DB);
  const electron = forceBrowser ? { ok: false, reason: null } : serve.findElectron();
  serve.ensureAppBuild();
  if (electron.ok) {
    let binding = null;
    try {
      binding = ensureNativeBinding({ runtime: 'electron', target: electron.version });
    } catch (err) {
      console.error(err.message);
    }
    if (binding) launchElectron(electron, binding);
    else await startBrowserEdition('better-sqlite3 could not be built for Electron, see above');
  } else {
    await startBrowserEdition(electron.reason);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
