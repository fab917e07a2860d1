// `npm run bench [-- --quick] [--no-write] [--keep] [--only real,200]`
//
// Builds the real corpus and synthetic corpora (500, 5,000 and 20,000 documents; --quick: 200 and 1,000),
// then measures each with Lunr (the app's engine) and SQLite FTS5 (the reference) side by side,
// prints one table per corpus and writes docs/BENCHMARKS.md. One function per metric.
// --only LIST: just these corpora ("real" and/or numbers of synthetic documents, comma-separated);
// implies --no-write, since the results block in docs/BENCHMARKS.md is one full run.
// One file on purpose: it is the table of metrics itself (one function per row, then the run that
// prints them in table order); the machinery is beside it (args, fts, serve, worker, timeline, added).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { DEFAULT_TIMELINE_PAGE } from '../../src/shared/api';
import { Library } from '../../src/services/library';
import { findChromium, QUIET_CHROMIUM_FLAGS } from '../../src/host/browsers';
import { ROOT } from '../../src/host/paths';
import { generateCorpus, REAL_CORPUS_DIR, writeCorpus } from '../synth-corpus';
import { buildFts } from './fts';
import { QUERIES } from './queries';
import { apiFirstResult, closeBrowser, currentBrowser, ensureRenderer, launchBrowser, pageFirstResult } from './serve';
import { reapedChildrenCpuMs } from './proc';
import { measureTimelineView, type TimelineRun } from './timeline';
import type { BriefingRun, ServiceCall, ServiceRun, Task } from './worker';
import { measureAddedDocuments } from './added';
import { BENCH_USAGE, parseBenchArgs, type BenchArgs } from './args';
import { bundleWorker } from './bundle';

