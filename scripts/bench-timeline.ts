// `npx tsx scripts/bench-timeline.ts [--events N]` — prints one line of JSON:
//   {"events":10000,"firstRenderMs":…,"zoomFrameMs":…,"zoomFrameP95Ms":…,"marks":…,"frames":24}
//
// How long the timeline takes to draw N synthetic events (default 10,000) in headless Chromium:
// firstRenderMs from handing the events to the view to the first painted frame; zoomFrameMs the
// median time of one zoom step (state change → DOM → next frame) over 24 steps from a century
// down to months and back. The page is the real TimelinePlot/TimelineState, built with Vite into
// a temp folder and served on loopback; nothing is fetched from the network.
// For scripts/bench: `import { measureTimelineRender } from '../bench-timeline'`; it passes the
// browser it already runs (`{ browser }`), which is then left open.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { chromium, type Browser } from 'playwright-core';
import { findChromium, QUIET_CHROMIUM_FLAGS } from '../src/host/browsers';

const HERE = dirname(fileURLToPath(import.meta.url));

export interface TimelineRenderMeasurement {
  events: number;
  firstRenderMs: number;
  zoomFrameMs: number;
  zoomFrameP95Ms?: number;
  /** Markers in the DOM after the last frame (what "render only what is visible" keeps small). */
  marks?: number;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = resolve(dir, '.' + decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/\/$/, '/index.html'));
    if (!path.startsWith(dir) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

export async function measureTimelineRender(events = 10_000, opts: { browser?: Browser } = {}): Promise<TimelineRenderMeasurement> {
  let browser = opts.browser;
  if (!browser) {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH or install chromium.');
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [...QUIET_CHROMIUM_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    });
  }
  const out = mkdtempSync(join(tmpdir(), 'bench-timeline-'));
  let server: Server | undefined;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await build({
      root: join(HERE, 'bench-timeline'),
      base: './',
      logLevel: 'error',
      configFile: false,
      plugins: [svelte()],
      // bundlerTimings: no "callbacks took significant time" warnings on a busy machine.
      build: { outDir: out, emptyOutDir: true, modulePreload: { polyfill: false }, rolldownOptions: { checks: { bundlerTimings: false } } },
    });
    const served = await serve(out);
    server = served.server;
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(served.url);
    await page.waitForFunction(() => '__bench' in window);
    const result = await page.evaluate((n) => (window as unknown as { __bench: (n: number) => Promise<TimelineRenderMeasurement> }).__bench(n), events);
    if (errors.length) throw new Error(`The benchmark page failed: ${errors.join('\n')}`);
    return result;
  } finally {
    await context.close();
    if (!opts.browser) await browser.close();
    server?.close();
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--events');
  const n = i > 0 ? Number(process.argv[i + 1]) : 10_000;
  measureTimelineRender(n).then(
    (r) => console.log(JSON.stringify(r)),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
