// harden.ts against fake session and web-contents objects (Electron itself cannot run here):
// every way a page could reach a device or the screen is refused.
import { describe, expect, it } from 'vitest';
import type { Session, WebContents } from 'electron';
import { hardenSession, hardenWebContents } from './harden';

type Handler = (...args: unknown[]) => unknown;

function fakeSession() {
  const handlers = new Map<string, Handler>();
  const events = new Map<string, Handler>();
  const session = {
    webRequest: { onHeadersReceived: (h: Handler) => handlers.set('headers', h), onBeforeRequest: (h: Handler) => handlers.set('request', h) },
    setPermissionRequestHandler: (h: Handler) => handlers.set('permissionRequest', h),
    setPermissionCheckHandler: (h: Handler) => handlers.set('permissionCheck', h),
    setDevicePermissionHandler: (h: Handler) => handlers.set('device', h),
    setDisplayMediaRequestHandler: (h: Handler) => handlers.set('displayMedia', h),
    on: (event: string, h: Handler) => events.set(event, h),
  };
  hardenSession(session as unknown as Session);
  return { handlers, events };
}

function preventable() {
  const e = { prevented: false, preventDefault: () => (e.prevented = true) };
  return e;
}

describe('hardenSession', () => {
  it('refuses device permission checks and screen capture requests', () => {
    const { handlers } = fakeSession();
    expect(handlers.get('device')!({ deviceType: 'hid', origin: 'app://desk' })).toBe(false);
    const answers: unknown[] = [];
    handlers.get('displayMedia')!({ frame: {}, securityOrigin: 'app://desk' }, (streams: unknown) => answers.push(streams));
    expect(answers).toEqual([null]);
    const granted: boolean[] = [];
    handlers.get('permissionRequest')!({}, 'media', (ok: boolean) => granted.push(ok));
    expect(granted).toEqual([false]);
    expect(handlers.get('permissionCheck')!({}, 'media')).toBe(false);
  });

  it('cancels HID, serial and USB device pickers without choosing a device', () => {
    const { events } = fakeSession();
    for (const [event, args] of [
      ['select-hid-device', [{ deviceList: [{ deviceId: 'x' }] }]],
      ['select-serial-port', [[{ portId: 'x' }], {}]],
      ['select-usb-device', [{ deviceList: [{ deviceId: 'x' }] }]],
    ] as const) {
      const e = preventable();
      const chosen: unknown[] = [];
      events.get(event)!(e, ...args, (id?: string) => chosen.push(id));
      expect(e.prevented, event).toBe(true);
      expect(chosen.length, event).toBe(1);
      expect(chosen[0] ?? '', event).toBe('');
    }
  });
});

describe('hardenWebContents', () => {
  it('cancels the Bluetooth device picker', () => {
    const events = new Map<string, Handler>();
    const contents = { setWindowOpenHandler: () => undefined, on: (event: string, h: Handler) => events.set(event, h) };
    hardenWebContents(contents as unknown as WebContents, { openExternal: async () => undefined });
    const e = preventable();
    const chosen: string[] = [];
    events.get('select-bluetooth-device')!(e, [{ deviceId: 'x', deviceName: 'Keyboard' }], (id: string) => chosen.push(id));
    expect(e.prevented).toBe(true);
    expect(chosen).toEqual(['']);
  });
});
