// `relations-desk briefing <partner> [--compare <partner>…] --out FILE.pdf [--paper a4|letter]`
//
// Renders the app's own briefing sheet to PDF: a headless Chromium (found as the e2e tests find
// it) loads the renderer build from a private origin that Playwright answers in-process (files
// from out/renderer, `POST /api/<method>` from the desk's handlers — no server, no port), opens
// #/briefing?…&print=1, waits for the sheet to say it is ready, and prints it; the sheet draws its
// own running header and footer ("title · date", "page N of M", the library note, the corpus
// version). printRouteToPdf prints any such sheet (the comparison sheet too). Nothing leaves the
// machine: requests to any other origin are refused.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DeskError, type BriefingParams } from '../shared/api';
import type { BriefingSheet, PaperSize } from '../shared/types';
import type { Desk } from '../services/desk';
import { briefingRoute, PDF_MARGINS } from '../services/briefing';
import { contentTypeFor } from '../host/mime';
import { resolveInside, SECURITY_HEADERS } from '../host/security';
import { buildApp } from '../host/appBuild';
import { findChromium, QUIET_CHROMIUM_FLAGS } from '../host/browsers';
import { RENDERER_DIR } from '../host/paths';

export interface BriefingPdfOptions {
  desk: Pick<Desk, 'dispatch'>;
  /** 1 partner, or 2–4 for a side-by-side sheet. */
  partners: string[];
  out: string;
  paper: PaperSize;
  /** Chromium executable; found like the e2e tests find it when absent. */
  chromiumPath?: string;
  /** Progress lines (building the renderer); stderr in the CLI. */
  log?: (line: string) => void;
  /** Longest wait for the sheet to render, in ms. */
  timeoutMs?: number;
}

export interface BriefingPdfResult {
  out: string;
  pages: number;
  millis: number;
  title: string;
  paper: PaperSize;
}

export const NO_CHROMIUM =
  'No Chromium found to render the PDF. Install one (Debian: `apt-get install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome executable.';

export async function renderBriefingPdf(opts: BriefingPdfOptions): Promise<BriefingPdfResult> {
  const t0 = performance.now();
  const out = path.resolve(opts.out);
  checkWritable(out);

  // The sheet itself first: unknown partners fail here, with suggestions, before any browser starts.
  const env = await opts.desk.dispatch('briefing', { partners: opts.partners } satisfies BriefingParams);
  if (!env.ok) throw new DeskError(env.error.code, env.error.message, env.error.hint);
  const sheet = env.value as BriefingSheet;

  const { pages } = await printRouteToPdf({
    ...opts,
    out,
    route: briefingRoute(sheet.partners.map((p) => p.id), { paper: opts.paper, print: true }),
    ready: '[data-briefing-ready]',
    failed: 'data-briefing-error',
    what: 'briefing sheet',
  });
  return { out, pages, millis: Math.round(performance.now() - t0), title: sheet.title, paper: opts.paper };
}

export interface PrintRouteOptions extends Pick<BriefingPdfOptions, 'desk' | 'paper' | 'chromiumPath' | 'log' | 'timeoutMs'> {
  /** Absolute path of the PDF to write. */
  out: string;
  /** The renderer's hash route that shows the sheet alone ("#/briefing?…&print=1"). */
  route: string;
  /** Selector of the element the page shows once the sheet is complete. */
  ready: string;
  /** Attribute (on an element of its own) carrying the message when the sheet could not be made. */
  failed: string;
  /** "briefing sheet", for messages. */
  what: string;
}

/**
 * Print one of the renderer's sheets to PDF, as a person's Ctrl+P would: print media, the page
 * size and orientation the sheet's CSS asks for (@page), and the running header and footer it
 * draws in the page margins (@page margin boxes), so every edition prints the same paper.
 */
