// The browser edition: the same DeskApi over HTTP on the loopback interface, plus the renderer
// build as static files. node:http only. Every API reply is an Envelope; nothing here throws at
// a client.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { DESK_METHODS, type DeskErrorShape, type Envelope, type ErrorCode } from '../shared/api';
import { IMPORT_PATH } from '../shared/importApi';
import { SECURITY_HEADERS, resolveInside } from '../host/security';
import { contentTypeFor } from '../host/mime';
import { readBody, refuseBody } from './body';
import { applySecurityHeaders, fail, sendEnvelope, sendText } from './replies';

/** What the server needs from the desk (src/services/desk.ts's Desk satisfies it). */
export interface DeskDispatcher {
  dispatch(method: string, params: unknown): Promise<Envelope<unknown>>;
}

export interface StartServerOptions {
  desk: DeskDispatcher;
  /** The renderer build (out/renderer), with index.html at its root. */
  rendererDir: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** Loopback only; there is deliberately no other choice. */
  host?: '127.0.0.1';
  /** Timeouts and the connection cap; SERVER_LIMITS unless given (tests shorten them). */
  limits?: Partial<ServerLimits>;
  /** POST /api/import: adds an uploaded file to the user's documents (importRoute.ts); absent, not offered. */
  importer?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
}

export interface ServerLimits {
  /** A request's headers must arrive within this many ms… */
  headersMs: number;
  /** …and the whole request within this many. */
  requestMs: number;
  /** An idle keep-alive connection is closed after this many ms. */
  keepAliveMs: number;
  /** Connections open at once; more are closed as they arrive (one reader needs a handful). */
  maxConnections: number;
}

export const SERVER_LIMITS: ServerLimits = { headersMs: 10_000, requestMs: 15_000, keepAliveMs: 5_000, maxConnections: 64 };

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const MAX_BODY_BYTES = 64 * 1024;

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNKNOWN_METHOD: 400,
  NOT_FOUND: 404,
  DB_MISSING: 503,
  DB_CORRUPT: 503,
  DB_STALE: 503,
  INTERNAL: 500,
};

const KNOWN_METHODS = new Set<string>(DESK_METHODS);

/**
 * GET /api/start answers, in one reply, the calls the app makes at every start (an Envelope
 * whose value maps each method to its own Envelope). The pages this server sends name it in a
 * preload link, so the browser fetches it alongside the app's script instead of after it; the
 * renderer's HTTP transport (src/renderer/src/lib/desk.ts) takes each answer once. Read-only and
 * without parameters, behind the same Host/Origin checks as every other call.
 */
export const START_PATH = '/api/start';
export const START_CALLS = ['info', 'listDocuments', 'listPartners', 'bookmarkPage', 'userDataRecovery'] as const;
const START_PRELOAD = `<link rel="preload" href="${START_PATH}" as="fetch" crossorigin>`;

/** index.html with the preload for START_PATH added to its head (unchanged when it has no head). */
export function withStartPreload(html: string): string {
  const at = html.indexOf('</head>');
  return at < 0 ? html : `${html.slice(0, at)}  ${START_PRELOAD}\n  ${html.slice(at)}`;
}

