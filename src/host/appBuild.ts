// The app's build outputs (electron-vite's main/preload/renderer, the bundled server) and whether
// they are older than their sources; `npm start`, the browser edition, the CLI's PDF briefing and
// the tests build what is missing before using it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { newestMtime, serverBundleIsFresh, serverBundlePath } from './freshness.mjs';
import { RENDERER_DIR, ROOT } from './paths';

type Log = (line: string) => void;
const stderrLog: Log = (line) => process.stderr.write(`${line}\n`);
const requireBuiltin = createRequire(import.meta.url);
const childProcess = (): typeof import('node:child_process') => requireBuiltin('node:child_process');

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
export const SERVER_BUNDLE = serverBundlePath(ROOT);

/** True when the server bundle is missing or older than the sources it is built from. */
export function serverBundleIsStale(): boolean {
  return !serverBundleIsFresh(ROOT);
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
