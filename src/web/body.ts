// Reading a request body up to a size limit.
import type http from 'node:http';

export type Body = { tooLarge: true } | { tooLarge: false; text: string };

export function readBody(req: http.IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      resolve({ tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(over ? { tooLarge: true } : { tooLarge: false, text: Buffer.concat(chunks).toString('utf8') }),
    );
    req.on('error', reject);
  });
}
