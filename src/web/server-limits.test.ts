// The browser edition's limits (issue 14): an oversized or refused body closes the connection
// instead of being read to its end, the configured timeouts are applied when they say, and the
// number of open connections is capped.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../shared/api';
import { MAX_BODY_BYTES, SERVER_LIMITS, startServer, type RunningServer } from './server';

const desk = { dispatch: async (): Promise<Envelope<unknown>> => ({ ok: true, value: null }) };
let server: RunningServer;

beforeAll(async () => {
  const renderer = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-limits-'));
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Relations Desk</title>');
  server = await startServer({ desk, rendererDir: renderer, limits: { headersMs: 1000, requestMs: 1500, maxConnections: 8 } });
});

afterAll(() => server?.close());

const HOST = () => `127.0.0.1:${server.port}`;

/**
 * Sends `head`, then up to `total` bytes of body (chunked when `chunked`) as fast as the server
 * takes them; resolves with how many body bytes were written before the connection closed, and
 * the reply's status line.
 */
function flood(head: string, total: number, chunked: boolean): Promise<{ written: number; status: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(server.port, '127.0.0.1');
    const piece = Buffer.alloc(64 * 1024, 0x61);
    let written = 0;
    let reply = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ written, status: reply.split('\r\n')[0] ?? '' });
    };
    const pump = () => {
      while (!done && written < total) {
        written += piece.length;
        const ok = chunked ? socket.write(`${piece.length.toString(16)}\r\n`) && socket.write(piece) && socket.write('\r\n') : socket.write(piece);
        if (!ok) return void socket.once('drain', pump);
      }
      if (chunked && !done) socket.write('0\r\n\r\n');
    };
    socket.on('connect', () => {
      socket.write(head);
      pump();
    });
    socket.on('data', (c: Buffer) => (reply += c.toString('latin1')));
    socket.on('close', finish);
    socket.on('error', finish);
    setTimeout(finish, 20_000);
  });
}

const LIMIT_AND_BUFFERS = MAX_BODY_BYTES + 16 * 1024 * 1024; // what socket buffers may hold on both sides

describe('bodies the server refuses', () => {
  it('closes the connection at the limit for an oversized chunked body instead of reading 100 MB', async () => {
    const r = await flood(`POST /api/info HTTP/1.1\r\nHost: ${HOST()}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`, 100 * 1024 * 1024, true);
    expect(r.status).toBe('HTTP/1.1 413 Payload Too Large');
    expect(r.written).toBeLessThan(LIMIT_AND_BUFFERS);
  });

  it('closes the connection for a declared oversized body without reading it', async () => {
    const r = await flood(`POST /api/info HTTP/1.1\r\nHost: ${HOST()}\r\nContent-Type: application/json\r\nContent-Length: ${100 * 1024 * 1024}\r\n\r\n`, 100 * 1024 * 1024, false);
    expect(r.status).toBe('HTTP/1.1 413 Payload Too Large');
    expect(r.written).toBeLessThan(LIMIT_AND_BUFFERS);
  });

  it('closes the connection after a 405 or 415 instead of draining the body', async () => {
    const n = 100 * 1024 * 1024;
    const r405 = await flood(`POST /index.html HTTP/1.1\r\nHost: ${HOST()}\r\nContent-Length: ${n}\r\n\r\n`, n, false);
    expect(r405.status).toBe('HTTP/1.1 405 Method Not Allowed');
    expect(r405.written).toBeLessThan(LIMIT_AND_BUFFERS);
    const r415 = await flood(`POST /api/info HTTP/1.1\r\nHost: ${HOST()}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`, n, true);
    expect(r415.status).toBe('HTTP/1.1 415 Unsupported Media Type');
    expect(r415.written).toBeLessThan(LIMIT_AND_BUFFERS);
  });
});

describe('timeouts and connections', () => {
  it('has the documented defaults', () => {
    expect(SERVER_LIMITS).toMatchObject({ headersMs: 10_000, requestMs: 15_000 });
  });

  it('cuts a request whose headers never finish at the headers timeout, not half a minute later', async () => {
    const t0 = performance.now();
    const closed = await new Promise<number>((resolve) => {
      const socket = net.connect(server.port, '127.0.0.1', () => socket.write(`GET / HTTP/1.1\r\nHost: ${HOST()}\r\n`));
      socket.on('data', () => undefined);
      socket.on('close', () => resolve(performance.now() - t0));
      socket.on('error', () => undefined);
    });
    expect(closed).toBeGreaterThanOrEqual(900);
    expect(closed).toBeLessThan(4000);
  });

  it('cuts a request whose body trickles in at the request timeout', async () => {
    const t0 = performance.now();
    const closed = await new Promise<number>((resolve) => {
      const socket = net.connect(server.port, '127.0.0.1', () => socket.write(`POST /api/info HTTP/1.1\r\nHost: ${HOST()}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`));
      const drip = setInterval(() => socket.write(' '), 200);
      socket.on('data', () => undefined);
      socket.on('close', () => {
        clearInterval(drip);
        resolve(performance.now() - t0);
      });
      socket.on('error', () => undefined);
    });
    expect(closed).toBeGreaterThanOrEqual(1400);
    expect(closed).toBeLessThan(5000);
  });

  it('caps the number of open connections', async () => {
    const sockets = await Promise.all(
      Array.from({ length: 12 }, () => new Promise<net.Socket>((resolve) => {
        const s = net.connect(server.port, '127.0.0.1', () => resolve(s));
        s.on('error', () => undefined);
      })),
    );
    await new Promise((r) => setTimeout(r, 300));
    const open = sockets.filter((s) => !s.destroyed && s.readyState === 'open');
    const closedByServer = await Promise.all(sockets.map((s) => new Promise<boolean>((resolve) => {
      if (s.destroyed) return resolve(true);
      s.once('close', () => resolve(true));
      s.write(`GET /index.html HTTP/1.1\r\nHost: ${HOST()}\r\n\r\n`);
      setTimeout(() => resolve(false), 500);
    })));
    expect(open.length).toBeGreaterThan(0);
    expect(closedByServer.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    for (const s of sockets) s.destroy();
  });
});
