// `npm run bench [-- --quick] [--no-write] [--keep]`
//
// Builds the real corpus and synthetic corpora (500 and 5,000 documents; --quick: 200 and 1,000),
// then measures each with Lunr (the app's engine) and SQLite FTS5 (the reference) side by side,
// prints one table per corpus and writes docs/BENCHMARKS.md. One function per metric; metrics
// whose feature does not exist yet print "n/a (not built yet)".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ROOT } from '../../src/web/serve';
import { generateCorpus, REAL_CORPUS_DIR, writeCorpus } from '../synth-corpus';
import { buildFts } from './fts';
import { QUERIES } from './queries';
import { apiFirstResult, closeBrowser, ensureRenderer, launchBrowser, pageFirstResult } from './serve';
import type { Task } from './worker';

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const NA = 'n/a (not built yet)';

interface CorpusPlan {
  name: string;
  docs: number | null; // null: the real corpus
  builds: number;
  loads: number;
  searchRuns: number;
}

const PLANS: CorpusPlan[] = QUICK
  ? [
      { name: 'Real corpus (corpus/, 5 documents)', docs: null, builds: 3, loads: 3, searchRuns: 3 },
      { name: 'Synthetic, 200 documents', docs: 200, builds: 1, loads: 3, searchRuns: 2 },
      { name: 'Synthetic, 1,000 documents', docs: 1000, builds: 1, loads: 3, searchRuns: 2 },
    ]
  : [
      { name: 'Real corpus (corpus/, 5 documents)', docs: null, builds: 5, loads: 5, searchRuns: 5 },
      { name: 'Synthetic, 500 documents', docs: 500, builds: 2, loads: 5, searchRuns: 3 },
      { name: 'Synthetic, 5,000 documents', docs: 5000, builds: 1, loads: 3, searchRuns: 2 },
    ];

// --- helpers -----------------------------------------------------------------------------------

