// Where the app's own files are when it runs from a source checkout or a bundle: the package
// root, the corpus, the library database, the renderer build and the user-data folder. Every
// transport (CLI, browser edition, scripts, tests) resolves them here; Electron adds its packaged
// layout in src/main/paths.ts.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS_DIR = path.join(ROOT, 'corpus');
export const DEFAULT_DB = path.join(ROOT, 'resources', 'desk.db');
export const RENDERER_DIR = path.join(ROOT, 'out', 'renderer');

/** The library database a command opens: RELATIONS_DESK_DB when set, else the bundled one. */
export function libraryDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.RELATIONS_DESK_DB?.trim();
  return override ? path.resolve(override) : DEFAULT_DB;
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
