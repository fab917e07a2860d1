// The browser edition's replies: an Envelope as JSON, or plain text, always with the security headers.
import type http from 'node:http';
import type { DeskErrorShape, Envelope, ErrorCode } from '../shared/api';
import { SECURITY_HEADERS } from '../host/security';

export function fail(code: ErrorCode, message: string): Envelope<never> {
  const error: DeskErrorShape = { code, message };
  return { ok: false, error };
}

export function applySecurityHeaders(res: http.ServerResponse): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
}

export function sendEnvelope(res: http.ServerResponse, status: number, envelope: Envelope<unknown>): void {
  const body = JSON.stringify(envelope);
  res.statusCode = status;
  applySecurityHeaders(res);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

export function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  applySecurityHeaders(res);
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
