// POST /api/import on a real server: a file streams its progress and report; wrong requests are
// refused before any reading — wrong method or type, no name, over the size limit, another origin.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_PATH, type ImportEvent } from '../shared/importApi';
import { MAX_IMPORT_BYTES } from '../shared/userDocuments';
import { importRoute } from './importRoute';
import { startServer, type RunningServer } from './server';

let dir: string;
let server: RunningServer;
let changes = 0;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-route-'));
  fs.mkdirSync(path.join(dir, 'renderer'));
  fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
  const desk = { dispatch: async () => ({ ok: true as const, value: null }) };
  server = await startServer({ desk, rendererDir: path.join(dir, 'renderer'), importer: importRoute({ libraryFile: path.join(dir, 'user-library.db'), bundledDb: path.join(dir, 'none.db'), onChange: () => changes++ }) });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw request (fetch would not let us lie about Content-Length). */
function post(headers: Record<string, string>, body: Buffer | null, method = 'POST'): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: IMPORT_PATH, method, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

describe('POST /api/import', () => {
  it('adds the file, streaming its progress and then its report', async () => {
    const r = await post({ 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('Chad notes.md') }, Buffer.from('# Chad notes\n\nAlbania and Chad established relations in 1971.\n'));
    expect(r.status).toBe(200);
    const events = r.text.trim().split('\n').map((l) => JSON.parse(l) as ImportEvent);
    expect(events.filter((e) => e.type === 'progress').map((e) => e.type === 'progress' && e.progress.stage)).toEqual(expect.arrayContaining(['reading', 'extracting', 'indexing']));
    expect(events.at(-1)).toMatchObject({ type: 'report', report: { file: 'Chad notes.md', status: 'added', slug: 'my-chad-notes' } });
    expect(changes).toBe(1);
  }, 60_000);

  it('refuses other methods, other body types, a missing name, too large a file and other origins', async () => {
    expect(await post({}, null, 'GET')).toMatchObject({ status: 405 });
    expect(await post({ 'content-type': 'text/plain', 'x-file-name': 'a.md' }, Buffer.from('x'))).toMatchObject({ status: 415, text: expect.stringContaining('application/octet-stream') });
    expect(await post({ 'content-type': 'application/octet-stream' }, Buffer.from('x'))).toMatchObject({ status: 400, text: expect.stringContaining('x-file-name') });
    const big = await post({ 'content-type': 'application/octet-stream', 'x-file-name': 'big.pdf', 'content-length': String(MAX_IMPORT_BYTES + 1) }, null);
    expect(big.status).toBe(413);
    expect(JSON.parse(big.text)).toMatchObject({ ok: false, error: { message: 'big.pdf: it is more than the 50 MB a document may have.' } });
    const foreign = await post({ 'content-type': 'application/octet-stream', 'x-file-name': 'a.md', origin: 'https://evil.example' }, Buffer.from('# A\n\nText.\n'));
    expect(foreign.status).toBe(403);
    expect(changes).toBe(1);
  });
});
