import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportEvent } from '../shared/importApi';
import type { ImportReport } from '../shared/userDocuments';
import { IMPORT_CHANNELS, registerImportIpc } from './importIpc';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-import-ipc-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Handler = (event: unknown, request: unknown) => Promise<ImportReport>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  return {
    handlers,
    listeners,
    handle: (channel: string, fn: Handler) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
    on: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, fn),
    off: (channel: string) => listeners.delete(channel),
  };
}

function eventFrom(url: string, sent: unknown[][]) {
  const main = { url, parent: null };
  return { senderFrame: main, sender: { mainFrame: main, isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) } };
}

describe('registerImportIpc', () => {
  const ipc = fakeIpcMain();
  const remove = registerImportIpc(ipc as never, { libraryFile: path.join(dir, 'user-library.db') });
  fs.writeFileSync(path.join(dir, 'chad.md'), '# Chad notes\n\nAlbania and Chad established relations in 1971.\n');

  it('adds a file by its path and sends its progress back to the window that asked', async () => {
    const sent: unknown[][] = [];
    const report = await ipc.handlers.get(IMPORT_CHANNELS.add)!(eventFrom('app://desk/', sent), { id: 'import-1', path: path.join(dir, 'chad.md') });
    expect(report).toMatchObject({ file: 'chad.md', status: 'added', slug: 'my-chad-notes' });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every(([channel, id]) => channel === IMPORT_CHANNELS.event && id === 'import-1')).toBe(true);
    expect((sent.map((s) => s[2]) as ImportEvent[]).map((e) => e.type === 'progress' && e.progress.stage)).toContain('indexing');
  }, 60_000);

  it('refuses a caller that is not the app window, and a request without a path', async () => {
    const sent: unknown[][] = [];
    expect(await ipc.handlers.get(IMPORT_CHANNELS.add)!(eventFrom('https://evil.example/', sent), { id: 'x', path: '/etc/passwd' })).toMatchObject({ status: 'refused', message: 'Refused: this caller is not the Relations Desk window.' });
    expect(await ipc.handlers.get(IMPORT_CHANNELS.add)!(eventFrom('app://desk/', sent), { id: 'x' })).toMatchObject({ status: 'refused', message: 'Give the path of the file to add.' });
    expect(sent).toEqual([]);
  });

  it('removes its channels', () => {
    remove();
    expect(ipc.handlers.size).toBe(0);
    expect(ipc.listeners.size).toBe(0);
  });
});
