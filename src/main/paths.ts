// Where the app's files live. Pure functions of what Electron reports, so they can be tested and
// reasoned about without Electron; index.ts passes in app.isPackaged, app.getAppPath(), …
import path from 'node:path';

export interface PathInputs {
  isPackaged: boolean;
  /** app.getAppPath(): the repo root in development (package.json's folder), app.asar when packaged. */
  appPath: string;
  /** process.resourcesPath: next to app.asar when packaged. */
  resourcesPath: string;
  /** app.getPath('userData'), after any override. */
  userData: string;
  env: NodeJS.ProcessEnv;
}

export interface AppPaths {
  /** The bundled library DB, opened read-only. Outside the asar archive when packaged. */
  libraryDb: string;
  /** The reader's own DB: bookmarks, reading positions. */
  userDb: string;
  windowState: string;
  /** The renderer build served over app://desk/. */
  rendererDir: string;
  preload: string;
}

/** Environment variable that moves the user-data folder (tests, portable installs). */
export const USER_DATA_ENV = 'RELATIONS_DESK_USER_DATA';
/** Environment variable that points at another library DB (tests, `--db`). */
export const LIBRARY_DB_ENV = 'RELATIONS_DESK_DB';

export function userDataOverride(env: NodeJS.ProcessEnv): string | null {
  const value = env[USER_DATA_ENV]?.trim();
  return value ? path.resolve(value) : null;
}

export function resolveAppPaths(inputs: PathInputs): AppPaths {
  const { isPackaged, appPath, resourcesPath, userData, env } = inputs;
  // Packaged: electron-builder's extraResources puts resources/desk.db at <resourcesPath>/desk.db,
  // outside app.asar (SQLite cannot open a file inside an archive).
  const bundled = isPackaged
    ? path.join(resourcesPath, 'desk.db')
    : path.join(appPath, 'resources', 'desk.db');
  const override = env[LIBRARY_DB_ENV]?.trim();
  return {
    libraryDb: override ? path.resolve(override) : bundled,
    userDb: path.join(userData, 'user.db'),
    windowState: path.join(userData, 'window-state.json'),
    rendererDir: path.join(appPath, 'out', 'renderer'),
    preload: path.join(appPath, 'out', 'preload', 'index.cjs'),
  };
}