let parsed: BenchArgs;
try {
  parsed = parseBenchArgs(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n${BENCH_USAGE}\n`);
  process.exit(2);
}
const { quick: QUICK, only: ONLY, write: WRITE, keep: KEEP } = parsed;

interface CorpusPlan {
  name: string;
  docs: number | null; // null: the real corpus
  builds: number;
  loads: number;
  searchRuns: number;
}

const FULL_PLANS: CorpusPlan[] = QUICK
  ? [
      { name: 'Real corpus (corpus/, 5 documents)', docs: null, builds: 3, loads: 3, searchRuns: 3 },
      { name: 'Synthetic, 200 documents', docs: 200, builds: 1, loads: 3, searchRuns: 2 },
      { name: 'Synthetic, 1,000 documents', docs: 1000, builds: 1, loads: 3, searchRuns: 2 },
    ]
  : [
      { name: 'Real corpus (corpus/, 5 documents)', docs: null, builds: 5, loads: 5, searchRuns: 5 },
      { name: 'Synthetic, 500 documents', docs: 500, builds: 2, loads: 5, searchRuns: 3 },
      { name: 'Synthetic, 5,000 documents', docs: 5000, builds: 1, loads: 3, searchRuns: 2 },
      { name: 'Synthetic, 20,000 documents', docs: 20000, builds: 1, loads: 3, searchRuns: 1 },
    ];

const PLANS: CorpusPlan[] =
  ONLY === null
    ? FULL_PLANS
    : ONLY.map(
        (key) =>
          FULL_PLANS.find((p) => (key === 'real' ? p.docs === null : p.docs === Number(key))) ?? {
            name: `Synthetic, ${Number(key).toLocaleString('en-GB')} documents`,
            docs: Number(key),
            builds: 1,
            loads: 3,
            searchRuns: 2,
          },
      );

// --- helpers -----------------------------------------------------------------------------------

/** The bundled worker (bundle.ts), made on the first serving task; null: it could not be built. */
let bundled: string | null | undefined;

function worker<T>(task: Task, timeoutMs?: number): T {
  // The search rows (load, serving memory, latency) run the worker bundled, as the app ships its code.
  if (task.kind === 'search' || task.kind === 'load') bundled ??= bundleWorker(log);
  const script = (task.kind === 'search' || task.kind === 'load') && bundled ? [bundled] : ['--import', 'tsx', join(ROOT, 'scripts/bench/worker.ts')];
  const out = execFileSync(process.execPath, [...script, JSON.stringify(task)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
    ...(timeoutMs ? { timeout: timeoutMs, killSignal: 'SIGKILL' as const } : {}),
  });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
/** Nearest-rank percentile. */
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)]!;
};
const ms = (x: number): string => (Number.isNaN(x) ? '–' : x < 10 ? `${x.toFixed(2)} ms` : x < 1000 ? `${Math.round(x)} ms` : `${(x / 1000).toFixed(2)} s`);
const mb = (b: number): string => (b < 1e6 ? `${(b / 1e3).toFixed(0)} kB` : `${(b / 1e6).toFixed(1)} MB`);
const ratio = (a: number, b: number): string => (b > 0 && Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '–');
const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);

// --- metrics (one function each) ---------------------------------------------------------------

interface BuildResult { ms: number; cpuMs: number; counts: Record<string, number>; peakRss: number }
interface SearchResult { loadMs: number; runs: number[][]; cpuRuns: number[][]; top: string[][]; totals: number[]; timeline: Record<string, number> | null; rssBeforeLoad: number; peakRss: number; timelinePeakRss: number }

function measureBuild(plan: CorpusPlan, corpusDir: string, db: string): { ms: number; cpuMs: number; counts: Record<string, number>; peakRss: number; runs: number } {
  const rs: BuildResult[] = [];
  for (let i = 0; i < plan.builds; i++) rs.push(worker<BuildResult>({ kind: 'build', corpusDir, outFile: db }));
  return { ms: median(rs.map((r) => r.ms)), cpuMs: median(rs.map((r) => r.cpuMs)), counts: rs[0]!.counts, peakRss: median(rs.map((r) => r.peakRss)), runs: rs.length };
}

/** The index is a header (search_index.lunr) and posting chunks (search_postings); phrase checks add the folded texts. */
function measureSizes(db: string): { dbBytes: number; indexBytes: number; headerBytes: number; foldedBytes: number } {
  const d = new Database(db, { readonly: true });
  const head = d.prepare('SELECT length(lunr) AS header, length(folded) + length(folded_ends) AS folded FROM search_index').get() as { header: number; folded: number };
  const postings = (d.prepare('SELECT coalesce(sum(length(docs) + length(weights)), 0) AS n FROM search_postings').get() as { n: number }).n;
  d.close();
  return { dbBytes: statSync(db).size, indexBytes: head.header + postings, headerBytes: head.header, foldedBytes: head.folded };
}

function measureLoad(plan: CorpusPlan, engine: 'lunr' | 'fts', db: string, ftsDb: string): { ms: number; cpuMs: number } {
  const xs: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < plan.loads; i++) xs.push(worker<{ ms: number; cpuMs: number }>({ kind: 'load', engine, db, ftsDb }));
  return { ms: median(xs.map((x) => x.ms)), cpuMs: median(xs.map((x) => x.cpuMs)) };
}

function measureSearch(plan: CorpusPlan, engine: 'lunr' | 'fts', db: string, ftsDb: string) {
  const r = worker<SearchResult>({ kind: 'search', engine, db, ftsDb, runs: plan.searchRuns, limit: 10 });
  const per = r.runs.map((lat) => ({ p50: pct(lat, 0.5), p95: pct(lat, 0.95), max: Math.max(...lat) }));
  const cpuP95 = median(r.cpuRuns.map((c) => pct(c, 0.95)));
  // The slowest queries (median over runs), to say what the tail is made of.
  const slow = QUERIES.map((q, i) => ({ q: q.text, kind: q.kind, ms: median(r.runs.map((lat) => lat[i]!)), total: r.totals[i]! }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  return { cpuP95, p50: median(per.map((x) => x.p50)), p95: median(per.map((x) => x.p95)), max: median(per.map((x) => x.max)), peakRss: r.peakRss, timelinePeakRss: r.timelinePeakRss, top: r.top, totals: r.totals, timeline: r.timeline, slow, runs: r.runs.length };
}

/** Mean share of FTS5's top 10 that Lunr's top 10 also holds, over queries where FTS5 finds something. */
function recallAt10(lunrTop: string[][], ftsTop: string[][]): { overlap: number; queries: number } {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < ftsTop.length; i++) {
    const ref = ftsTop[i]!;
    if (ref.length === 0) continue;
    const mine = new Set(lunrTop[i]);
    sum += ref.filter((id) => mine.has(id)).length / ref.length;
    n++;
  }
  return { overlap: n ? sum / n : NaN, queries: n };
}

/** The renderer and server bundle (built untimed when stale), then the browser the page measurements share. */
async function prepareBrowserEdition(): Promise<{ renderer: string | null; browser: string | null; note: string | null }> {
  const renderer = ensureRenderer();
  if (!renderer.ok) return { renderer: `n/a (${renderer.note})`, browser: null, note: null };
  let browser: string | null;
  try {
    const noBrowser = await launchBrowser();
    browser = noBrowser ? `n/a (${noBrowser})` : null;
  } catch (e) {
    browser = `n/a (${(e as Error).message.split('\n')[0]})`;
  }
  return { renderer: null, browser, note: renderer.note };
}

async function measureBrowserEdition(db: string, ready: { renderer: string | null; browser: string | null }): Promise<{ api: number | string; page: number | string }> {
  if (ready.renderer) return { api: ready.renderer, page: ready.renderer };
  const api: number[] = [];
  for (let i = 0; i < 3; i++) api.push(await apiFirstResult(db));
  let page: number | string;
  if (ready.browser) page = ready.browser;
  else {
    try {
      const xs: number[] = [];
      for (let i = 0; i < 3; i++) xs.push(await pageFirstResult(db));
      page = median(xs);
    } catch (e) {
      page = `n/a (${(e as Error).message.split('\n')[0]})`;
    }
  }
  return { api: median(api), page };
}

/**
 * #/timeline on this corpus's DB through the browser edition (./timeline.ts): first render and
 * zoom steps, medians over 3 fresh pages. A view that fails or times out says so in the row.
 */
async function measureTimelineRender(db: string, events: number | undefined, ready: { renderer: string | null; browser: string | null }): Promise<{ row: string; notes: string[] }> {
  const inLibrary = events !== undefined ? `${events} events in the library` : '';
  const unavailable = ready.renderer ?? ready.browser;
  if (unavailable) return { row: unavailable, notes: [] };
  const browser = currentBrowser()!;
  const r = await measureTimelineView(browser, db, 3, 60_000);
  const runs: TimelineRun[] = r.runs;
  const notes: string[] = [];
  let row = '';
  if (runs.length > 0) {
    const steps = runs.flatMap((x) => x.zoomMs);
    const m = (f: (x: TimelineRun) => number) => median(runs.map(f));
    const shown = runs[0]!.shown ? `${runs[0]!.shown} events shown` : inLibrary;
    row =
      `first render ${ms(m((x) => x.firstRenderMs))} (CPU: Chromium ${ms(m((x) => x.browserCpuMs))}, server ${ms(m((x) => x.serverCpuMs))}); ` +
      `zoom step median ${ms(median(steps))} (p95 ${ms(pct(steps, 0.95))}; Chromium CPU ${ms(m((x) => x.zoomBrowserCpuMs))}/step); ` +
      `${shown}, ${runs[0]!.marks} marks drawn; median of ${runs.length}`;
    notes.push(
      `Timeline view: the first render received ${mb(m((x) => x.apiBytes))} from ${runs[0]!.apiCalls} /api calls; zoom: ${steps.length / runs.length} steps per page (8 × "Zoom in", 8 × "Zoom out"), ${steps.length} in all.`,
    );
  }
  if (!r.ok) row = runs.length > 0 ? `${row}; then run ${runs.length + 1} failed: ${r.reason}` : `${r.reason}${inLibrary ? `; ${inLibrary}` : ''}`;
  return { row, notes };
}

/** The TimelinePlot component alone on 10,000 synthetic events (scripts/bench-timeline.ts), in the running browser. */
async function measureTimelineComponent(): Promise<string> {
  const browser = currentBrowser();
  if (!browser) return 'Timeline component alone (scripts/bench-timeline.ts): n/a (no browser).';
  try {
    const { measureTimelineRender: component } = await import('../bench-timeline');
    const r = await component(10_000, { browser });
    return `Timeline component alone (scripts/bench-timeline.ts: TimelinePlot + TimelineState, ${r.events} synthetic events handed over in the page, no loading): first render ${ms(r.firstRenderMs)}; zoom step median ${ms(r.zoomFrameMs)} (p95 ${ms(r.zoomFrameP95Ms ?? NaN)}); ${r.marks ?? '?'} marks drawn.`;
  } catch (e) {
    return `Timeline component alone (scripts/bench-timeline.ts): n/a (${(e as Error).message.split('\n')[0]}).`;
  }
}

/**
 * What a bare headless Chromium costs (launch, a blank page, page.pdf(), close; same flags as
 * renderBriefingPdf), i.e. the part of a briefing PDF that a browser kept running would save.
 */
async function measureChromiumStart(): Promise<string> {
  const exe = findChromium();
  if (!exe) return 'Bare Chromium start: n/a (no Chromium found).';
  const xs: { launch: number; page: number; pdf: number; close: number; all: number; cpu: number }[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const cpu0 = reapedChildrenCpuMs();
      const t0 = performance.now();
      const b = await chromium.launch({ executablePath: exe, headless: true, args: [...QUIET_CHROMIUM_FLAGS, '--no-sandbox'] });
      const t1 = performance.now();
      const page = await (await b.newContext()).newPage();
      await page.setContent('<p>Relations Desk</p>');
      const t2 = performance.now();
      await page.pdf({ format: 'A4' });
      const t3 = performance.now();
      await b.close();
      const t4 = performance.now();
      xs.push({ launch: t1 - t0, page: t2 - t1, pdf: t3 - t2, close: t4 - t3, all: t4 - t0, cpu: reapedChildrenCpuMs() - cpu0 });
    }
  } catch (e) {
    return `Bare Chromium start: n/a (${(e as Error).message.split('\n')[0]}).`;
  }
  const m = (k: keyof (typeof xs)[number]) => ms(median(xs.map((x) => x[k])));
  return `Bare Chromium start, for the briefing PDF (launch, a blank page, page.pdf(), close; median of 3): ${m('all')} (Chromium CPU ${m('cpu')}): launch ${m('launch')}, first page ${m('page')}, pdf ${m('pdf')}, close ${m('close')}.`;
}

/** The partner in most documents, then the next ones (synthetic corpora). */
function busiestPartners(db: string, n: number): string[] {
  const lib = Library.open(db);
  try {
    return lib
      .listPartners()
      .sort((a, b) => b.documents.length - a.documents.length || a.name.localeCompare(b.name))
      .slice(0, n)
      .map((p) => p.name);
  } finally {
    lib.close();
  }
}

/**
 * renderBriefingPdf for one partner and for a 3-partner comparison sheet, each call in a fresh
 * process that launches its own Chromium (as `relations-desk briefing` does): median of 3.
 */
function measureBriefingPdf(plan: CorpusPlan, db: string, tmp: string, renderer: string | null): string {
  if (renderer) return renderer;
  const one = plan.docs === null ? ['Kosovo'] : busiestPartners(db, 1);
  const three = plan.docs === null ? ['Kosovo', 'NATO', 'Ukraine'] : busiestPartners(db, 3);
  const cell = (partners: string[]): string => {
    const runs: Extract<BriefingRun, { ok: true }>[] = [];
    let failure: string | null = null;
    for (let i = 0; i < 3 && failure === null; i++) {
      let r: BriefingRun;
      try {
        r = worker<BriefingRun>({ kind: 'briefing', db, partners, out: join(tmp, `briefing-${plan.docs ?? 'real'}-${partners.length}.pdf`) }, 300_000);
      } catch (e) {
        r = { ok: false, error: (e as { signal?: string }).signal === 'SIGKILL' ? 'no PDF within 300 s' : (e as Error).message.split('\n')[0]! };
      }
      if (r.ok) runs.push(r);
      else failure = r.error;
    }
    const who = partners.join(' + ');
    if (runs.length === 0) return `${who}: failed (${failure})`;
    const m = (f: (x: (typeof runs)[number]) => number) => median(runs.map(f));
    return (
      `${who}: ${ms(m((x) => x.ms))} (CPU: node ${ms(m((x) => x.cpuMs))}, Chromium ${ms(m((x) => x.chromiumCpuMs))}), ${runs[0]!.pages} page${runs[0]!.pages === 1 ? '' : 's'}, ${mb(runs[0]!.bytes)}` +
      (runs.length < 3 ? ` (${runs.length} of 3 runs; then: ${failure})` : '')
    );
  };
  return `${cell(one)} · ${cell(three)}`;
}

/**
 * The service calls behind the comparison, the partner page, the briefing sheet's data (no
 * Chromium) and the unfiltered timeline, each in a fresh process and timed from the library being
 * open (`scripts/bench/worker.ts`, task "service"): median of `runs`, with the process's peak RSS.
 */
function measureServices(plan: CorpusPlan, db: string): { rows: string[][]; notes: string[] } {
  const partners = plan.docs === null ? ['Kosovo', 'NATO', 'Ukraine', 'Greece'] : busiestPartners(db, 4);
  const runs = plan.docs === null ? 5 : 3;
  const time = (call: ServiceCall, who: string[]): { ms: number; cpuMs: number; peakRss: number; size: number } | string => {
    const xs: ServiceRun[] = [];
    for (let i = 0; i < runs; i++) {
      try {
        xs.push(worker<ServiceRun>({ kind: 'service', db, call, partners: who }, 300_000));
      } catch (e) {
        return (e as { signal?: string }).signal === 'SIGKILL' ? 'no answer within 300 s' : `failed (${(e as Error).message.split('\n')[0]})`;
      }
    }
    return { ms: median(xs.map((x) => x.ms)), cpuMs: median(xs.map((x) => x.cpuMs)), peakRss: median(xs.map((x) => x.peakRss)), size: xs[0]!.size };
  };
  const cell = (call: ServiceCall, who: string[], rss = false): string => {
    const r = time(call, who);
    if (typeof r === 'string') return `${who.join(' + ')}: ${r}`;
    return `${who.join(' + ')}: ${ms(r.ms)} (CPU ${ms(r.cpuMs)}${rss ? `; peak RSS ${mb(r.peakRss)}` : ''}), ${mb(r.size)} of JSON`;
  };
  const big = plan.docs !== null && plan.docs >= 5000;
  const tgt = (t: string): string => (big ? t : '');
  log(`${plan.name}: service calls (compare, partner page, briefing data, timeline) ×${runs}…`);
  return {
    rows: [
      [`Compare 4 partners (comparePartners, fresh process, from the library open; median of ${runs})`, cell('compare', partners, true), '', '', tgt('≤ 300 ms')],
      [`Partner page (getPartner; median of ${runs})`, cell('partner', partners.slice(0, 1)), '', '', ''],
      [`Briefing data, no Chromium (buildBriefing; median of ${runs}): 1 partner · 3 partners`, `${cell('briefing-data', partners.slice(0, 1))} · ${cell('briefing-data', partners.slice(0, 3))}`, '', '', tgt('≤ 300 ms (1 partner)')],
      [
        `Timeline query, all events, alone in a fresh process through the handlers (median of ${runs}): first page (\`timeline({})\`: ${DEFAULT_TIMELINE_PAGE} events and the total) · every event as \`relations-desk timeline --json\` prints them, a page at a time`,
        `${cell('timeline-page', partners.slice(0, 1), true).replace(/^[^:]+: /, '')} · ${cell('timeline-all', partners.slice(0, 1), true).replace(/^[^:]+: /, '').replace(/ of JSON$/, ' of JSON printed')}`,
        '',
        '',
        tgt('≤ 300 ms, RSS ≤ 400 MB'),
      ],
    ],
    notes: [
      `Service rows: the partners in most documents (${partners.join(', ')}); FTS5 has no counterpart for them (they classify and pick sentences; no full-text query is involved), hence no FTS5 figure.`,
    ],
  };
}

