// Which better-sqlite3 addon the Electron main process loads.
//
// node_modules/better-sqlite3 is built for Node (tests, CLI, browser edition). Electron has
// another ABI, so scripts/start.mjs builds a second copy of the addon for it under
// .cache/electron-native/ and records it in .cache/electron-native/current.json. The main
// process passes that file to better-sqlite3 as `nativeBinding`; node_modules is never touched,
// so one runtime's build never breaks the other.
//
// Packaged builds (electron-builder rebuilds node_modules for Electron) need no override.
import fs from 'node:fs';
import path from 'node:path';

export const NATIVE_BINDING_ENV = 'RELATIONS_DESK_NATIVE_BINDING';

export interface NativeManifest {
  electron: string;
  platform: string;
  arch: string;
  betterSqlite3: string;
  /** Absolute path of better_sqlite3.node built for that Electron. */
  binding: string;
}

export const NATIVE_CACHE_DIR = path.join('.cache', 'electron-native');
export const NATIVE_MANIFEST = path.join(NATIVE_CACHE_DIR, 'current.json');

/**
 * The addon for this Electron, or undefined to let better-sqlite3 find its own (packaged app).
 * Throws with a readable message when a development checkout has no usable Electron build.
 */
export function electronNativeBinding(opts: {
  isPackaged: boolean;
  appPath: string;
  electronVersion: string;
  env: NodeJS.ProcessEnv;
}): string | undefined {
  const fromEnv = opts.env[NATIVE_BINDING_ENV]?.trim();
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`${NATIVE_BINDING_ENV} points at a missing file: ${fromEnv}`);
    return fromEnv;
  }
  if (opts.isPackaged) return undefined;
  const manifestPath = path.join(opts.appPath, NATIVE_MANIFEST);
  let manifest: NativeManifest | null = null;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as NativeManifest;
  } catch {
    manifest = null;
  }
  if (
    manifest &&
    manifest.electron === opts.electronVersion &&
    manifest.platform === process.platform &&
    manifest.arch === process.arch &&
    fs.existsSync(manifest.binding)
  ) {
    return manifest.binding;
  }
  throw new Error(
    `No better-sqlite3 build for Electron ${opts.electronVersion} in ${path.dirname(manifestPath)}. ` +
      'Start the app with `npm start`, which builds it once.',
  );
}
