// The Electron binary cannot run in every environment (CI boxes without it, headless servers), so
// this test drives src/main/index.ts against a recording stand-in for the `electron` module:
// lifecycle wiring, window options, the app:// protocol handler and the IPC handlers (on the
// real library DB). What only Chromium can show is covered by e2e/ under _electron.launch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../shared/api';
import { buildDatabase } from '../ingest/build';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-main-'));
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-renderer-'));

type Listener = (...args: unknown[]) => unknown;

const rec = vi.hoisted(() => ({
  appEvents: new Map<string, ((...args: unknown[]) => unknown)[]>(),
  paths: new Map<string, string>(),
  privileged: [] as unknown[],
  protocolHandlers: new Map<string, (req: Request) => Promise<Response>>(),
  ipc: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  windows: [] as { options: Record<string, unknown>; loaded: string[]; reloads: number; contentsEvents: Map<string, (...args: unknown[]) => unknown> }[],
  menu: null as unknown,
  sandboxEnabled: false,
  sessionHardened: { headers: false, permissions: false, requests: false },
  readyResolve: null as null | (() => void),
  errors: [] as string[],
}));

vi.mock('electron', () => {
  const on = (event: string, fn: Listener) => {
    const list = rec.appEvents.get(event) ?? [];
    list.push(fn);
    rec.appEvents.set(event, list);
  };
  const ready = new Promise<void>((resolve) => (rec.readyResolve = resolve));
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    static getFocusedWindow = () => BrowserWindow.all[0] ?? null;
    record: { options: Record<string, unknown>; loaded: string[]; reloads: number; contentsEvents: Map<string, Listener> };
    webContents = { on: (event: string, fn: Listener) => this.record.contentsEvents.set(event, fn), setWindowOpenHandler: () => undefined, mainFrame: {} };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], reloads: 0, contentsEvents: new Map() };
      rec.windows.push(this.record);
      BrowserWindow.all.push(this);
    }
    once() {}
    on() {}
    maximize() {}
    isMinimized = () => false;
    isMaximized = () => false;
    isDestroyed = () => false;
    getNormalBounds = () => ({ x: 1, y: 2, width: 1000, height: 700 });
    reload() {
      this.record.reloads++;
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    app: {
      isPackaged: false,
      setName: () => undefined,
      setPath: (k: string, v: string) => rec.paths.set(k, v),
      getPath: (k: string) => rec.paths.get(k) ?? path.join(os.tmpdir(), `electron-${k}`),
      getAppPath: () => ROOT,
      getVersion: () => '0.0.0-test',
      enableSandbox: () => (rec.sandboxEnabled = true),
      requestSingleInstanceLock: () => true,
      on,
      whenReady: () => ready,
      setAboutPanelOptions: () => undefined,
      showAboutPanel: () => undefined,
      quit: () => undefined,
      exit: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => rec.privileged.push(...s),
      handle: (scheme: string, fn: (req: Request) => Promise<Response>) => rec.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: () => (rec.sessionHardened.headers = true),
          onBeforeRequest: () => (rec.sessionHardened.requests = true),
        },
        setPermissionRequestHandler: () => (rec.sessionHardened.permissions = true),
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
        setDisplayMediaRequestHandler: () => undefined,
        on: () => undefined,
      },
    },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) => rec.ipc.set(channel, fn),
      removeHandler: (channel: string) => rec.ipc.delete(channel),
      on: () => undefined,
      off: () => undefined,
    },
    BrowserWindow,
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (rec.menu = m) },
    dialog: { showErrorBox: (_t: string, m: string) => rec.errors.push(m) },
    nativeTheme: { shouldUseDarkColors: false },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: async () => undefined },
  };
});

// The renderer build this test serves: a stand-in for out/renderer, so the test does not depend
// on a build having run.
vi.mock('./paths', async (importOriginal) => {
  const real = await importOriginal<typeof import('./paths')>();
  return {
    ...real,
    resolveAppPaths: (inputs: Parameters<typeof real.resolveAppPaths>[0]) => ({
      ...real.resolveAppPaths(inputs),
      rendererDir,
    }),
  };
});

beforeAll(async () => {
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Relations Desk</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {}');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'outside-secret.txt'), 'SECRET');
  // A library built from the real corpus, in a temp file (the test never needs resources/desk.db).
  const db = path.join(userData, 'library', 'desk.db');
  buildDatabase({ corpusDir: path.join(ROOT, 'corpus'), outFile: db });
  process.env.RELATIONS_DESK_USER_DATA = userData;
  process.env.RELATIONS_DESK_DB = db;
  // Node's own build stands in for the Electron build of better-sqlite3.
  process.env.RELATIONS_DESK_NATIVE_BINDING = path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  await import('./index');
  rec.readyResolve!();
  await new Promise((r) => setTimeout(r, 50));
}, 60_000);

