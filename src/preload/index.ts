// The preload exposes exactly one thing: `window.desk`, a DeskApi. Each method invokes its
// `desk:<method>` channel and unwraps the Envelope: the value on success, otherwise a rejection
// with a plain {code, message, hint} object (contextBridge clones plain objects faithfully; the
// renderer's DeskError.from() turns it back into a DeskError). Never raw ipcRenderer.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { ImportEvent } from '../shared/importApi';
import type { ImportReport } from '../shared/userDocuments';
import type { DeskErrorShape, DeskMethod, Envelope } from '../shared/api';
import { deskApiFrom } from '../shared/deskApi';

async function call(method: DeskMethod, params: unknown): Promise<unknown> {
  const reply = (await ipcRenderer.invoke(`desk:${method}`, params ?? {})) as Envelope<unknown>;
  if (reply && reply.ok === true) return reply.value;
  const error: DeskErrorShape =
    reply && reply.ok === false && reply.error
      ? { code: reply.error.code, message: reply.error.message }
      : { code: 'INTERNAL', message: `No reply from ${method}.` };
  if (reply && reply.ok === false && typeof reply.error?.hint === 'string') error.hint = reply.error.hint;
  throw error;
}

contextBridge.exposeInMainWorld('desk', Object.freeze(deskApiFrom(call)));

// Adding documents (issue 18): a file goes to the main process by its path, never its bytes;
// progress comes back on the import's own event channel (src/main/importIpc.ts).
let imports = 0;
contextBridge.exposeInMainWorld(
  'deskImport',
  Object.freeze({
    addFile: (file: File, onEvent: (e: ImportEvent) => void, signal: AbortSignal) => addPath(webUtils.getPathForFile(file), onEvent, signal),
    addPath,
    onMenuAdd: (callback: (paths: string[]) => void) => {
      ipcRenderer.on('desk:menu-add', (_e, paths: unknown) => {
        if (Array.isArray(paths)) callback(paths.filter((p): p is string => typeof p === 'string'));
      });
    },
  }),
);

async function addPath(path: string, onEvent: (e: ImportEvent) => void, signal: AbortSignal): Promise<ImportReport> {
  const id = `import-${++imports}`;
  const listener = (_e: unknown, from: unknown, event: ImportEvent) => {
    if (from === id) onEvent(event);
  };
  ipcRenderer.on('desk:import-event', listener);
  const cancel = () => ipcRenderer.send('desk:import-cancel', id);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    return (await ipcRenderer.invoke('desk:import', { id, path })) as ImportReport;
  } finally {
    signal.removeEventListener('abort', cancel);
    ipcRenderer.off('desk:import-event', listener);
  }
}
