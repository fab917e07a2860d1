// The preload exposes exactly one thing: `window.desk`, a DeskApi. Each method invokes its
// `desk:<method>` channel and unwraps the Envelope: the value on success, otherwise a rejection
// with a plain {code, message, hint} object (contextBridge clones plain objects faithfully; the
// renderer's DeskError.from() turns it back into a DeskError). Never raw ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
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
