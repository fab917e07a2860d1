// Documents the user adds (issue 18), measured on a bundled library of any size:
//   - one document (a corpus article as Markdown) uploaded to the browser edition (POST
//     /api/import, as the app does) until a search finds it: the bundled index is never rebuilt;
//   - a 50-page PDF (corpus articles printed by Chromium), the same way;
//   - search p95 over the bench's queries with 100 added documents (synthetic articles) against
//     the bundled library alone, through the same handlers (federated search over both indexes).
// Each add uses fresh words, so every run adds a new document (never "unchanged").
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../src/ingest/parse';
import { writeParsedLibrary } from '../../src/ingest/libraryWriter';
import { createDesk } from '../../src/services/desk';
import { IMPORT_NAME_HEADER, IMPORT_PATH } from '../../src/shared/importApi';
import { markdownOf, printableHtml, printPdf } from '../../src/test/documents';
import { generateCorpus, REAL_CORPUS_DIR } from '../synth-corpus';
import { QUERIES } from './queries';
import { api, startServe } from './serve';

const corpus = () => readdirSync(REAL_CORPUS_DIR).sort().map((f) => parseDocument(readFileSync(join(REAL_CORPUS_DIR, f), 'utf8'), f));
const marker = (n: number): string => `zqxmarker${n}${Date.now().toString(36)}`;

/** Upload one file, wait for its report, then search until the marker is found: wall ms. */
async function addUntilFound(origin: string, name: string, bytes: Buffer, word: string): Promise<{ ms: number; status: string }> {
  const t0 = performance.now();
  const res = await fetch(`${origin}${IMPORT_PATH}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', [IMPORT_NAME_HEADER]: encodeURIComponent(name) }, body: new Uint8Array(bytes) });
  const lines = (await res.text()).trim().split('\n');
  const last = JSON.parse(lines[lines.length - 1]!) as { type: string; report?: { status: string; message?: string } };
  const status = last.report?.status ?? 'no report';
  if (status !== 'added') return { ms: NaN, status: `${status}: ${last.report?.message ?? ''}` };
  for (;;) {
    const r = await api<{ total: number }>(origin, 'search', { query: word });
    if (r.total > 0) return { ms: performance.now() - t0, status };
    if (performance.now() - t0 > 60_000) return { ms: NaN, status: 'added but not found within 60 s' };
  }
}

/** Corpus articles printed one after another until the PDF has at least 50 pages. */
async function fiftyPagePdf(file: string, word: string): Promise<number> {
  const docs = corpus();
  const sections = [];
  for (let copy = 0; sections.length < 200 && copy < 10; copy++) for (const d of docs) sections.push(...d.sections);
  let take = 60;
  for (;;) {
    const doc = { title: `Fifty-page report ${word}`, sections: [{ anchor: 'lead', heading: '', level: 0, path: [], blocks: [{ type: 'paragraph' as const, id: 'lead:0', text: `Report ${word} on Albania's foreign relations.` }] }, ...sections.slice(0, take).filter((s) => s.level > 0)] };
    await printPdf(printableHtml(doc), file, 'Fifty-page report — bench');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
    if (pages >= 50 || take >= sections.length) return pages;
    take = Math.min(sections.length, Math.ceil((take * 52) / Math.max(1, pages)));
  }
}

const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(p * xs.length) - 1)]!;
const median = (xs: number[]): number => pct(xs, 0.5);
const secs = (x: number): string => (Number.isNaN(x) ? 'failed' : `${(x / 1000).toFixed(2)} s`);
/** The median, and each run (the first starts the app's import worker; the next ones find it loaded). */
const runs = (xs: number[]): string => `${secs(median(xs))} (runs: ${xs.map(secs).join(', ')})`;

/**
 * Search p95 (ms) over the bench queries: the bundled library alone and with `userLibrary`, each
 * the median of `runs` passes, the two taking turns so that a busy machine weighs on both alike.
 */
async function searchP95(db: string, userLibrary: string, runs: number): Promise<{ alone: number; withAdded: number }> {
  const desks = [createDesk({ dbPath: db }), createDesk({ dbPath: db, userLibraryPath: userLibrary })];
  const pass = async (desk: (typeof desks)[number]): Promise<number> => {
    const lat: number[] = [];
    for (const q of QUERIES) {
      const t = performance.now();
      await desk.dispatch('search', { query: q.text, limit: 10 });
      lat.push(performance.now() - t);
    }
    return pct(lat, 0.95);
  };
  try {
    for (const d of desks) await pass(d); // warm: index headers, posting chunks, texts
    const p95s: [number[], number[]] = [[], []];
    for (let r = 0; r < runs; r++) for (let k = 0; k < 2; k++) p95s[k]!.push(await pass(desks[k]!));
    return { alone: median(p95s[0]), withAdded: median(p95s[1]) };
  } finally {
    for (const d of desks) d.close();
  }
}

export async function measureAddedDocuments(db: string, tmp: string, big: boolean): Promise<{ rows: string[][]; notes: string[] }> {
  const dir = join(tmp, `added-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const notes: string[] = [];
  const kosovo = corpus().find((d) => d.title === 'Albania–Kosovo relations')!;

  const one: number[] = [];
  const pdf: number[] = [];
  let pages = 0;
  const serving = await startServe(db);
  try {
    await api(serving.origin, 'search', { query: 'warm up' });
    for (let i = 0; i < 3; i++) {
      const word = marker(i);
      const md = Buffer.from(`${markdownOf({ ...kosovo, title: `Kosovo notes ${word}` })}\n\nNotes ${word}.\n`);
      const r = await addUntilFound(serving.origin, `kosovo-notes-${i}.md`, md, word);
      if (Number.isNaN(r.ms)) notes.push(`Adding one document failed: ${r.status}.`);
      one.push(r.ms);
    }
    for (let i = 0; i < 3; i++) {
      const word = marker(10 + i);
      const file = join(dir, `report-${i}.pdf`);
      pages = await fiftyPagePdf(file, word);
      const r = await addUntilFound(serving.origin, `report-${i}.pdf`, readFileSync(file), word);
      if (Number.isNaN(r.ms)) notes.push(`Adding the 50-page PDF failed: ${r.status}.`);
      pdf.push(r.ms);
    }
  } finally {
    serving.cleanup();
  }

  // 100 added documents: synthetic articles written as the user library would hold them.
  const userLibrary = join(dir, 'user-library.db');
  const synth = generateCorpus({ docs: 100, seed: 18 }).map((f, i) => ({ slug: `my-added-${i}`, doc: parseDocument(f.text, f.file) }));
  writeParsedLibrary(synth, userLibrary, { builtAt: new Date().toISOString(), hash: 'bench' });
  const { alone, withAdded } = await searchP95(db, userLibrary, 5);
  const change = (withAdded / alone - 1) * 100;

  const tgt = (t: string): string => (big ? t : '');
  return {
    rows: [
      [`One document added (a corpus article as Markdown, ${Math.round(markdownOf(kosovo).length / 1024)} kB) → found by search (browser edition, POST ${IMPORT_PATH}; median of 3)`, runs(one), '', '', tgt('≤ 3 s')],
      [`A ${pages}-page PDF added → found by search (median of 3)`, runs(pdf), '', '', tgt('≤ 5 s')],
      [`Search p95 (${QUERIES.length} queries, in-process handlers): bundled only → with 100 added documents`, `${alone.toFixed(2)} ms → ${withAdded.toFixed(2)} ms (${change >= 0 ? '+' : ''}${change.toFixed(0)} %)`, '', '', tgt('≤ +20 %')],
    ],
    notes,
  };
}
