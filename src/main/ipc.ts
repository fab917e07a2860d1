// The only place that talks to ipcMain. One channel per DeskApi method (`desk:<method>`); each
// handler checks who is calling, then hands the params to desk.dispatch, which validates them
// and answers with an Envelope. Nothing here throws across IPC.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { DESK_METHODS, type Envelope } from '../shared/api';
import { isAppUrl } from '../host/security';

export interface Dispatcher {
  dispatch(method: string, params: unknown): Promise<Envelope<unknown>>;
}

export const channelFor = (method: string): string => `desk:${method}`;

/**
 * Only the top frame of one of our windows, showing our own app:// page, may call. Iframes,
 * other origins (should navigation ever slip through) and unknown senders are refused.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated away or was destroyed
  if (frame.parent !== null) return false;
  if (event.sender.mainFrame !== frame) return false;
  return isAppUrl(frame.url);
}

/** Register the handlers; returns a function that removes them. */
export function registerDeskIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, desk: Dispatcher): () => void {
  for (const method of DESK_METHODS) {
    ipcMain.handle(channelFor(method), async (event, ...args: unknown[]): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'BAD_REQUEST', message: 'Refused: this caller is not the Relations Desk window.' } };
      }
      if (args.length > 1) {
        return { ok: false, error: { code: 'BAD_REQUEST', message: `${method} takes one params object.` } };
      }
      try {
        return await desk.dispatch(method, args[0] ?? {});
      } catch (err) {
        return { ok: false, error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } };
      }
    });
  }
  return () => {
    for (const method of DESK_METHODS) ipcMain.removeHandler(channelFor(method));
  };
}
