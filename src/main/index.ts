// The Electron main process: app lifecycle and the one window. Data lives behind createDesk
// (src/services/desk.ts); IPC in ipc.ts; Electron hardening in harden.ts (policy: src/host/security.ts); file locations in paths.ts.
import fs from 'node:fs';
import path from 'node:path';
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import { createDesk, type Desk } from '../services/desk';
import { registerDeskIpc } from './ipc';
import { IMPORT_CHANNELS, registerImportIpc } from './importIpc';
import { refreshAdded, removeAdded, userLibraryIn } from '../host/importer';
import { IMPORT_ACCEPT } from '../shared/importApi';
import { menuTemplate } from './menu';
import { electronNativeBinding } from './native';
import { printWindow, savePdf } from './print';
import { resolveAppPaths, userDataOverride, type AppPaths } from './paths';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  SECURITY_HEADERS,
  resolveInside,
} from '../host/security';
import { hardenSession, hardenWebContents } from './harden';
import { loadWindowState, saveWindowState, type WindowState } from './window-state';
import { contentTypeFor } from '../host/mime';
import { CrashGuard, crashPageUrl } from './crashGuard';

const APP_NAME = 'Relations Desk';
const isDev = !app.isPackaged;

// --- Before ready -------------------------------------------------------------------------------
// The user-data folder must be fixed before anything reads it (the single-instance lock does).
// Same folder the browser edition uses (src/web/serve.ts defaultUserDataDir), so both share
// bookmarks; RELATIONS_DESK_USER_DATA moves it (tests, portable use).
app.setName(APP_NAME);
app.setPath('userData', userDataOverride(process.env) ?? path.join(app.getPath('appData'), APP_NAME));
app.enableSandbox();

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);

let mainWindow: BrowserWindow | null = null;
let desk: Desk | null = null;
let removeIpc: (() => void) | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another Relations Desk owns this user-data folder; it will focus its window.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every web contents, present and future, gets the navigation/new-window rules.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));

  app.whenReady().then(start, (err: unknown) => fatal(err));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => {
    removeIpc?.();
    desk?.close();
    desk = null;
  });
}

function start(): void {
  const paths = resolveAppPaths({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    userData: app.getPath('userData'),
    env: process.env,
  });

  hardenSession(session.defaultSession);
  serveRenderer(paths.rendererDir);

  let nativeBinding: string | undefined;
  try {
    nativeBinding = electronNativeBinding({
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
      electronVersion: process.versions.electron,
      env: process.env,
    });
  } catch (err) {
    fatal(err);
    return;
  }

  // A missing or damaged library DB does not stop the app: every call then answers
  // DB_MISSING / DB_CORRUPT / DB_STALE with the rebuild command, and the renderer shows it.
  // The user's added documents live beside the bookmarks (issue 18).
  const added = { libraryFile: userLibraryIn(path.dirname(paths.userDb)), bundledDb: paths.libraryDb, ...(nativeBinding ? { nativeBinding } : {}) };
  desk = createDesk({ dbPath: paths.libraryDb, userDbPath: paths.userDb, nativeBinding, userLibraryPath: added.libraryFile, removeUserDocument: (slug) => removeAdded(added, slug) });
  const removeDeskIpc = registerDeskIpc(ipcMain, desk);
  const removeImportIpc = registerImportIpc(ipcMain, added);
  removeIpc = () => {
    removeDeskIpc();
    removeImportIpc();
  };
  // Documents added with another version of the app are rewritten for this one, off this thread.
  if (fs.existsSync(added.libraryFile)) void refreshAdded(added).catch((err: unknown) => console.error('Your documents could not be brought up to date:', err));

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        appName: APP_NAME,
        isMac: process.platform === 'darwin',
        isDev,
        focused: () => BrowserWindow.getFocusedWindow()?.webContents ?? mainWindow?.webContents ?? null,
        showAbout: () => app.showAboutPanel(),
        print: () => {
          const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
          if (win) void printWindow(win).catch((err: unknown) => console.error('Print failed:', err));
        },
        addDocuments: () => {
          const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
          if (!win) return;
          void dialog
            .showOpenDialog(win, { title: 'Add documents', properties: ['openFile', 'multiSelections'], filters: [{ name: 'Documents', extensions: IMPORT_ACCEPT.split(',').map((e) => e.slice(1)) }] })
            .then((r) => {
              if (!r.canceled && r.filePaths.length > 0) win.webContents.send(IMPORT_CHANNELS.menu, r.filePaths);
            });
        },
        savePdf: () => {
          const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
          if (win) void savePdf(win).catch((err: unknown) => console.error('Save as PDF failed:', err));
        },
      }),
    ),
  );
  app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: app.getVersion() });

  createWindow(paths);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(paths);
  });
}

function createWindow(paths: AppPaths): void {
  const state = loadWindowState(
    paths.windowState,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: APP_NAME,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1d21' : '#ffffff',
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  mainWindow = win;
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let saveTimer: NodeJS.Timeout | undefined;
  const currentState = (): WindowState => {
    const b = win.getNormalBounds();
    return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
  };
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (!win.isDestroyed()) trySave(paths.windowState, currentState());
    }, 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('close', () => {
    clearTimeout(saveTimer);
    trySave(paths.windowState, currentState());
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  const crashes = new CrashGuard();
  win.webContents.on('render-process-gone', (_e, details) => {
    const action = crashes.onGone(details.reason);
    console.error(`Renderer gone (${details.reason}); ${action === 'reload' ? 'reloading' : action === 'crash-screen' ? 'showing the crash screen' : 'not reloading'}.`);
    if (win.isDestroyed()) return;
    if (action === 'reload') win.reload();
    else if (action === 'crash-screen') void win.loadURL(crashPageUrl(details.reason));
  });

  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

function trySave(file: string, state: WindowState): void {
  try {
    saveWindowState(file, state);
  } catch (err) {
    console.error('Could not save the window position:', err);
  }
}

/** app://desk/<path> → a file of the renderer build; app routes fall back to index.html. */
function serveRenderer(rendererDir: string): void {
  const index = path.join(rendererDir, 'index.html');
  let rendererRoot = path.resolve(rendererDir);
  try {
    rendererRoot = fs.realpathSync(rendererRoot);
  } catch {
    // No build yet: every request then answers the "screens are missing" page below.
  }
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const candidate = resolveInside(rendererDir, url.pathname);
    if (candidate === null) return new Response('Bad path', { status: 400 });
    let file = candidate;
    try {
      // A symlink inside the build must not lead outside it (the same rule as the browser edition).
      file = await fs.promises.realpath(candidate);
      if (file !== rendererRoot && !file.startsWith(rendererRoot + path.sep)) return new Response('Not found', { status: 404 });
      const stat = await fs.promises.stat(file);
      if (!stat.isFile()) file = index;
    } catch {
      if (path.extname(url.pathname) !== '') return new Response('Not found', { status: 404 });
      file = index;
    }
    try {
      const body = await fs.promises.readFile(file);
      return new Response(body, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) },
      });
    } catch {
      return new Response(
        `The app's screens are missing (${rendererDir}). Run \`npm run build:app\`.`,
        { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
      );
    }
  });
}

function fatal(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  console.error(message);
  dialog.showErrorBox(`${APP_NAME} could not start`, message);
  app.exit(1);
}
