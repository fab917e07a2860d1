// Security policy shared by the Electron shell and the browser edition.
// Only *type* imports from electron here, so Node code (the browser-edition server, tests) can
// import this file without loading Electron; the Electron objects are passed in by the caller.
import path from 'node:path';
import type { Session, Shell, WebContents } from 'electron';

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

// ---------------------------------------------------------------------------------------------
// Electron hardening. The caller passes Electron's objects; nothing here imports Electron.

/** CSP on every response of the session, and every permission request refused. */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  // The app needs no camera, notifications, geolocation, … : refuse all of them.
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // No remote content ever: anything that is not the app's own scheme (or devtools) is cancelled.
  session.webRequest.onBeforeRequest((details, callback) => {
    const ok =
      details.url.startsWith(`${APP_ORIGIN}/`) ||
      details.url.startsWith('devtools://') ||
      details.url.startsWith('chrome-extension://') ||
      details.url.startsWith('data:');
    callback({ cancel: !ok });
  });
}

/**
 * Navigation and new windows denied; http(s) links the user clicks go to the system browser
 * after `safeExternalUrl` approves them; <webview> never attached.
 */
export function hardenWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  const openOutside = (raw: string): void => {
    const url = safeExternalUrl(raw);
    if (url) void shell.openExternal(url).catch(() => undefined);
  };
  contents.setWindowOpenHandler(({ url }) => {
    if (!isAppUrl(url)) openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    // In-app hash navigation does not fire will-navigate; a full navigation, even to our own
    // scheme, would reload the renderer and is not something the app does.
    event.preventDefault();
    if (!isAppUrl(url)) openOutside(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
