// Electron hardening: the session and every web contents get the policy of src/host/security.ts.
// Only *type* imports from electron, so tests can import this file without loading Electron.
import type { Session, Shell, WebContents } from 'electron';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, isAppUrl, safeExternalUrl } from '../host/security';


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
  // Devices (HID, serial, USB) and screen capture have handlers of their own, outside the two above.
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _wc, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
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
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}