function worker<T>(task: Task): T {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/bench/worker.ts'), JSON.stringify(task)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
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
interface SearchResult { loadMs: number; runs: number[][]; cpuRuns: number[][]; top: string[][]; totals: number[]; timeline: Record<string, number> | null; rssBeforeLoad: number; peakRss: number }

function measureBuild(plan: CorpusPlan, corpusDir: string, db: string): { ms: number; cpuMs: number; counts: Record<string, number>; peakRss: number; runs: number } {
  const rs: BuildResult[] = [];
  for (let i = 0; i < plan.builds; i++) rs.push(worker<BuildResult>({ kind: 'build', corpusDir, outFile: db }));
  return { ms: median(rs.map((r) => r.ms)), cpuMs: median(rs.map((r) => r.cpuMs)), counts: rs[0]!.counts, peakRss: median(rs.map((r) => r.peakRss)), runs: rs.length };
}

function measureSizes(db: string): { dbBytes: number; indexBytes: number } {
  const d = new Database(db, { readonly: true });
  const indexBytes = (d.prepare('SELECT length(CAST(lunr AS BLOB)) AS n FROM search_index').get() as { n: number }).n;
  d.close();
  return { dbBytes: statSync(db).size, indexBytes };
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
  return { cpuP95, p50: median(per.map((x) => x.p50)), p95: median(per.map((x) => x.p95)), max: median(per.map((x) => x.max)), peakRss: r.peakRss, top: r.top, totals: r.totals, timeline: r.timeline, slow, runs: r.runs.length };
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

async function measureBrowserEdition(db: string): Promise<{ api: number | string; page: number | string; note: string | null }> {
  const renderer = ensureRenderer();
  if (!renderer.ok) return { api: `n/a (${renderer.note})`, page: `n/a (${renderer.note})`, note: null };
  const api: number[] = [];
  for (let i = 0; i < 3; i++) api.push(await apiFirstResult(db));
  let page: number | string;
  try {
    const noBrowser = await launchBrowser();
    if (noBrowser) page = `n/a (${noBrowser})`;
    else {
      const xs: number[] = [];
      for (let i = 0; i < 3; i++) xs.push(await pageFirstResult(db));
      page = median(xs);
    }
  } catch (e) {
    page = `n/a (${(e as Error).message.split('\n')[0]})`;
  } finally {
    await closeBrowser();
  }
  return { api: median(api), page, note: renderer.note };
}

/** Timeline view (issue 5) and briefing PDF (issue 6) do not exist yet: plug them in here. */
function measureTimelineRender(): string {
  return NA;
}
function measureBriefingPdf(): string {
  return NA;
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
  let browserEdition: { api: number | string; page: number | string; note: string | null } = { api: 'not measured (real corpus only)', page: 'not measured (real corpus only)', note: null };
  if (plan.docs === null) {
    log(`${plan.name}: browser edition…`);
    browserEdition = await measureBrowserEdition(db);
  }
  const show = (x: number | string): string => (typeof x === 'number' ? ms(x) : x);
  const big = plan.docs !== null && plan.docs >= 5000;
  const tgt = (t: string): string => (big ? t : '');
  const c = build.counts;
  const rows: string[][] = [
    ['Build (corpus → DB, incl. Lunr index)', `${ms(build.ms)} (CPU ${ms(build.cpuMs)}; median of ${build.runs})`, `index only: ${ms(fts.ms)} (1 build)`, '', tgt('≤ 60 s')],
    ['DB size', mb(sizes.dbBytes), '', '', ''],
    ['Serialized index size', mb(sizes.indexBytes), mb(fts.bytes), ratio(sizes.indexBytes, fts.bytes), ''],
    [`Index load (fresh process; median of ${plan.loads}): wall (CPU)`, `${ms(loadL.ms)} (${ms(loadL.cpuMs)})`, `${ms(loadF.ms)} (${ms(loadF.cpuMs)})`, ratio(loadL.ms, loadF.ms), tgt('≤ 1 s')],
    [`Search p50 (${QUERIES.length} queries; median of ${sL.runs} runs)`, ms(sL.p50), ms(sF.p50), ratio(sL.p50, sF.p50), ''],
    ['Search p95: wall (CPU)', `${ms(sL.p95)} (${ms(sL.cpuP95)})`, `${ms(sF.p95)} (${ms(sF.cpuP95)})`, ratio(sL.p95, sF.p95), tgt('≤ 20 ms')],
    ['Search max', ms(sL.max), ms(sF.max), ratio(sL.max, sF.max), ''],
    ['Peak RSS of the serving process (VmHWM)', mb(sL.peakRss), mb(sF.peakRss), ratio(sL.peakRss, sF.peakRss), tgt('≤ 400 MB')],
    [`Recall@10 overlap (FTS5 top 10 found by Lunr; ${recall.queries} queries)`, `${(recall.overlap * 100).toFixed(0)} %`, '', '', ''],
    [`Timeline query: all ${sL.timeline?.events ?? '?'} events / busiest partner / 2000–2009`, sL.timeline ? `${ms(sL.timeline.all!)} / ${ms(sL.timeline.partner!)} / ${ms(sL.timeline.decade!)}` : '–', '', '', ''],
    ['Timeline render', measureTimelineRender(), '', '', ''],
    ['Browser edition: start → first result (POST /api/search; median of 3)', show(browserEdition.api), '', '', plan.docs === null ? '≤ 1.5 s' : ''],
    ['Browser edition: start → first result rendered (headless Chromium; median of 3)', show(browserEdition.page), '', '', plan.docs === null ? '≤ 1.5 s' : ''],
    ['Briefing PDF', measureBriefingPdf(), '', '', ''],
  ];
  const notes = [
    `${c.documents} documents, ${c.passages} passages, ${c.sections} sections, ${c.partners} partners, ${c.events} events, ${c.skippedFiles} skipped; ${mb(corpusBytes)} of source text. Build peak RSS ${mb(build.peakRss)}.`,
    `Slowest Lunr queries: ${sL.slow.map((s) => `\`${s.q.trim().slice(0, 30)}\` (${s.kind}, ${s.total} hits) ${ms(s.ms)}`).join('; ')}.`,
    `Slowest FTS5 queries: ${sF.slow.map((s) => `\`${s.q.trim().slice(0, 30)}\` (${s.kind}, ${s.total} hits) ${ms(s.ms)}`).join('; ')}.`,
  ];
  if (browserEdition.note) notes.push(`Browser edition: ${browserEdition.note}.`);
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
    if (!args.has('--keep')) rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }
  const total = performance.now() - started;
  const header = [
    `Run: \`npm run bench${QUICK ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)}, ${ms(total)} in all.`,
    `Machine: ${machine()} (at the start: ${loadStart}).`,
  ].join('\n');
  process.stdout.write(`\n${header}\n`);
  if (!args.has('--no-write')) {
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
