// Adding documents in the Electron app (issue 18): the renderer asks `desk:import` with a file's
// path (picked in its file chooser, dropped on the window, or chosen in File → Add documents…),
// the import runs in the importer's worker thread, and each progress step and the report go back
// on `desk:import-event` with the request's id; `desk:import-cancel` stops it. Same sender check
// as every other channel.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { ImportEvent } from '../shared/importApi';
import type { ImportReport } from '../shared/userDocuments';
import { ImportWorkers, importFiles, type ImportOptions } from '../host/importer';
import { isTrustedSender } from './ipc';

export const IMPORT_CHANNELS = { add: 'desk:import', event: 'desk:import-event', cancel: 'desk:import-cancel', menu: 'desk:menu-add' } as const;

export function registerImportIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'off'>, setup: Pick<ImportOptions, 'libraryFile' | 'bundledDb' | 'nativeBinding'>): () => void {
  const running = new Map<string, AbortController>();
  const workers = new ImportWorkers(setup);

  ipcMain.handle(IMPORT_CHANNELS.add, async (event: IpcMainInvokeEvent, request: unknown): Promise<ImportReport> => {
    const { id, path } = (request ?? {}) as { id?: unknown; path?: unknown };
    const name = typeof path === 'string' ? path.split(/[\\/]/).pop() ?? '' : '';
    if (!isTrustedSender(event)) return { file: name, status: 'refused', message: 'Refused: this caller is not the Relations Desk window.' };
    if (typeof id !== 'string' || typeof path !== 'string' || name === '') return { file: name, status: 'refused', message: 'Give the path of the file to add.' };
    const abort = new AbortController();
    running.set(id, abort);
    const send = (e: ImportEvent) => {
      if (!event.sender.isDestroyed()) event.sender.send(IMPORT_CHANNELS.event, id, e);
    };
    try {
      const [report] = await importFiles({ ...setup, files: [{ name, path }], workers, signal: abort.signal, onProgress: (progress) => send({ type: 'progress', progress }) });
      return report!;
    } finally {
      running.delete(id);
    }
  });
  const cancel = (event: IpcMainEvent, id: unknown) => {
    if (isTrustedSender(event) && typeof id === 'string') running.get(id)?.abort();
  };
  ipcMain.on(IMPORT_CHANNELS.cancel, cancel);
  return () => {
    ipcMain.removeHandler(IMPORT_CHANNELS.add);
    ipcMain.off(IMPORT_CHANNELS.cancel, cancel);
    for (const a of running.values()) a.abort();
    void workers.close();
  };
}
