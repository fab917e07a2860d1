import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../shared/api';
import { MAX_BODY_BYTES, START_CALLS, START_PATH, startServer, withStartPreload, type DeskDispatcher, type RunningServer } from './server';

// A stand-in for createDesk(): records calls and answers like the real one would.
const calls: { method: string; params: unknown }[] = [];
const desk: DeskDispatcher = {
  async dispatch(method, params): Promise<Envelope<unknown>> {
    calls.push({ method, params });
    switch (method) {
      case 'listDocuments':
        return { ok: true, value: [{ slug: 'albania-kosovo-relations' }] };
      case 'getDocument':
        return {
          ok: false,
          error: { code: 'NOT_FOUND', message: `No document "${(params as { slug?: string }).slug}".` },
        };
      case 'search':
        return { ok: false, error: { code: 'BAD_REQUEST', message: 'query: Required' } };
      case 'info':
        return {
          ok: false,
          error: { code: 'DB_MISSING', message: 'The library database is missing.', hint: 'npx relations-desk build' },
        };
      case 'timeline':
        throw new Error('boom'); // dispatch must never throw; the server copes anyway
      default:
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } };
    }
  },
};

let dir: string;
let outside: string;
let server: RunningServer;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: pathname,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

function api(method: string, body?: string, headers: Record<string, string> = {}) {
  return request(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body }),
  });
}

/** A raw request, for paths that http.request or fetch would normalize. */
function raw(lines: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => socket.write(lines));
    let data = '';
    socket.on('data', (c) => (data += c.toString('utf8')));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-web-'));
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Relations Desk</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(renderer, 'assets', 'logo.svg'), '<svg/>');
  outside = path.join(dir, 'secret.txt');
  fs.writeFileSync(outside, 'TOP SECRET');
  fs.symlinkSync(outside, path.join(renderer, 'assets', 'link.txt'));
  server = await startServer({ desk, rendererDir: renderer });
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('listening', () => {
  it('listens on 127.0.0.1 on a free port and reports its URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('refuses any host other than 127.0.0.1', async () => {
    await expect(
      startServer({ desk, rendererDir: path.join(dir, 'renderer'), host: '0.0.0.0' as '127.0.0.1' }),
    ).rejects.toThrow(/127\.0\.0\.1 only/);
  });

  it('says clearly when the asked-for port is taken', async () => {
    await expect(startServer({ desk, rendererDir: path.join(dir, 'renderer'), port: server.port })).rejects.toThrow(
      /already in use/,
    );
  });

  it('refuses to start without a renderer build', async () => {
    await expect(startServer({ desk, rendererDir: dir })).rejects.toThrow(/index\.html missing/);
  });
});

describe('API', () => {
  it('returns the envelope with 200 for a successful call, passing the JSON params', async () => {
    const r = await api('listDocuments', '{}');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: [{ slug: 'albania-kosovo-relations' }] });
  });

  it('treats an empty body as {}', async () => {
    calls.length = 0;
    const r = await api('listDocuments');
    expect(r.status).toBe(200);
    expect(calls).toEqual([{ method: 'listDocuments', params: {} }]);
  });

  it('passes params through and maps NOT_FOUND to 404', async () => {
    const r = await api('getDocument', JSON.stringify({ slug: 'nope' }));
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No document "nope".' } });
  });

  it('maps BAD_REQUEST to 400, DB_* to 503 (keeping the hint) and a thrown error to 500', async () => {
    expect((await api('search', '{"query": 5}')).status).toBe(400);
    const db = await api('info', '{}');
    expect(db.status).toBe(503);
    expect(JSON.parse(db.body).error).toMatchObject({ code: 'DB_MISSING', hint: 'npx relations-desk build' });
    const boom = await api('timeline', '{}');
    expect(boom.status).toBe(500);
    expect(JSON.parse(boom.body)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
  });

  it('answers an unknown method with 400 UNKNOWN_METHOD without calling the desk', async () => {
    calls.length = 0;
    for (const m of ['dropTables', '__proto__', 'constructor', 'info%2F..%2F..']) {
      const r = await api(m, '{}');
      expect(r.status, m).toBe(400);
      expect(JSON.parse(r.body).error.code, m).toBe('UNKNOWN_METHOD');
    }
    expect(calls).toEqual([]);
  });

  it('answers bad JSON with a 400 envelope', async () => {
    const r = await api('search', '{"query": "Kucove"');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
    });
  });

  it('refuses bodies over the size limit with a 413 envelope', async () => {
    const big = JSON.stringify({ query: 'x'.repeat(MAX_BODY_BYTES + 10) });
    const r = await api('search', big);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.code).toBe('BAD_REQUEST');
  });

  it('refuses a chunked body that grows past the limit', async () => {
    const r = await new Promise<Reply>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: server.port, path: '/api/search', method: 'POST', agent: false },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write('x'.repeat(8 * 1024)); // no Content-Length: chunked
      req.end();
    });
    expect(r.status).toBe(413);
  });

  it('refuses form posts (a classic CSRF vector) and GET on the API', async () => {
    const form = await api('listDocuments', 'a=b', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const get = await request('/api/listDocuments');
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(JSON.parse(get.body).ok).toBe(false);
  });
});