afterAll(() => {
  for (const k of ['RELATIONS_DESK_USER_DATA', 'RELATIONS_DESK_DB', 'RELATIONS_DESK_NATIVE_BINDING']) delete process.env[k];
  fs.rmSync(userData, { recursive: true, force: true });
  fs.rmSync(rendererDir, { recursive: true, force: true });
  fs.rmSync(path.join(path.dirname(rendererDir), 'outside-secret.txt'), { force: true });
});

function trustedEvent() {
  const mainFrame = { url: 'app://desk/index.html#/', parent: null };
  return { senderFrame: mainFrame, sender: { mainFrame } };
}

describe('Electron main (against a stand-in electron module)', () => {
  it('sets up before ready: user data override, sandbox for all, app:// as a privileged scheme', () => {
    expect(rec.errors).toEqual([]);
    expect(rec.paths.get('userData')).toBe(userData);
    expect(rec.sandboxEnabled).toBe(true);
    expect(rec.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(rec.appEvents.has('second-instance')).toBe(true);
    expect(rec.appEvents.has('web-contents-created')).toBe(true);
  });

  it('hardens the session (CSP headers, no permissions, no remote requests)', () => {
    expect(rec.sessionHardened).toEqual({ headers: true, permissions: true, requests: true });
  });

  it('opens one window with the secure webPreferences and loads app://desk/', () => {
    expect(rec.windows).toHaveLength(1);
    const prefs = rec.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(prefs.preload).toBe(path.join(ROOT, 'out', 'preload', 'index.cjs'));
    expect(rec.windows[0]!.loaded).toEqual(['app://desk/index.html']);
    expect(rec.menu).toBeTruthy();
  });

  it('serves the renderer over app:// with security headers, falling back to index.html, never outside it', async () => {
    const handle = rec.protocolHandlers.get('app')!;
    const index = await handle(new Request('app://desk/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('Relations Desk');

    const js = await handle(new Request('app://desk/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handle(new Request('app://desk/some/route'))).status).toBe(200);
    expect((await handle(new Request('app://desk/assets/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://other/index.html'))).status).toBe(404);
    const escape = await handle(new Request('app://desk/..%2foutside-secret.txt'));
    expect(escape.status).toBe(400);
    expect(await escape.text()).not.toContain('SECRET');
  });

  it('does not follow a symlink in the renderer build to a file outside it', async () => {
    const handle = rec.protocolHandlers.get('app')!;
    fs.symlinkSync(path.join(path.dirname(rendererDir), 'outside-secret.txt'), path.join(rendererDir, 'assets', 'leak.txt'));
    const leak = await handle(new Request('app://desk/assets/leak.txt'));
    expect(leak.status).toBe(404);
    expect(await leak.text()).not.toContain('SECRET');
  });

  it('reloads a crashed renderer a few times, then shows the crash screen instead of looping', () => {
    const win = rec.windows[0]!;
    const gone = win.contentsEvents.get('render-process-gone')!;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (let i = 0; i < 5; i++) gone({}, { reason: 'crashed', exitCode: 1 });
    errors.mockRestore();
    expect(win.reloads).toBe(3);
    expect(win.loaded.slice(1).every((u) => u.startsWith('data:text/html'))).toBe(true);
    expect(decodeURIComponent(win.loaded.at(-1)!)).toContain('Relations Desk stopped working');
  });

  it('answers IPC on desk:<method> with envelopes from the real library and the user DB', async () => {
    const docs = (await rec.ipc.get('desk:listDocuments')!(trustedEvent(), {})) as Envelope<{ slug: string }[]>;
    expect(docs.ok && docs.value.length).toBe(5);

    const hit = (await rec.ipc.get('desk:search')!(trustedEvent(), { query: 'Kucove' })) as Envelope<{
      results: { anchor: string }[];
    }>;
    expect(hit.ok && hit.value.results[0]?.anchor).toBe('kucove-air-base');

    const bad = (await rec.ipc.get('desk:search')!(trustedEvent(), { query: 42 })) as Envelope<unknown>;
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    const added = (await rec.ipc.get('desk:addBookmark')!(trustedEvent(), {
      docSlug: 'albania-nato-relations',
      anchor: 'kucove-air-base',
    })) as Envelope<{ label: string }>;
    expect(added.ok && added.value.label).toMatch(/Kuçovë Air Base/);
    expect(fs.existsSync(path.join(userData, 'user.db'))).toBe(true);

    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null }, sender: { mainFrame: null } };
    const refused = (await rec.ipc.get('desk:listBookmarks')!(foreign, {})) as Envelope<unknown>;
    expect(refused.ok).toBe(false);
  });

  it('closes the desk and removes the IPC handlers on quit', () => {
    for (const fn of rec.appEvents.get('will-quit') ?? []) fn();
    expect(rec.ipc.size).toBe(0);
  });
});
