// The timeline view (#/timeline) on a corpus's own database, through the browser edition in
// headless Chromium (the browser already running, the server already started and warmed up, as a
// person's would be when they open the view):
//   first render: navigation start → the first frame after the first timeline mark
//                 ([data-lane][data-item], a point, bar or cluster in a lane) is in the DOM;
//   zoom step:    a click on the toolbar's "Zoom in" (8×) then "Zoom out" (8×) → the next frame
//                 after Svelte has updated the DOM (as scripts/bench-timeline.ts measures a step).
// Everything in the page is timed with the page's own clock; CPU: the server process and the
// Chromium process tree, from /proc. A view that fails or does not render in time is reported
// as such, never thrown.
import type { Browser, Page } from 'playwright-core';
import { api, startServe, type Serving } from './serve';
import { processCpuMs, treeCpuMs } from './proc';

/** The marks TimelinePlot draws in its lanes (points, bars, clusters); the axis has none. */
export const MARK = '[data-lane][data-item]';
const ZOOM_STEPS = 8;

export interface TimelineRun {
  firstRenderMs: number;
  /** CPU over the first render: Chromium (all its processes) and the server. */
  browserCpuMs: number;
  serverCpuMs: number;
  /** Bytes of the /api/* responses the page received before the first mark. */
  apiBytes: number;
  apiCalls: number;
  marks: number;
  /** "N of M dated events" from the view's header, when it says so. */
  shown: string | null;
  zoomMs: number[];
  zoomBrowserCpuMs: number;
}

