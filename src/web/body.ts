// Reading a request body up to a size limit, and refusing one without reading it.
import type http from 'node:http';

export type Body = { tooLarge: true } | { tooLarge: false; text: string };

/**
 * The body as text, or tooLarge as soon as it passes `limit` (declared or as it arrives): the rest
 * is never read. The caller then answers with refuseBody's Connection: close, so Node closes the
 * connection once the reply is sent instead of reading what is left (possibly 100 MB) first.
 */
export function readBody(req: http.IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > limit) {
      resolve({ tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        resolve({ tooLarge: true });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve({ tooLarge: false, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', reject);
  });
}

/** True when the request says it carries a body (a length above 0, or chunked). */
function hasBody(req: http.IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * For a request refused before its body is read (403, 405, 415, 413): with a body, the reply says
 * Connection: close and Node closes the connection once it is sent, instead of draining the body
 * first; without one, the connection stays open for the next request. Call before replying.
 */
export function refuseBody(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (hasBody(req)) res.setHeader('Connection', 'close');
  else req.resume();
}
