// POST /api/import: the browser edition's way in for a file the user adds (issue 18). The body is
// the file's bytes (application/octet-stream, at most MAX_IMPORT_BYTES), its name in the
// X-File-Name header (URI-encoded). The reply streams one JSON object per line: progress steps,
// then the file's report (application/x-ndjson). The import runs in the importer's worker, one
// file at a time; closing the request cancels it. Behind server.ts's Host/Origin checks, and the
// body type is not one a cross-site form can send.
import type http from 'node:http';
import { IMPORT_NAME_HEADER, type ImportEvent } from '../shared/importApi';
import { MAX_IMPORT_BYTES } from '../shared/userDocuments';
import { ImportWorkers, importFiles } from '../host/importer';
import { SECURITY_HEADERS } from '../host/security';

export interface ImportRouteOptions {
  libraryFile: string;
  bundledDb: string;
  /** Called after each file that changed the library (the desk re-reads it on its own; tests listen). */
  onChange?: () => void;
}

export function importRoute(opts: ImportRouteOptions): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> {
  // One import at a time: files are added in the order they arrive, by one worker kept between them.
  let queue: Promise<unknown> = Promise.resolve();
  const workers = new ImportWorkers({ libraryFile: opts.libraryFile, bundledDb: opts.bundledDb });

  return async (req, res) => {
    const refuse = (status: number, message: string) => {
      req.resume();
      const body = JSON.stringify({ ok: false, error: { code: 'BAD_REQUEST', message } });
      res.statusCode = status;
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      if (status === 413) res.setHeader('Connection', 'close');
      res.end(body);
    };
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return refuse(405, 'Use POST to add a document.');
    }
    if ((req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/octet-stream') {
      return refuse(415, 'Send the file as application/octet-stream.');
    }
    let name = '';
    try {
      name = decodeURIComponent(String(req.headers[IMPORT_NAME_HEADER] ?? '')).split(/[\\/]/).pop()!.trim();
    } catch {
      name = '';
    }
    if (!name || name.length > 255) return refuse(400, `Name the file in the ${IMPORT_NAME_HEADER} header.`);
    const declared = Number(req.headers['content-length'] ?? 'NaN');
    const tooLarge = () => refuse(413, `${name}: it is more than the ${MAX_IMPORT_BYTES / (1024 * 1024)} MB a document may have.`);
    if (Number.isFinite(declared) && declared > MAX_IMPORT_BYTES) return tooLarge();

    const chunks: Buffer[] = [];
    let size = 0;
    const complete = await new Promise<boolean>((resolve) => {
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_IMPORT_BYTES) {
          chunks.length = 0;
          resolve(false);
        } else chunks.push(c);
      });
      req.on('end', () => resolve(size <= MAX_IMPORT_BYTES));
      req.on('error', () => resolve(false));
    });
    if (!complete) return size > MAX_IMPORT_BYTES ? tooLarge() : undefined;

    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    res.statusCode = 200;
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    const send = (e: ImportEvent) => {
      if (!res.writableEnded) res.write(`${JSON.stringify(e)}\n`);
    };
    const run = queue.then(() =>
      importFiles({
        libraryFile: opts.libraryFile,
        bundledDb: opts.bundledDb,
        files: [{ name, bytes: Buffer.concat(chunks) }],
        workers,
        signal: abort.signal,
        onProgress: (progress) => send({ type: 'progress', progress }),
        onReport: (_, report) => {
          send({ type: 'report', report });
          if (report.status === 'added' || report.status === 'replaced') opts.onChange?.();
        },
      }),
    );
    queue = run.catch(() => undefined);
    try {
      await run;
    } catch (err) {
      send({ type: 'report', report: { file: name, status: 'refused', code: 'crashed', message: `${name}: it could not be added (${(err as Error).message}).` } });
    }
    res.end();
  };
}