describe('Host and Origin checks (DNS rebinding)', () => {
  it('accepts the loopback names with the right port', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `[::1]:${server.port}`]) {
      expect((await api('listDocuments', '{}', { Host: host })).status, host).toBe(200);
    }
  });

  it('refuses a forged Host header on the API and on static files', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`]) {
      const r = await api('listDocuments', '{}', { Host: host });
      expect(r.status, host).toBe(403);
      expect(JSON.parse(r.body).ok).toBe(false);
      expect((await request('/', { headers: { Host: host } })).status, host).toBe(403);
    }
  });

  it('refuses a foreign Origin, and accepts the same loopback origin', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`]) {
      const r = await api('listDocuments', '{}', { Origin: origin });
      expect(r.status, origin).toBe(403);
    }
    expect((await api('listDocuments', '{}', { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('refuses cross-site fetches by Sec-Fetch-Site', async () => {
    expect((await api('listDocuments', '{}', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  });
});

describe('static files', () => {
  it('serves index.html with a strict CSP and nosniff', async () => {
    const r = await request('/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>Relations Desk</title>');
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:|\*/);
  });

  it('serves assets with the right content types', async () => {
    expect((await request('/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await request('/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await request('/assets/logo.svg')).headers['content-type']).toBe('image/svg+xml');
  });

  it('falls back to index.html for app routes, but 404s for missing assets', async () => {
    const route = await request('/library/albania-kosovo-relations');
    expect(route.status).toBe(200);
    expect(route.body).toContain('Relations Desk');
    expect((await request('/assets/missing.js')).status).toBe(404);
  });

  it('answers HEAD without a body', async () => {
    const r = await request('/assets/app.js', { method: 'HEAD' });
    expect(r.status).toBe(200);
    expect(r.body).toBe('');
  });

  it('does not let a path escape the renderer folder', async () => {
    for (const p of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..\\secret.txt',
      '/%2e%2e%5csecret.txt',
      '/assets/%00.js',
    ]) {
      const reply = await raw(`GET ${p} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`);
      expect(reply, p).not.toContain('TOP SECRET');
      expect(reply, p).toMatch(/^HTTP\/1\.1 (400|404) /);
    }
  });

  it('does not follow a symlink out of the renderer folder', async () => {
    const r = await request('/assets/link.txt');
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('TOP SECRET');
  });

  it('refuses other verbs on static paths', async () => {
    expect((await request('/', { method: 'DELETE' })).status).toBe(405);
  });
});

describe('GET /api/start (the first calls, preloaded)', () => {
  it('answers every start call in one envelope, each with its own envelope', async () => {
    calls.length = 0;
    const r = await request(START_PATH);
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    const body = JSON.parse(r.body) as Envelope<Record<string, Envelope<unknown>>>;
    expect(body.ok).toBe(true);
    if (!body.ok) return;
    expect(Object.keys(body.value)).toEqual([...START_CALLS]);
    expect(body.value.listDocuments).toEqual({ ok: true, value: [{ slug: 'albania-kosovo-relations' }] });
    // A failing call stays a failure, with its code and hint, for the app to show as usual.
    expect(body.value.info).toMatchObject({ ok: false, error: { code: 'DB_MISSING', hint: 'npx relations-desk build' } });
    expect(calls.map((c) => c.method)).toEqual([...START_CALLS]);
    expect(calls.every((c) => JSON.stringify(c.params) === '{}')).toBe(true);
  });

  it('is behind the same Host and Origin checks, and is no POST method', async () => {
    expect((await request(START_PATH, { headers: { Host: 'evil.example' } })).status).toBe(403);
    expect((await request(START_PATH, { headers: { Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await request(START_PATH, { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    expect((await api('start', '{}')).status).toBe(400);
  });

  it('is named in a preload link in the head of the pages served', () => {
    const html = '<!doctype html>\n<html>\n  <head>\n    <title>Relations Desk</title>\n  </head>\n  <body></body>\n</html>';
    const out = withStartPreload(html);
    expect(out).toContain(`<link rel="preload" href="${START_PATH}" as="fetch" crossorigin>\n  </head>`);
    expect(out.indexOf('<link rel="preload"')).toBeLessThan(out.indexOf('</head>'));
    expect(withStartPreload('<title>no head</title>')).toBe('<title>no head</title>');
  });
});
