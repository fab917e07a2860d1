// Child-process side of the benchmark, so that load times are cold and peak RSS is the serving
// process's own. `tsx scripts/bench/worker.ts '<json task>'` prints one JSON result line.
import { readFileSync, statSync } from 'node:fs';
import { DEFAULT_TIMELINE_PAGE, type TimelineParams } from '../../src/shared/api';
import { Library } from '../../src/services/library';
import { reapedChildrenCpuMs } from './proc';
import { FtsSearcher } from './fts';
import { QUERIES } from './queries';

export type Task =
  | { kind: 'build'; corpusDir: string; outFile: string }
  | { kind: 'load'; engine: 'lunr' | 'fts'; db: string; ftsDb?: string }
  | { kind: 'search'; engine: 'lunr' | 'fts'; db: string; ftsDb?: string; runs: number; limit: number }
  | { kind: 'briefing'; db: string; partners: string[]; out: string }
  | { kind: 'service'; db: string; call: ServiceCall; partners: string[] };

/** The service calls behind the app's heavier screens, each timed in a fresh process after the library is open. */
export type ServiceCall = 'compare' | 'partner' | 'briefing-data' | 'timeline-page' | 'timeline-all';
export interface ServiceRun { ms: number; cpuMs: number; openMs: number; peakRss: number; size: number }

/** One `renderBriefingPdf` call in a fresh process, as `relations-desk briefing` makes it. */
export type BriefingRun = { ok: true; ms: number; cpuMs: number; chromiumCpuMs: number; pages: number; bytes: number } | { ok: false; error: string };

