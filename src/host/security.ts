// Security policy shared by the Electron shell and the browser edition: the CSP and response
// headers, which links may leave the app, and path containment for served files.
import path from 'node:path';

/** The renderer is served from this privileged custom scheme in Electron (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

const POLICY: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  // The production build needs no inline styles (checked: no CSP report on any screen without
  // 'unsafe-inline'); Svelte sets dynamic styles through the CSSOM, which CSP allows.
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-src': "'none'",
  'worker-src': "'self'",
  'manifest-src': "'self'",
};

/** Sent as a response header (browser edition) and by the Electron session. */
export const CONTENT_SECURITY_POLICY = serialize({ ...POLICY, 'frame-ancestors': "'none'" });
/** For the `<meta http-equiv>` tag in index.html (frame-ancestors is not allowed in a meta tag). */
export const META_CONTENT_SECURITY_POLICY = serialize(POLICY);

function serialize(policy: Record<string, string>): string {
  return Object.entries(policy)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

/** Headers every response from the app carries, whichever transport serves it. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
};

/**
 * A link the user may open in the system browser: http(s) only, a real host name, no user name
 * or password in it. Returns the normalized URL string, or null when the link is refused.
 */
export function safeExternalUrl(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  if (!url.hostname || /[\s<>"'`]/.test(raw)) return null;
  return url.href;
}

/** True when `raw` is a page of the app itself (the custom scheme, or a given loopback origin). */
export function isAppUrl(raw: string | undefined | null, appOrigin: string = APP_ORIGIN): boolean {
  if (!raw) return false;
  try {
    // Not URL.origin: Node reports "null" for non-special schemes such as app:.
    const url = new URL(raw);
    return `${url.protocol}//${url.host}` === appOrigin;
  } catch {
    return false;
  }
}

/**
 * Resolve a URL path inside `root`, or null when it would escape it (`..`, encoded `%2e%2e`,
 * backslashes, NUL bytes, absolute paths). Does not touch the file system.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const base = path.resolve(root);
  const full = path.resolve(base, ...segments);
  if (full !== base && !full.startsWith(base + path.sep)) return null;
  return full;
}
