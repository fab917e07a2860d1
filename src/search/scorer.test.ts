// The run-time scorer must rank exactly as lunr.Index.query does on the same index: same
// passages, same order (up to ties), same scores.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { QUERIES } from '../../scripts/bench/queries';
import { generateCorpus, REAL_CORPUS_DIR, writeCorpus } from '../../scripts/synth-corpus';
import { buildDatabase } from '../ingest/build';
import { lunr } from './analyzer';
import { buildLunrIndex, buildSearchIndex, serializeSearchIndex, type IndexablePassage } from './buildIndex';
import { parseQuery } from './query';
import { encodeScorerData, invertVectors, loadScorer, scoringIndexOf, scorerDataFromLunr, type Clause, type EncodedScorer, type ScoringIndex } from './scorer';
import { clausesFor, topK } from './searcher';

const dir = mkdtempSync(join(tmpdir(), 'desk-scorer-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The passages exactly as the build indexed them, read back from a built database. */
function passagesOf(corpusDir: string, name: string): IndexablePassage[] {
  const file = join(dir, `${name}.db`);
  buildDatabase({ corpusDir, outFile: file, builtAt: '2026-01-01T00:00:00.000Z' });
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT p.id, p.doc_slug, p.anchor, p.block_id, p.path, p.text, d.title,
                (SELECT json_group_array(name) FROM (SELECT pa.name FROM passage_partners pp JOIN partners pa ON pa.id = pp.partner_id WHERE pp.passage_id = p.id)) AS partners
         FROM passages p JOIN documents d ON d.slug = p.doc_slug ORDER BY d.ord, p.ord`,
      )
      .all() as { id: string; doc_slug: string; anchor: string; block_id: string; path: string; text: string; title: string; partners: string }[];
    // The partners field holds each partner's name and its aliases ("Kosova" finds Kosovo: issue 13).
    const aliases = new Map((db.prepare('SELECT name, aliases FROM partners').all() as { name: string; aliases: string }[]).map((r) => [r.name, JSON.parse(r.aliases) as string[]]));
    return rows.map((r) => {
      const partners = JSON.parse(r.partners) as string[];
      const partnerNames = partners.flatMap((n) => [n, ...(aliases.get(n) ?? [])]);
      return { id: r.id, docSlug: r.doc_slug, docTitle: r.title, anchor: r.anchor, blockId: r.block_id, sectionPath: JSON.parse(r.path) as string[], text: r.text, partners, partnerNames };
    });
  } finally {
    db.close();
  }
}

const EXTRA = [
  'Kuçovë', 'Kucove', 'kuc', 'kos', 'Kosovo independence', 'rel', 'relations albania', 'albania xyzzyq', '"diplomatic relations"',
  '"European Union" membership', 'tirana embassy ambassador', 'qqqq', 'al', 'k', 'nato~2', 'title:', 'ä ö ü', 'treaty of', 'coop', 'cooperation agreem',
];

function lunrQuery(index: lunr.Index, clauses: Clause[]): lunr.Index.Result[] {
  return index.query((q) => {
    for (const c of clauses) {
      q.term(c.term, {
        usePipeline: false,
        boost: c.boost,
        presence: c.required ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL,
        wildcard: c.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
      });
    }
  });
}

function compare(label: string, scorer: ScoringIndex, reference: lunr.Index): number {
  let compared = 0;
  for (const text of [...QUERIES.map((q) => q.text), ...EXTRA]) {
    const parsed = parseQuery(text);
    if (parsed.words.length === 0) continue;
    for (const requireAll of [true, false]) {
      const clauses = clausesFor(parsed, requireAll);
      const expected = lunrQuery(reference, clauses);
      const got = scorer.execute(clauses);
      const where = `${label}: ${JSON.stringify(text)} requireAll=${requireAll}`;
      expect(got.docs.length, where).toBe(expected.length);
      const byRef = new Map(expected.map((r) => [r.ref, r]));
      const order = topK(got.docs, got.scores, got.docs.length, got.docs.length);
      for (let k = 0; k < order.length; k++) {
        const i = order[k]!;
        const ref = scorer.refs[got.docs[i]!]!;
        const lunrHit = byRef.get(ref);
        expect(lunrHit, `${where}: ${ref}`).toBeDefined();
        // Same score as lunr's for this passage, and lunr's k-th score at rank k (same order up to ties).
        expect(Math.abs(lunrHit!.score - got.scores[i]!), `${where}: ${ref}`).toBeLessThanOrEqual(1e-4);
        expect(Math.abs(expected[k]!.score - got.scores[i]!), `${where}: rank ${k}`).toBeLessThanOrEqual(1e-4);
        // Highlights: the terms matched in the text field are those lunr's matchData names.
        if (k < 10) {
          const lunrTerms = Object.entries(lunrHit!.matchData.metadata).filter(([, f]) => 'text' in (f as object)).map(([t]) => t).sort();
          expect([...scorer.termsInField(got.docs[i]!, got.terms, 'text')].sort(), `${where}: ${ref} terms`).toEqual(lunrTerms);
        }
      }
      compared++;
    }
  }
  return compared;
}

describe('scorer vs lunr.Index.query', () => {
  for (const [label, make] of [
    ['real corpus', () => REAL_CORPUS_DIR],
    [
      'synthetic 50 documents',
      () => {
        const corpus = join(dir, 'synth');
        writeCorpus(corpus, generateCorpus({ docs: 50, seed: 1 }));
        return corpus;
      },
    ],
  ] as const) {
    it(`ranks and scores as lunr does (${label})`, () => {
      const passages = passagesOf(make(), label.replace(/\W+/g, '-'));
      const index = buildLunrIndex(passages);
      const reference = lunr.Index.load(JSON.parse(JSON.stringify(index)) as object);
      const fromLunr = serializeSearchIndex(index, passages.map((p) => p.id));
      const same = (a: EncodedScorer, b: EncodedScorer): boolean =>
        a.header.equals(b.header) && a.chunks.length === b.chunks.length && a.chunks.every((c, k) => c.docs.equals(b.chunks[k]!.docs) && c.weights.equals(b.chunks[k]!.weights));
      // The build computes lunr's weights itself (lunrWeights.ts): byte for byte what lunr.Builder gives.
      expect(same(buildSearchIndex(passages), fromLunr)).toBe(true);
      const stored = new Database(join(dir, `${label.replace(/\W+/g, '-')}.db`), { readonly: true });
      const storedChunks = stored.prepare('SELECT docs, weights FROM search_postings ORDER BY chunk').all() as { docs: Buffer; weights: Buffer }[];
      expect(same({ header: (stored.prepare('SELECT lunr FROM search_index').get() as { lunr: Buffer }).lunr, chunks: storedChunks }, fromLunr)).toBe(true);
      stored.close();
      // Chunks read on demand, as the library reads them; small chunks, so that postings span several.
      const small = encodeScorerData(scorerDataFromLunr(JSON.parse(JSON.stringify(index)) as Parameters<typeof scorerDataFromLunr>[0], passages.map((p) => p.id)), 1000);
      const reads: number[] = [];
      const scorer = loadScorer(small.header, (k) => (reads.push(k), small.chunks[k] ?? null));
      expect(scorer.size).toBe(passages.length);
      expect(compare(label, scorer, reference)).toBeGreaterThanOrEqual(200);
      expect(new Set(reads).size).toBe(reads.length); // each chunk read once, then kept
      // The whole index in memory (the build's data) scores the same.
      const inMemory = scoringIndexOf(scorerDataFromLunr(JSON.parse(JSON.stringify(index)) as Parameters<typeof scorerDataFromLunr>[0]));
      expect(compare(`${label} (in memory)`, inMemory, reference)).toBeGreaterThanOrEqual(200);
    }, 300_000);
  }
});

describe('topK', () => {
  it('returns the k best positions, score descending, ties by passage ordinal', () => {
    const docs = Int32Array.from([5, 3, 9, 1, 7, 2]);
    const scores = Float64Array.from([1, 3, 2, 3, 0.5, 2]);
    expect(topK(docs, scores, 6, 4)).toEqual([3, 1, 5, 2]);
    expect(topK(docs, scores, 6, 10)).toEqual([3, 1, 5, 2, 0, 4]);
    expect(topK(docs, scores, 0, 3)).toEqual([]);
  });
});

describe('stored postings', () => {
  it('score the same when a chunk is kept in 16 bits and when a weight beyond 16 bits keeps its chunk in 32', () => {
    const data = invertVectors({ lunrVersion: '2.3.9', fields: ['text'], refs: ['a/p0', 'a/p1', 'a/p2'], terms: ['x', 'y'] }, (emit) => {
      emit(0, 0, 0, 40_000);
      emit(0, 0, 1, 1_500);
      emit(0, 1, 0, 12);
      emit(0, 2, 1, -300);
    });
    // Chunks of 2 entries: x's postings (one weight beyond 32,767) and y's (all within).
    const encoded = encodeScorerData(data, 2);
    expect(encoded.chunks.map((c) => c.weights.length / c.docs.length)).toEqual([1, 0.5]);
    const stored = loadScorer(encoded.header, (k) => encoded.chunks[k] ?? null);
    const inMemory = scoringIndexOf(data);
    for (const clauses of [[{ term: 'x', prefix: false, required: true, boost: 1 }], [{ term: 'y', prefix: false, required: false, boost: 2 }], [{ term: '', prefix: true, required: false, boost: 1 }]]) {
      const got = stored.execute(clauses);
      expect(got).toEqual(inMemory.execute(clauses));
      expect(got.docs.length).toBeGreaterThan(0);
    }
  });
});