export type TimelineOutcome = { ok: true; runs: TimelineRun[]; serverRuns: Serving['runs'] } | { ok: false; reason: string; runs: TimelineRun[] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A promise that gives up after `ms` (a renderer busy for a minute does not answer evaluate()). */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not answer within ${Math.round(ms / 1000)} s`)), ms)))]).finally(() => clearTimeout(timer));
}

/** What the page shows when no mark came: still loading, an error panel, or nothing at all. */
async function diagnose(page: Page): Promise<string> {
  try {
    return await within(
      page.evaluate(() => {
        const alert = (document.querySelector('.timeline [role="alert"]') ?? document.querySelector('[role="alert"]'))?.textContent?.replace(/\s+/g, ' ').trim();
        if (alert) return `the view showed an error: "${alert.slice(0, 160)}"`;
        if (document.querySelector('[aria-busy="true"]')) return 'still loading';
        const h1 = document.querySelector('h1')?.textContent?.trim();
        return h1 ? `page "${h1}" without marks` : 'nothing rendered';
      }),
      5_000,
      'the page',
    );
  } catch (e) {
    return `the page is unresponsive (${(e as Error).message})`;
  }
}

async function oneRun(browser: Browser, s: Serving, timeoutMs: number): Promise<TimelineRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    // tsx (esbuild, keepNames) wraps the named functions of the callbacks below in __name(); the page has none.
    await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    const page = await context.newPage();
    let crashed = false;
    page.on('crash', () => (crashed = true));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e).split('\n')[0]!));
    // Page clock: the first frame after a mark appears (a MutationObserver, gone once it fires).
    await page.addInitScript((sel: string) => {
      const w = window as unknown as { __tlFirst?: number };
      const obs = new MutationObserver(() => {
        if (!document.querySelector(sel)) return;
        obs.disconnect();
        requestAnimationFrame(() => setTimeout(() => (w.__tlFirst = performance.now()), 0));
      });
      obs.observe(document, { childList: true, subtree: true });
    }, MARK);
    let apiBytes = 0;
    let apiCalls = 0;
    let counting = true;
    page.on('response', (r) => {
      if (!counting || !r.url().includes('/api/')) return;
      apiCalls++;
      apiBytes += Number(r.headers()['content-length'] ?? 0);
    });

    const serverCpu0 = processCpuMs(s.child.pid);
    const cpu0 = treeCpuMs([s.child.pid]);
    const deadline = performance.now() + timeoutMs;
    await page.goto(`${s.origin}/#/timeline`, { waitUntil: 'commit', timeout: timeoutMs });
    let first: number | undefined;
    while (first === undefined) {
      if (crashed) throw new Error('the page crashed');
      if (performance.now() > deadline) throw new Error(`did not render within ${timeoutMs / 1000} s (${await diagnose(page)})`);
      first = await within(
        page.evaluate(() => (window as unknown as { __tlFirst?: number }).__tlFirst),
        Math.max(1_000, deadline - performance.now()),
        'the page',
      ).catch((e: Error) => {
        throw new Error(crashed ? 'the page crashed' : `did not render within ${timeoutMs / 1000} s (${e.message})`);
      });
      if (first === undefined) {
        const failed = await page.evaluate(() => !!document.querySelector('.timeline [role="alert"]')).catch(() => false);
        if (failed) throw new Error(await diagnose(page));
        await sleep(20);
      }
    }
    counting = false;
    const browserCpuMs = treeCpuMs([s.child.pid]) - cpu0;
    const serverCpuMs = processCpuMs(s.child.pid) - serverCpu0;
    const { marks, shown } = await page.evaluate((sel) => {
      const m = /(\d[\d,]*) of (\d[\d,]*) dated events/.exec(document.body.textContent ?? '');
      return { marks: document.querySelectorAll(sel).length, shown: m ? `${m[1]} of ${m[2]}` : null };
    }, MARK);

    // Let the view finish what follows its first frame (the URL write, the document list) first.
    await sleep(300);
    const zcpu0 = treeCpuMs([s.child.pid]);
    const zoomMs = await within(
      page.evaluate(async (steps: number) => {
        const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const button = (name: string) => document.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`);
        // The toolbar's buttons; the plot's own + and − keys when the toolbar has none.
        const press = (zoomIn: boolean): void => {
          const b = button(zoomIn ? 'Zoom in' : 'Zoom out');
          if (b) return b.click();
          const mark = document.querySelector<SVGElement>('[data-lane][data-item]');
          if (!mark) throw new Error('no zoom button and no mark to send + / − to');
          mark.dispatchEvent(new KeyboardEvent('keydown', { key: zoomIn ? '+' : '-', bubbles: true, cancelable: true }));
        };
        const times: number[] = [];
        for (const zoomIn of [...Array<boolean>(steps).fill(true), ...Array<boolean>(steps).fill(false)]) {
          const t = performance.now();
          press(zoomIn);
          await frame();
          times.push(performance.now() - t);
        }
        return times;
      }, ZOOM_STEPS),
      60_000,
      'zooming',
    );
    const zoomBrowserCpuMs = (treeCpuMs([s.child.pid]) - zcpu0) / zoomMs.length;
    if (errors.length) throw new Error(`the page threw: ${errors[0]}`);
    return { firstRenderMs: first, browserCpuMs, serverCpuMs, apiBytes, apiCalls, marks, shown, zoomMs, zoomBrowserCpuMs };
  } finally {
    await within(context.close(), 30_000, 'closing the page').catch(() => undefined);
  }
}

/**
 * `runs` first renders and zoom sequences of #/timeline on `db`, each in a fresh browser context,
 * on one server started (and warmed up: index loaded, as the server does by itself) beforehand.
 * Stops at the first failure and says what happened.
 */
export async function measureTimelineView(browser: Browser, db: string, runs = 3, timeoutMs = 60_000): Promise<TimelineOutcome> {
  let s: Serving;
  try {
    s = await startServe(db);
  } catch (e) {
    return { ok: false, reason: `the server did not start: ${(e as Error).message.split('\n')[0]}`, runs: [] };
  }
  const done: TimelineRun[] = [];
  try {
    // The server's own warm-up (library + search index) finished: the first render does not queue behind it.
    await api(s.origin, 'search', { query: '' });
    for (let i = 0; i < runs; i++) done.push(await oneRun(browser, s, timeoutMs));
    return { ok: true, runs: done, serverRuns: s.runs };
  } catch (e) {
    return { ok: false, reason: (e as Error).message.split('\n')[0]!, runs: done };
  } finally {
    s.cleanup();
  }
}