export async function startServer(opts: StartServerOptions): Promise<RunningServer> {
  const host = '127.0.0.1';
  if (opts.host !== undefined && opts.host !== host) {
    throw new Error(`The browser edition listens on ${host} only (asked for ${String(opts.host)}).`);
  }
  const rendererDir = fs.realpathSync(path.resolve(opts.rendererDir));
  const indexHtml = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexHtml)) {
    throw new Error(`No renderer build at ${rendererDir} (index.html missing). Run \`npm run build:app\`.`);
  }

  let port = 0;
  const limits = { ...SERVER_LIMITS, ...opts.limits };
  // Node checks the two timeouts only every connectionsCheckingInterval (30 s by default), which cut
  // slow requests at 36 s instead of 10 s or 15 s: check often enough for the limits to mean what they say.
  const checkEvery = Math.max(100, Math.min(1000, Math.floor(limits.headersMs / 4)));
  const server = http.createServer({ connectionsCheckingInterval: checkEvery, headersTimeout: limits.headersMs, requestTimeout: limits.requestMs, keepAliveTimeout: limits.keepAliveMs }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      // Last resort: a bug in this file. Still answer with an envelope.
      if (!res.headersSent) {
        sendEnvelope(res, 500, fail('INTERNAL', err instanceof Error ? err.message : String(err)));
      } else {
        res.destroy();
      }
    });
  });
  server.maxConnections = limits.maxConnections;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');

    const refusal = checkOrigin(req, port);
    if (refusal) {
      refuseBody(req, res);
      if (isApi) sendEnvelope(res, 403, fail('BAD_REQUEST', refusal));
      else sendText(res, 403, refusal);
      return;
    }

    if (url.pathname === IMPORT_PATH && opts.importer) {
      await opts.importer(req, res);
      return;
    }
    if (url.pathname === START_PATH && req.method === 'GET') {
      await handleStart(res);
      return;
    }
    if (isApi) {
      await handleApi(req, res, url.pathname.slice('/api/'.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      refuseBody(req, res);
      sendText(res, 405, 'Method not allowed.');
      return;
    }
    await serveStatic(req, res, url.pathname);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string) {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      refuseBody(req, res);
      sendEnvelope(res, 405, fail('BAD_REQUEST', `Use POST for /api/${method}.`));
      return;
    }
    if (!/^[A-Za-z]{1,64}$/.test(method) || !KNOWN_METHODS.has(method)) {
      refuseBody(req, res);
      sendEnvelope(
        res,
        400,
        fail('UNKNOWN_METHOD', `There is no API method called "${method.slice(0, 64)}".`),
      );
      return;
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== '' && type !== 'application/json' && type !== 'text/plain') {
      refuseBody(req, res);
      sendEnvelope(res, 415, fail('BAD_REQUEST', 'Send the parameters as application/json.'));
      return;
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body.tooLarge) {
      refuseBody(req, res);
      sendEnvelope(
        res,
        413,
        fail('BAD_REQUEST', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`),
      );
      return;
    }
    let params: unknown = {};
    if (body.text.trim() !== '') {
      try {
        params = JSON.parse(body.text);
      } catch {
        sendEnvelope(res, 400, fail('BAD_REQUEST', 'The request body is not valid JSON.'));
        return;
      }
    }
    const envelope = await dispatch(method, params);
    sendEnvelope(res, envelope.ok ? 200 : (STATUS_BY_CODE[envelope.error.code] ?? 500), envelope);
  }

  async function dispatch(method: string, params: unknown): Promise<Envelope<unknown>> {
    try {
      return await opts.desk.dispatch(method, params);
    } catch (err) {
      return fail('INTERNAL', err instanceof Error ? err.message : String(err));
    }
  }

  async function handleStart(res: http.ServerResponse): Promise<void> {
    const value: Record<string, Envelope<unknown>> = {};
    for (const method of START_CALLS) value[method] = await dispatch(method, {});
    sendEnvelope(res, 200, { ok: true, value });
  }

  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    const candidate = resolveInside(rendererDir, pathname);
    if (candidate === null) {
      sendText(res, 400, 'Bad path.');
      return;
    }
    let file = await existingFileInside(rendererDir, candidate);
    if (file === null) {
      // Asset-looking paths (with an extension) are real 404s; anything else is an app route.
      if (path.extname(pathname) !== '') {
        sendText(res, 404, 'Not found.');
        return;
      }
      file = indexHtml;
    }
    let data = await fs.promises.readFile(file);
    if (file === indexHtml) data = Buffer.from(withStartPreload(data.toString('utf8')), 'utf8');
    res.statusCode = 200;
    applySecurityHeaders(res);
    res.setHeader('Content-Type', contentTypeFor(file));
    res.setHeader('Content-Length', data.length);
    res.setHeader('Cache-Control', 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`Port ${opts.port} on ${host} is already in use; choose another with --port.`)
          : err,
      );
    };
    server.once('error', onError);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Null when the request may proceed, otherwise the reason it is refused (DNS rebinding, CSRF). */
export function checkOrigin(req: http.IncomingMessage, port: number): string | null {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowedHosts.includes(host)) {
    return `Refused: the Host header "${host.slice(0, 100)}" is not this app's loopback address.`;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin.toLowerCase())) {
    return `Refused: requests from "${origin.slice(0, 100)}" are not allowed.`;
  }
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') return 'Refused: cross-site request.';
  return null;
}

async function existingFileInside(root: string, candidate: string): Promise<string | null> {
  try {
    const real = await fs.promises.realpath(candidate);
    if (real !== root && !real.startsWith(root + path.sep)) return null; // symlink out of root
    const stat = await fs.promises.stat(real);
    if (stat.isFile()) return real;
    if (stat.isDirectory()) {
      const index = path.join(real, 'index.html');
      return fs.existsSync(index) ? index : null;
    }
    return null;
  } catch {
    return null;
  }
}
