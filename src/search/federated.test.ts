// How close one ranked list from two indexes is to one index over everything: the real corpus
// split in two (four documents "bundled", one "added"), searched federated, against the library
// built from all five. Also: the federated scale does better than merging raw scores.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { slugify } from '../shared/text';
import type { SearchResponse } from '../shared/types';
import { buildDatabase } from '../ingest/build';
import { writeParsedLibrary } from '../ingest/libraryWriter';
import { parseDocument } from '../ingest/parse';
import { CORPUS_DIR } from '../host/paths';
import { Library } from '../services/library';
import { federatedSearch } from './federated';

const QUERIES = [
  'Kosovo', 'embassy', 'diplomatic relations', 'NATO membership', 'European Union', 'security defence', 'Ukraine', 'refugees',
  'Greece', 'Turkey military', 'independence', 'cooperation', 'kos', 'hybrid threats', 'cyber', 'recognition', 'railway', 'ambassador',
  'invasion', 'trade', 'minority', 'agreement', 'Serbia', 'Partnership for Peace', 'Crimea', 'earthquake', 'Tirana', 'Pristina',
];

let dir: string;
let whole: Library;
let bundled: Library;
let added: Library;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-federated-'));
  const files = fs.readdirSync(CORPUS_DIR).sort();
  const addedFile = files.find((f) => fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8').startsWith('= Albania–Kosovo'))!;
  fs.mkdirSync(path.join(dir, 'corpus'));
  for (const f of files) if (f !== addedFile) fs.copyFileSync(path.join(CORPUS_DIR, f), path.join(dir, 'corpus', f));
  buildDatabase({ corpusDir: path.join(dir, 'corpus'), outFile: path.join(dir, 'bundled.db'), builtAt: '2026-01-01T00:00:00.000Z' });
  const doc = parseDocument(fs.readFileSync(path.join(CORPUS_DIR, addedFile), 'utf8'), addedFile);
  writeParsedLibrary([{ slug: slugify(doc.title, 60), doc }], path.join(dir, 'added.db'), { builtAt: '2026-01-01T00:00:00.000Z', hash: 'test' });
  whole = Library.open(inject('dbPath'));
  bundled = Library.open(path.join(dir, 'bundled.db'));
  added = Library.open(path.join(dir, 'added.db'));
}, 120_000);

afterAll(() => {
  for (const l of [whole, bundled, added]) l.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const federated = (query: string, limit: number): SearchResponse =>
  federatedSearch([bundled, added].map((lib) => ({ searcher: lib.getSearcher(), run: (f) => lib.search({ query, limit }, f) })), query, limit);

/** Raw lunr scores of each index, merged as they are: what federation must beat. */
const naive = (query: string, limit: number): SearchResponse => {
  const parts = [bundled, added].map((l) => l.search({ query, limit }));
  return { query, total: parts[0]!.total + parts[1]!.total, results: parts.flatMap((p) => p.results).sort((a, b) => b.score - a.score).slice(0, limit) };
};

function agreement(get: (q: string, k: number) => SearchResponse): { sameTop10: number; overlap: number; scoreError: number } {
  let sameTop10 = 0;
  let overlap = 0;
  let errors = 0;
  let n = 0;
  for (const q of QUERIES) {
    const want = whole.search({ query: q, limit: 10 }).results;
    const got = get(q, 10).results;
    if (want.map((r) => r.passageId).join() === got.map((r) => r.passageId).join()) sameTop10++;
    overlap += got.filter((r) => want.some((w) => w.passageId === r.passageId)).length / Math.max(1, want.length);
    for (const r of got) {
      const w = whole.search({ query: q, limit: 200 }).results.find((x) => x.passageId === r.passageId);
      if (w) {
        errors += Math.abs(r.score - w.score) / w.score;
        n++;
      }
    }
  }
  return { sameTop10: sameTop10 / QUERIES.length, overlap: overlap / QUERIES.length, scoreError: errors / n };
}

describe('federated search over two indexes', () => {
  it('finds the same passages as one index over both, and counts them the same', () => {
    for (const q of QUERIES) expect(federated(q, 200).total, q).toBe(whole.search({ query: q, limit: 200 }).total);
  });

  it('ranks close to one index over both, and closer than merging raw scores', () => {
    const fed = agreement(federated);
    const raw = agreement(naive);
    console.info(`federated: ${(fed.sameTop10 * 100).toFixed(0)} % identical top 10, ${(fed.overlap * 100).toFixed(1)} % top-10 overlap, mean score error ${(fed.scoreError * 100).toFixed(1)} %; raw merge: ${(raw.sameTop10 * 100).toFixed(0)} %, ${(raw.overlap * 100).toFixed(1)} %, ${(raw.scoreError * 100).toFixed(1)} %`);
    expect(fed.overlap).toBeGreaterThanOrEqual(0.9);
    expect(fed.scoreError).toBeLessThan(raw.scoreError);
    expect(fed.overlap).toBeGreaterThanOrEqual(raw.overlap);
  });

  it('suggests a spelling when no index finds anything, and only then', () => {
    expect(federated('Kosovoo', 10)).toMatchObject({ total: 0, suggestion: 'Kosovo' });
    // Two words found nowhere: no "some of them" notice for an empty list.
    expect(federated('zzzqword zzzqother', 10).notice).toBeUndefined();
    expect(federated('Kosovo', 10).suggestion).toBeUndefined();
  });

  it('falls back to any word only when no index has a passage with every word', () => {
    const r = federated('Kosovo zzzunknownword', 10);
    expect(r.notice).toMatch(/No passage has every word as typed\. “zzzunknownword” is not in the library\./);
    expect(r.missingWords).toEqual(['zzzunknownword']);
    expect(r.total).toBe(whole.search({ query: 'Kosovo zzzunknownword', limit: 10 }).total);
  });
});
