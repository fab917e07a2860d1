// The renderer's one door to the data. Electron's preload exposes `window.desk`; the browser
// edition answers `POST /api/<method>` with an Envelope. Either way callers get a DeskApi whose
// failures are always DeskError, so no component ever knows (or cares) which transport it is on.
import { DESK_METHODS, DeskError, isDeskErrorShape } from '../../../shared/api';
import type { DeskApi, DeskMethod, Envelope } from '../../../shared/api';

type Call = (method: DeskMethod, params: unknown) => Promise<unknown>;

function ipcCall(api: DeskApi): Call {
  return async (method, params) => {
    try {
      const fn = api[method] as (p: unknown) => Promise<unknown>;
      return await fn.call(api, params ?? {});
    } catch (err) {
      throw DeskError.from(err);
    }
  };
}

function isEnvelope(body: unknown): body is Envelope<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const ok = (body as { ok: unknown }).ok;
  return ok === true ? 'value' in body : ok === false && isDeskErrorShape((body as { error?: unknown }).error);
}

const httpCall: Call = async (method, params) => {
  let res: Response;
  try {
    res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params ?? {}),
    });
  } catch {
    throw new DeskError(
      'INTERNAL',
      'The library server could not be reached.',
      'Is the browser edition still running? Start it again with `npm run serve`, then retry.',
    );
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new DeskError('INTERNAL', `The library server answered ${res.status} ${res.statusText} without a readable reply.`);
  }
  if (!isEnvelope(body)) {
    throw new DeskError('INTERNAL', `The library server answered ${res.status} with an unexpected reply.`);
  }
  if (body.ok) return body.value;
  throw DeskError.from(body.error);
};

function createDesk(call: Call): DeskApi {
  const api: Record<string, (params?: unknown) => Promise<unknown>> = {};
  for (const method of DESK_METHODS) api[method] = (params) => call(method, params);
  return api as unknown as DeskApi;
}

/** Which transport this window uses; for the About line only, never for behaviour. */
export const transport: 'ipc' | 'http' = typeof window !== 'undefined' && window.desk ? 'ipc' : 'http';

export const desk: DeskApi = createDesk(
  transport === 'ipc' && window.desk ? ipcCall(window.desk) : httpCall,
);
