// The one way a transport turns "call method M with params P" into a DeskApi object: the
// renderer's HTTP/IPC client, the preload's window.desk and the handlers' in-process api.
import { DESK_METHODS, type DeskApi, type DeskMethod } from './api';

export type DeskCall = (method: DeskMethod, params: unknown) => Promise<unknown>;

export function deskApiFrom(call: DeskCall): DeskApi {
  const api: Record<string, (params?: unknown) => Promise<unknown>> = {};
  for (const method of DESK_METHODS) api[method] = (params) => call(method, params ?? {});
  // Sound because every DeskApi method has this one runtime shape (params in, promise out) and the
  // handlers validate params and results per method; TypeScript cannot follow a keyed loop.
  return api as unknown as DeskApi;
}
