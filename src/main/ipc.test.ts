import { describe, expect, it } from 'vitest';
import type { Envelope } from '../shared/api';
import { DESK_METHODS } from '../shared/api';
import { channelFor, registerDeskIpc, type Dispatcher } from './ipc';

type Handler = (event: unknown, ...args: unknown[]) => Promise<Envelope<unknown>>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, fn: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, fn);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  };
}

function frame(url: string, parent: unknown = null) {
  return { url, parent };
}

function eventFrom(url: string, opts: { subframe?: boolean; noFrame?: boolean } = {}) {
  const main = frame(url);
  const senderFrame = opts.noFrame ? null : opts.subframe ? frame(url, main) : main;
  return { senderFrame, sender: { mainFrame: main } };
}

const calls: [string, unknown][] = [];
const desk: Dispatcher = {
  async dispatch(method, params) {
    calls.push([method, params]);
    if (method === 'timeline') throw new Error('boom');
    return { ok: true, value: { method, params } };
  },
};

describe('registerDeskIpc', () => {
  const ipc = fakeIpcMain();
  const unregister = registerDeskIpc(ipc as never, desk);

  it('registers one desk:<method> channel per DeskApi method', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(DESK_METHODS.map(channelFor).sort());
  });

  it('passes the params of the app window to dispatch and returns its envelope', async () => {
    const h = ipc.handlers.get('desk:search')!;
    const reply = await h(eventFrom('app://desk/index.html#/search?q=x'), { query: 'Kucove' });
    expect(reply).toEqual({ ok: true, value: { method: 'search', params: { query: 'Kucove' } } });
  });

  it('defaults missing params to {}', async () => {
    calls.length = 0;
    await ipc.handlers.get('desk:info')!(eventFrom('app://desk/index.html'));
    expect(calls).toEqual([['info', {}]]);
  });

  it('refuses other origins, subframes and vanished frames without calling the desk', async () => {
    calls.length = 0;
    const h = ipc.handlers.get('desk:listBookmarks')!;
    for (const event of [
      eventFrom('https://evil.example/'),
      eventFrom('file:///etc/passwd'),
      eventFrom('http://127.0.0.1:5173/'),
      eventFrom('app://desk/index.html', { subframe: true }),
      eventFrom('app://desk/index.html', { noFrame: true }),
    ]) {
      const reply = await h(event, {});
      expect(reply.ok).toBe(false);
      expect(!reply.ok && reply.error.code).toBe('BAD_REQUEST');
    }
    expect(calls).toEqual([]);
  });

  it('refuses extra arguments', async () => {
    const reply = await ipc.handlers.get('desk:getDocument')!(eventFrom('app://desk/'), { slug: 'a' }, 'extra');
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('turns a throwing dispatch into an INTERNAL envelope', async () => {
    const reply = await ipc.handlers.get('desk:timeline')!(eventFrom('app://desk/'), {});
    expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
  });

  it('removes every handler on unregister', () => {
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });
});