/** Peak resident set size of this process so far (VmHWM), in bytes. */
export function peakRss(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.memoryUsage().rss;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/**
 * From the call to the PDF written and the browser closed: the sheet model (opening the library),
 * the in-process server, a Chromium launched by the call, page load, page.pdf(). CPU: this process,
 * and Chromium's processes (reaped children: Playwright waits for the browser to exit).
 */
async function briefing(task: Extract<Task, { kind: 'briefing' }>): Promise<BriefingRun> {
  // Imported here, not at the top: Playwright, the web server and the handlers would otherwise
  // sit in every worker's memory and skew the serving process's peak RSS.
  const [{ renderBriefingPdf }, { createDesk }] = await Promise.all([import('../../src/cli/briefing'), import('../../src/services/desk')]);
  const desk = createDesk({ dbPath: task.db });
  const cpu0 = process.cpuUsage();
  const children0 = reapedChildrenCpuMs();
  const t0 = performance.now();
  try {
    const r = await renderBriefingPdf({ desk, partners: task.partners, out: task.out, paper: 'a4', timeoutMs: 120_000 });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { ok: true, ms, cpuMs: (cpu.user + cpu.system) / 1000, chromiumCpuMs: reapedChildrenCpuMs() - children0, pages: r.pages, bytes: statSync(r.out).size };
  } catch (e) {
    return { ok: false, error: (e as Error).message.split('\n')[0]! };
  } finally {
    desk?.close();
  }
}

/**
 * One service call in a fresh process, timed from the library being open (start-up: the process,
 * the imports and Library.open are not counted; `openMs` gives the open). `size`: what the call
 * returns, as JSON bytes. peakRss: VmHWM after the call (the process did nothing else).
 */
async function service(task: Extract<Task, { kind: 'service' }>): Promise<ServiceRun> {
  const [{ comparePartners }, { buildBriefing }, { createDesk }, { printTimeline }] = await Promise.all([
    import('../../src/services/compare'),
    import('../../src/services/briefing'),
    import('../../src/services/desk'),
    import('../../src/cli/timeline'),
  ]);
  const o = performance.now();
  const lib = Library.open(task.db);
  // The timeline is asked through the handlers, as every transport asks it (params checked, pages cut);
  // the other calls read the library directly, with no second connection beside them.
  const timelineCall = task.call === 'timeline-page' || task.call === 'timeline-all';
  const desk = timelineCall ? createDesk({ dbPath: task.db }) : null;
  await desk?.api.info();
  const openMs = performance.now() - o;
  let printed = 0;
  const calls: Record<ServiceCall, () => unknown> = {
    compare: () => comparePartners(lib, task.partners),
    partner: () => lib.getPartner(task.partners[0]!),
    'briefing-data': () => buildBriefing(lib, { partners: task.partners, date: '2026-01-01' }),
    // What `timeline` answers when no filter is given: the first page and the total.
    'timeline-page': () => desk!.api.timeline({}),
    // What `relations-desk timeline --json` does: every event, a page at a time, printed (bytes counted, not kept).
    'timeline-all': async () => {
      await printTimeline({ fetch: (p) => desk!.api.timeline(p), filters: {}, json: true, out: (t: string) => void (printed += Buffer.byteLength(t) + 1) });
      return null;
    },
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await calls[task.call]();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const rss = peakRss();
  const size = task.call === 'timeline-all' ? printed : Buffer.byteLength(JSON.stringify(value));
  lib.close();
  desk?.close();
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, openMs, peakRss: rss, size };
}

async function run(task: Exclude<Task, { kind: 'briefing' | 'service' }>): Promise<unknown> {
  if (task.kind === 'build') {
    // Imported here: the builder would otherwise sit in the serving process's memory.
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const report = await (await import('../../src/ingest/build')).buildDatabaseInParallel({ corpusDir: task.corpusDir, outFile: task.outFile, builtAt: '2026-01-01T00:00:00.000Z' });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000, counts: report.counts, peakRss: peakRss() };
  }
  if (task.kind === 'load') {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    if (task.engine === 'lunr') {
      const lib = Library.open(task.db);
      lib.getSearcher();
    } else {
      const fts = new FtsSearcher(task.ftsDb!, task.db);
      fts.search('nato ', 10); // FTS5 reads its index on first use: opening alone would flatter it
    }
    const cpu = process.cpuUsage(cpu0);
    return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
  }
  // search
  const rssBefore = peakRss();
  const t0 = performance.now();
  let search: (q: string) => { ids: string[]; total: number };
  let lib: Library | null = null;
  if (task.engine === 'lunr') {
    lib = Library.open(task.db);
    lib.getSearcher();
    search = (q) => {
      const r = lib!.search({ query: q, limit: task.limit });
      return { ids: r.results.map((h) => h.passageId), total: r.total };
    };
  } else {
    const fts = new FtsSearcher(task.ftsDb!, task.db);
    search = (q) => fts.search(q, task.limit);
  }
  const loadMs = performance.now() - t0;
  const runs: number[][] = [];
  const cpuRuns: number[][] = [];
  let top: string[][] = [];
  let totals: number[] = [];
  for (let r = 0; r < task.runs; r++) {
    const lat: number[] = [];
    const cpu: number[] = [];
    const ids: string[][] = [];
    const tot: number[] = [];
    for (const q of QUERIES) {
      const c = process.cpuUsage();
      const s = performance.now();
      const res = search(q.text);
      lat.push(performance.now() - s);
      const dc = process.cpuUsage(c);
      cpu.push((dc.user + dc.system) / 1000);
      ids.push(res.ids);
      tot.push(res.total);
    }
    runs.push(lat);
    cpuRuns.push(cpu);
    if (r === 0) (top = ids), (totals = tot);
  }
  // The search row's peak: index loaded and every query run. The timeline pages below are kept apart.
  const searchPeakRss = peakRss();
  let timeline: Record<string, number> | null = null;
  if (lib) {
    const time = (f: () => unknown): number => {
      const xs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const s = performance.now();
        f();
        xs.push(performance.now() - s);
      }
      return median(xs);
    };
    const partner = lib.listPartners().sort((a, b) => b.documents.length - a.documents.length)[0]?.name;
    // What a caller of `timeline` gets first: a page of DEFAULT_TIMELINE_PAGE events and the total.
    const page = (params: TimelineParams) => lib!.timelinePage(params, 0, DEFAULT_TIMELINE_PAGE);
    timeline = {
      all: time(() => page({})),
      partner: partner ? time(() => page({ partner })) : NaN,
      decade: time(() => page({ from: 2000, to: 2009 })),
      events: page({}).total,
    };
  }
  return { loadMs, runs, cpuRuns, top, totals, timeline, rssBeforeLoad: rssBefore, peakRss: searchPeakRss, timelinePeakRss: peakRss() };
}

const task = JSON.parse(process.argv[2] ?? '{}') as Task;
if (task.kind === 'briefing') {
  void briefing(task).then((r) => {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    // Nothing left to wait for (the server and the browser are closed), but do not hang on a stray handle.
    process.exit(0);
  });
} else if (task.kind === 'service') {
  void service(task).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
} else {
  void run(task).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
}