// --- run ---------------------------------------------------------------------------------------

interface CorpusReport { plan: CorpusPlan; rows: string[][]; notes: string[]; corpusBytes: number }

async function benchCorpus(plan: CorpusPlan, tmp: string): Promise<CorpusReport> {
  let corpusDir = REAL_CORPUS_DIR;
  if (plan.docs !== null) {
    corpusDir = join(tmp, `synth-${plan.docs}`);
    const t = performance.now();
    writeCorpus(corpusDir, generateCorpus({ docs: plan.docs, seed: 1 }));
    log(`${plan.name}: generated in ${ms(performance.now() - t)}`);
  }
  const corpusBytes = Number(execFileSync('du', ['-sb', corpusDir], { encoding: 'utf8' }).split('\t')[0]);
  const db = join(tmp, `desk-${plan.docs ?? 'real'}.db`);
  const ftsDb = join(tmp, `fts-${plan.docs ?? 'real'}.db`);

  log(`${plan.name}: building ×${plan.builds}…`);
  const build = measureBuild(plan, corpusDir, db);
  const sizes = measureSizes(db);
  rmSync(ftsDb, { force: true });
  const fts = buildFts(db, ftsDb);
  log(`${plan.name}: loading ×${plan.loads}…`);
  const loadL = measureLoad(plan, 'lunr', db, ftsDb);
  const loadF = measureLoad(plan, 'fts', db, ftsDb);
  log(`${plan.name}: searching ${QUERIES.length} queries ×${plan.searchRuns}…`);
  const sL = measureSearch(plan, 'lunr', db, ftsDb);
  const sF = measureSearch(plan, 'fts', db, ftsDb);
  const recall = recallAt10(sL.top, sF.top);
  let browserEdition: { api: number | string; page: number | string } = { api: 'not measured (real corpus only)', page: 'not measured (real corpus only)' };
  const ready = await prepareBrowserEdition();
  let timeline: { row: string; notes: string[] };
  let component: string | null = null;
  try {
    if (plan.docs === null) {
      log(`${plan.name}: browser edition…`);
      browserEdition = await measureBrowserEdition(db, ready);
    }
    log(`${plan.name}: timeline view…`);
    timeline = await measureTimelineRender(db, sL.timeline?.events, ready);
    if (plan.docs === null && !ready.renderer && !ready.browser) {
      log(`${plan.name}: timeline component, 10,000 synthetic events…`);
      component = await measureTimelineComponent();
    }
  } finally {
    await closeBrowser();
  }
  const services = measureServices(plan, db);
  log(`${plan.name}: briefing PDF…`);
  const briefing = measureBriefingPdf(plan, db, tmp, ready.renderer);
  const chromiumStart = plan.docs === null && !ready.renderer ? await measureChromiumStart() : null;
  log(`${plan.name}: documents the user adds…`);
  const added = await measureAddedDocuments(db, tmp, plan.docs !== null && plan.docs >= 5000);
  const show = (x: number | string): string => (typeof x === 'number' ? ms(x) : x);
  const big = plan.docs !== null && plan.docs >= 5000;
  const tgt = (t: string): string => (big ? t : '');
  const c = build.counts;
  const rows: string[][] = [
    ['Build (corpus → DB, incl. Lunr index)', `${ms(build.ms)} (CPU ${ms(build.cpuMs)}; median of ${build.runs})`, `index only: ${ms(fts.ms)} (1 build)`, '', tgt('≤ 30 s')],
    ['Build peak RSS (VmHWM of the build process)', mb(build.peakRss), '', '', tgt('≤ 600 MB')],
    ['DB size', mb(sizes.dbBytes), '', '', ''],
    ['Serialized index size (read at load: header)', `${mb(sizes.indexBytes)} (${mb(sizes.headerBytes)}); folded texts for phrases ${mb(sizes.foldedBytes)}`, mb(fts.bytes), ratio(sizes.indexBytes, fts.bytes), ''],
    [`Index load (fresh process; median of ${plan.loads}): wall (CPU)`, `${ms(loadL.ms)} (${ms(loadL.cpuMs)})`, `${ms(loadF.ms)} (${ms(loadF.cpuMs)})`, ratio(loadL.ms, loadF.ms), tgt('≤ 1 s')],
    [`Search p50 (${QUERIES.length} queries; median of ${sL.runs} runs)`, ms(sL.p50), ms(sF.p50), ratio(sL.p50, sF.p50), ''],
    ['Search p95: wall (CPU)', `${ms(sL.p95)} (${ms(sL.cpuP95)})`, `${ms(sF.p95)} (${ms(sF.cpuP95)})`, ratio(sL.p95, sF.p95), tgt('≤ 20 ms')],
    ['Search max', ms(sL.max), ms(sF.max), ratio(sL.max, sF.max), ''],
    ['Peak RSS of the serving process (VmHWM; worker bundled as the app ships, not tsx)', mb(sL.peakRss), mb(sF.peakRss), ratio(sL.peakRss, sF.peakRss), tgt('≤ 200 MB')],
    [`Recall@10 overlap (FTS5 top 10 found by Lunr; ${recall.queries} queries)`, `${(recall.overlap * 100).toFixed(0)} %`, '', '', ''],
    [`Timeline query, first page (${DEFAULT_TIMELINE_PAGE} events) in the serving process: all ${sL.timeline?.events ?? '?'} events / busiest partner / 2000–2009`, sL.timeline ? `${ms(sL.timeline.all!)} / ${ms(sL.timeline.partner!)} / ${ms(sL.timeline.decade!)} (peak RSS after them ${mb(sL.timelinePeakRss)})` : '–', '', '', ''],
    ['Timeline view #/timeline (browser edition, headless Chromium already running): first render; zoom step', timeline.row, '', '', ''],
    ['Browser edition: start → first result (POST /api/search; median of 3)', show(browserEdition.api), '', '', plan.docs === null ? '≤ 1.5 s' : ''],
    ['Browser edition: start → first result rendered (headless Chromium; median of 3)', show(browserEdition.page), '', '', plan.docs === null ? '≤ 1.5 s' : ''],
    ...services.rows,
    ['Briefing PDF (renderBriefingPdf in a fresh process; launches its own Chromium; median of 3): 1 partner · 3 partners', briefing, '', '', tgt('≤ 3 s · ≤ 4 s')],
    ...added.rows,
  ];
  const notes = [
    ...added.notes,
    `${c.documents} documents, ${c.passages} passages, ${c.sections} sections, ${c.partners} partners, ${c.events} events, ${c.skippedFiles} skipped; ${mb(corpusBytes)} of source text.`,
    `Slowest Lunr queries: ${sL.slow.map((s) => `\`${s.q.trim().slice(0, 30)}\` (${s.kind}, ${s.total} hits) ${ms(s.ms)}`).join('; ')}.`,
    `Slowest FTS5 queries: ${sF.slow.map((s) => `\`${s.q.trim().slice(0, 30)}\` (${s.kind}, ${s.total} hits) ${ms(s.ms)}`).join('; ')}.`,
  ];
  notes.push(...services.notes, ...timeline.notes);
  if (component) notes.push(component);
  if (chromiumStart) notes.push(chromiumStart);
  if (ready.note) notes.push(`Browser edition: ${ready.note}.`);
  return { plan, rows, notes, corpusBytes };
}

function table(r: CorpusReport): string {
  const head = ['Metric', 'Lunr (Relations Desk)', 'FTS5 (reference)', 'Lunr / FTS5', 'Target'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...r.rows.map((row) => `| ${row.join(' | ')} |`)];
  return [`### ${r.plan.name}`, '', ...lines, '', ...r.notes.map((n) => `- ${n}`), ''].join('\n');
}

