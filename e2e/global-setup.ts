// Runs once before all specs: build what the specs need, and fail early (never skip) when the
// browser edition cannot be tested.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_DB, RENDERER_DIR } from '../src/host/paths';
import { ensureAppBuild } from '../src/host/appBuild';
import { ensureDatabase } from '../src/host/libraryFile';
import { findChromium, findElectron } from '../src/host/browsers';

export default async function globalSetup(): Promise<() => void> {
  const log = (line: string) => process.stdout.write(`[e2e setup] ${line}\n`);
  const chromium = findChromium();
  if (!chromium) {
    throw new Error(
      'The e2e tests need a Chromium and none was found. Install one (Debian: `apt-get install chromium`) ' +
        'or set CHROMIUM_PATH to a Chromium/Chrome executable. These tests are never skipped.',
    );
  }
  log(`Chromium: ${chromium}`);
  await ensureDatabase(DEFAULT_DB, log);
  ensureAppBuild(log);
  // The browser edition serves a private copy of the renderer build, so a rebuild of out/ while
  // the specs run (another terminal, an editor's watcher) cannot pull it from under them.
  const renderer = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-renderer-'));
  fs.cpSync(RENDERER_DIR, renderer, { recursive: true });
  process.env.RELATIONS_DESK_E2E_RENDERER = renderer;
  const electron = findElectron();
  log(electron.ok ? `Electron: ${electron.bin} (${electron.version})` : `Electron specs will be skipped: Electron is not available here (${electron.reason}).`);
  return () => fs.rmSync(renderer, { recursive: true, force: true });
}