export async function printRouteToPdf(opts: PrintRouteOptions): Promise<{ pages: number; millis: number }> {
  const t0 = performance.now();
  const out = opts.out;
  const executablePath = opts.chromiumPath ?? findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);

  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) buildApp(opts.log);

  let browser: Browser | null = null;
  try {
    try {
      browser = await chromium.launch({ executablePath, headless: true, args: [...QUIET_CHROMIUM_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])] });
    } catch (err) {
      throw new Error(`Chromium (${executablePath}) could not start: ${(err as Error).message.split('\n')[0]}`);
    }
    const context = await browser.newContext();
    await serveAppInProcess(context, opts.desk);
    const page = await context.newPage();
    await page.goto(`${PRINT_ORIGIN}/${opts.route}`);
    const state = await page
      .waitForSelector(`${opts.ready}, [${opts.failed}]`, { timeout: opts.timeoutMs ?? 30_000 })
      .catch(() => null);
    if (!state) throw new Error(`The ${opts.what} did not finish rendering in time.`);
    const failed = await state.getAttribute(opts.failed);
    if (failed) throw new Error(`The ${opts.what} could not be prepared: ${failed}`);
    await loadBundledFonts(page);

    // Page size, orientation, header and footer come from the sheet's own @page rules.
    const pdf = await page.pdf({
      format: opts.paper === 'letter' ? 'Letter' : 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      margin: { ...PDF_MARGINS },
    });
    try {
      fs.writeFileSync(out, pdf);
    } catch (err) {
      throw new Error(`Cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    return { pages: countPdfPages(pdf), millis: Math.round(performance.now() - t0) };
  } finally {
    await browser?.close().catch(() => undefined);
  }
}

/** A name that never resolves: every request to it is answered by serveAppInProcess. */
const PRINT_ORIGIN = 'http://briefing.relations-desk.invalid';

/**
 * Answer the page's requests from this process: the renderer's files, and its API calls through
 * the desk's handlers (the same envelope the browser edition's server sends). Requests to any
 * other origin are refused, so the sheet can load nothing from the network.
 */
async function serveAppInProcess(context: BrowserContext, desk: Pick<Desk, 'dispatch'>): Promise<void> {
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.origin !== PRINT_ORIGIN) return route.abort('blockedbyclient');
    if (url.pathname.startsWith('/api/') && request.method() === 'POST') {
      let params: unknown;
      try {
        params = JSON.parse(request.postData() ?? '{}');
      } catch {
        params = undefined;
      }
      const envelope = await desk.dispatch(decodeURIComponent(url.pathname.slice('/api/'.length)), params);
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(envelope) });
    }
    const file = resolveInside(RENDERER_DIR, url.pathname === '/' ? 'index.html' : url.pathname);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({ status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) }, body: fs.readFileSync(file) });
  });
}

/**
 * Every face the renderer bundles (styles/fonts.css), loaded before printing: a face Chromium has
 * not fetched yet when the PDF is made would be replaced by whatever fonts this machine has, and
 * the sheet would wrap differently from one machine to the next (issue 11). Loading all of them,
 * not only those the sheet is known to use, keeps this independent of the sheet's contents.
 */
async function loadBundledFonts(page: Page): Promise<void> {
  const faces = await page.evaluate(async () => {
    const all = [...document.fonts];
    await Promise.all(all.map((f) => f.load().catch(() => undefined)));
    await document.fonts.ready;
    return all.map((f) => ({ family: f.family, style: f.style, status: f.status }));
  });
  const failed = faces.filter((f) => f.status !== 'loaded');
  if (faces.length === 0 || failed.length > 0) {
    const which = failed.map((f) => `${f.family} ${f.style}`).join(', ') || 'none declared';
    throw new Error(`The app's bundled fonts did not load (${which}); rebuild the app (npm run build:app).`);
  }
}

/** Fail before any work when the PDF could not be written there. */
export function checkWritable(out: string): void {
  const dir = path.dirname(out);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new Error(`Cannot write ${out}: the folder ${dir} does not exist.`);
  }
  if (!stat.isDirectory()) throw new Error(`Cannot write ${out}: ${dir} is not a folder.`);
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new Error(`Cannot write ${out}: it is a folder.`);
  try {
    fs.accessSync(fs.existsSync(out) ? out : dir, fs.constants.W_OK);
  } catch {
    throw new Error(`Cannot write ${out}: permission denied.`);
  }
}

/** Pages in a PDF Chromium wrote: its page-tree root's /Count, else the page objects. */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  if (counts.length > 0) return Math.max(...counts);
  return (text.match(/\/Type\s*\/Page(?!s)\b/g) ?? []).length;
}

export function parsePaper(value: string | undefined): PaperSize | null {
  if (value === undefined) return 'a4';
  const v = value.trim().toLowerCase();
  return v === 'a4' ? 'a4' : v === 'letter' || v === 'us-letter' ? 'letter' : null;
}