function machine(): string {
  const model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? '?';
  const la = loadavg().map((x) => x.toFixed(1)).join(', ');
  return `${model}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}; load average at the end of the run: ${la}`;
}

async function main(): Promise<void> {
  const started = performance.now();
  const tmp = mkdtempSync(join(tmpdir(), 'desk-bench-'));
  const loadStart = loadavg()[0]!.toFixed(1);
  const reports: CorpusReport[] = [];
  try {
    for (const plan of PLANS) {
      const r = await benchCorpus(plan, tmp);
      reports.push(r);
      process.stdout.write(`\n${table(r)}\n`);
    }
  } finally {
    if (!KEEP) rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }
  const total = performance.now() - started;
  const header = [
    `Run: \`npm run bench${QUICK || ONLY ? ` --${QUICK ? ' --quick' : ''}${ONLY ? ` --only ${ONLY.join(',')}` : ''}` : ''}\` on ${new Date().toISOString().slice(0, 10)}, ${ms(total)} in all.`,
    `Machine: ${machine()} (at the start: ${loadStart}).`,
  ].join('\n');
  process.stdout.write(`\n${header}\n`);
  if (!WRITE && ONLY !== null) log('--only: docs/BENCHMARKS.md left as it is (it holds full runs only)');
  if (WRITE) {
    const file = join(ROOT, 'docs', 'BENCHMARKS.md');
    const doc = readFileSync(file, 'utf8');
    const start = doc.indexOf('<!-- bench:results -->');
    const end = doc.indexOf('<!-- /bench:results -->');
    const block = `<!-- bench:results -->\n${header}\n\n${reports.map(table).join('\n')}<!-- /bench:results -->`;
    writeFileSync(file, start !== -1 && end !== -1 ? doc.slice(0, start) + block + doc.slice(end + '<!-- /bench:results -->'.length) : `${doc.trimEnd()}\n\n${block}\n`);
    log(`results written to docs/BENCHMARKS.md`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
