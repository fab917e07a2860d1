// The renderer's one door to the data. Electron's preload exposes `window.desk`; the browser
// edition answers `POST /api/<method>` with an Envelope. Either way callers get a DeskApi whose
// failures are always DeskError, so no component ever knows (or cares) which transport it is on.
import { DeskError, isDeskErrorShape } from '../../../shared/api';
import { deskApiFrom } from '../../../shared/deskApi';
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

// The browser edition's server names GET /api/start in a preload link (src/web/server.ts): one
// reply holding the answers to the calls every start makes, fetched while this script loads.
// Each answer serves the first parameterless call of its method, once; every other call, and
// every call when the reply is missing or unreadable, goes to the server as usual.
const START_PATH = '/api/start';
let startAnswers: Promise<Record<string, unknown> | null> | null = null;
const startUsed = new Set<string>();

function startAnswer(method: DeskMethod, params: unknown): Promise<Envelope<unknown> | null> | null {
  if (startUsed.has(method) || (params !== undefined && JSON.stringify(params) !== '{}')) return null;
  startUsed.add(method);
  if (!document.querySelector(`link[rel="preload"][href="${START_PATH}"]`)) return null;
  startAnswers ??= fetch(START_PATH)
    .then((res) => (res.ok ? res.json() : null))
    .then((body: unknown) => (isEnvelope(body) && body.ok && typeof body.value === 'object' ? (body.value as Record<string, unknown>) : null))
    .catch(() => null);
  return startAnswers.then((answers) => {
    const answer = answers?.[method];
    return isEnvelope(answer) ? answer : null;
  });
}

const httpCall: Call = async (method, params) => {
  const early = await startAnswer(method, params);
  if (early) {
    if (early.ok) return early.value;
    throw DeskError.from(early.error);
  }
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

/** Which transport this window uses; for the About line only, never for behaviour. */
export const transport: 'ipc' | 'http' = typeof window !== 'undefined' && window.desk ? 'ipc' : 'http';

export const desk: DeskApi = deskApiFrom(
  transport === 'ipc' && window.desk ? ipcCall(window.desk) : httpCall,
);
