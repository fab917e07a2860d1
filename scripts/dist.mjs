#!/usr/bin/env node
// `npm run dist`: the installable packages for this platform, in dist/ (electron-builder.js says
// which: Linux AppImage and .deb, Windows NSIS, macOS dmg). Extra arguments go to electron-builder
// (`npm run dist -- --dir` for the unpacked folder only, `-- --linux AppImage` for one target).
//
//   1. build the library (resources/desk.db) from corpus/ and the app's bundles (out/);
//   2. electron-builder packages them; it rebuilds better-sqlite3 for Electron's ABI in
//      node_modules (a prebuilt binary when one can be fetched, else a compile: Python and a C++
//      compiler), downloads Electron and the target tools (appimagetool, fpm) on first use;
//   3. puts the Node build of better-sqlite3 back, so `npm test`, the CLI and the browser edition
//      keep working after packaging (the same addon cannot serve both runtimes).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ADDON = path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

function run(label, command, args) {
  console.log(`\n== ${label}`);
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${label} failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`}).`);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-dist-')), 'better_sqlite3.node');
try {
  run('library: corpus/ → resources/desk.db', process.execPath, [path.join(ROOT, 'bin', 'relations-desk.mjs'), 'build']);
  run('app bundles → out/', npm, ['run', '--silent', 'build:app']);
  if (fs.existsSync(ADDON)) fs.copyFileSync(ADDON, saved);
  run('electron-builder → dist/', process.execPath, [path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js'), ...process.argv.slice(2)]);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
} finally {
  if (fs.existsSync(saved)) {
    fs.copyFileSync(saved, ADDON);
    console.log('Restored the Node build of better-sqlite3 in node_modules.');
  }
  fs.rmSync(path.dirname(saved), { recursive: true, force: true });
}
