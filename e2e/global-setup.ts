// Runs once before all specs: build what the specs need, and fail early (never skip) when the
// browser edition cannot be tested.
import { DEFAULT_DB, ensureAppBuild, ensureDatabase, findChromium, findElectron } from '../src/web/serve';

export default async function globalSetup(): Promise<void> {
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
  const electron = findElectron();
  log(electron.ok ? `Electron: ${electron.bin} (${electron.version})` : `Electron specs will be skipped: Electron is not available here (${electron.reason}).`);
}
