// Local browsers the app may drive: a Chromium for the browser edition's window, PDF briefings
// and the e2e tests, and Electron's binary when it was downloaded. Never require('electron'):
// with the binary missing, that would try to download it.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './paths';

const requireBuiltin = createRequire(import.meta.url);
const childProcess = (): typeof import('node:child_process') => requireBuiltin('node:child_process');

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
