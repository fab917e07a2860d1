// Issue 19: the comparison now ranks sentences the build filed and scored (candidates table)
// instead of classifying every document concerning a partner per request. Its output must not
// change: every cell and every "n more" is checked against the old per-request scan
// (src/test/legacyCompare.ts, the comparison as it was) on the real corpus, on a synthetic corpus
// and on the bundled library with the user's documents beside it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { DateValue, FacetEntry } from '../shared/types';
import { generateCorpus, writeCorpus } from '../../scripts/synth-corpus';
import { buildDatabase } from '../ingest/build';
import { addDocument } from '../ingest/userLibrary';
import { textKey, type CandidateHit } from '../core/candidates';
import { legacyBuildComparison } from '../test/legacyCompare';
import { candidateCell } from './candidateCells';
import { CombinedLibrary } from './combinedLibrary';
import { buildComparison } from './compare';
import { Library } from './library';
import type { LibraryView } from './libraryView';
import { pick } from './compareQuotes';
import { UserLibrary } from './userLibrary';

let dir: string;
let real: Library;
let synth: Library;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-candidates-'));
  real = Library.open(inject('dbPath'));
  writeCorpus(path.join(dir, 'synth'), generateCorpus({ docs: 300, seed: 7 }));
  buildDatabase({ corpusDir: path.join(dir, 'synth'), outFile: path.join(dir, 'synth.db'), builtAt: '2026-01-01T00:00:00.000Z' });
  synth = Library.open(path.join(dir, 'synth.db'));
}, 300_000);

afterAll(() => {
  real?.close();
  synth?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The new comparison equals the old one for each group of partners. */
function expectSameAsBefore(library: LibraryView, groups: readonly string[][]): void {
  for (const ids of groups) expect(buildComparison(library, ids), ids.join(' + ')).toEqual(legacyBuildComparison(library, ids));
}

const inFours = (ids: string[]): string[][] => Array.from({ length: Math.ceil(ids.length / 4) }, (_, i) => ids.slice(4 * i, 4 * i + 4));

describe('comparison from the build-time candidates (issue 19)', () => {
  it('gives every partner of the real corpus the cells and counts the per-request scan gave', () => {
    const ids = real.listPartners().map((p) => p.id);
    expect(ids.length).toBeGreaterThan(50);
    expectSameAsBefore(real, inFours(ids));
  }, 120_000);

  it('does so on a synthetic corpus of 300 documents: the busiest partners, and ordinary ones', () => {
    const partners = synth.listPartners().sort((a, b) => b.documents.length - a.documents.length || a.id.localeCompare(b.id));
    const busiest = partners.slice(0, 4).map((p) => p.id);
    const ordinary = partners.slice(20, 32).map((p) => p.id);
    expectSameAsBefore(synth, [busiest, ...inFours(ordinary), [busiest[0]!, 'kosovo', 'serbia'].filter((id, i, a) => a.indexOf(id) === i)]);
  }, 240_000);

  it('reads a few rows of a partner named in a third of the library, not all of them', () => {
    const top = synth.listPartners().sort((a, b) => b.documents.length - a.documents.length)[0]!;
    const reads = vi.spyOn(synth, 'partnerCandidates');
    buildComparison(synth, [top.id]);
    const facets = ['security', 'economy', 'people', 'memberships', 'agreements', 'key-figures'] as const;
    const facet = facets.reduce((a, b) => (synth.candidateKeyCount(top.id, b) > synth.candidateKeyCount(top.id, a) ? b : a));
    const stored = synth.candidateKeyCount(top.id, facet);
    const asked = reads.mock.calls.filter(([, f]) => f === facet).map(([, , limit]) => limit);
    reads.mockRestore();
    expect(stored).toBeGreaterThan(150);
    expect(asked.length).toBeGreaterThan(0);
    expect(Math.max(...asked)).toBeLessThan(stored / 2);
  }, 60_000);
});

describe('comparison of the bundled library with the user’s documents', () => {
  let user: UserLibrary;
  let combined: CombinedLibrary;
  beforeAll(async () => {
    // Sentences the bundled library has too (the same wording counts once), and new ones.
    const repeated = real.partnerCandidates('kosovo', 'security', 3).map((c) => c.text);
    const text = [
      '# Albania–Kosovo relations',
      '',
      `${repeated.join(' ')} Albania and Kosovo signed a defence cooperation agreement on 4 May 2024 covering military training and police.`,
      '',
      '## Economy',
      '',
      'Trade between Albania and Kosovo reached €900 million in 2023, and a railway to Prishtina is planned.',
      '',
    ].join('\n');
    const file = path.join(dir, 'user-library.db');
    await addDocument(file, { name: 'kosovo-notes.md', bytes: Buffer.from(text) });
    user = new UserLibrary(file);
    combined = new CombinedLibrary(real, user);
  }, 60_000);
  afterAll(() => user?.close());

  it('merges both libraries’ candidates and counts a wording in both once, as the scan did', () => {
    expectSameAsBefore(combined, [['kosovo', 'nato', 'serbia', 'greece'], ['kosovo'], ['european-union', 'united-states']]);
    const security = buildComparison(combined, ['kosovo']).facets.find((f) => f.id === 'security')!;
    expect(security.cells.kosovo!.some((e) => e.docSlug.startsWith('my-'))).toBe(true);
  }, 120_000);
});

describe('candidateCell: the first picks from the best rows are the first picks from all rows', () => {
  /** A library of one partner's rows for one facet, as Library answers for them. */
  function fakeLibrary(rows: CandidateHit[]): Pick<LibraryView, 'partnerCandidates' | 'candidateKeyCount' | 'candidateKeys'> {
    const sorted = [...rows].sort((a, b) => b.score - a.score || a.order - b.order);
    const keys = new Set(rows.map((r) => textKey(r.text)));
    return {
      partnerCandidates: (_p, _f, limit) => sorted.slice(0, limit),
      candidateKeyCount: () => keys.size,
      candidateKeys: (_p, _f, among) => (among ? among.filter((k) => keys.has(k)) : [...keys]),
    };
  }

  it('matches pick over every row on 300 random cells with ties, crowded sections, repeated wordings and dates', () => {
    let seed = 19;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const date: DateValue = { date: '2001', precision: 'year', text: '2001' };
    for (let n = 0; n < 300; n++) {
      const count = 1 + Math.floor(rnd() * 400);
      const sections = 1 + Math.floor(rnd() * 12);
      const wordings = 1 + Math.floor(rnd() * count);
      const rows: CandidateHit[] = Array.from({ length: count }, (_, i) => ({
        score: Math.floor(rnd() * 4),
        order: i * 3 + 1,
        docSlug: `d${Math.floor(rnd() * 3)}`,
        anchor: `s${Math.floor(rnd() * sections)}`,
        blockId: 'b1',
        text: `Sentence ${Math.floor(rnd() * wordings)}.`,
      }));
      const dated = new Map<string, DateValue>(rows.filter(() => rnd() < 0.2).map((r) => [textKey(r.text), date]));
      const exclude = new Set(rows.filter(() => rnd() < 0.05).map((r) => textKey(r.text)));
      // Wordings the partner's facts quote that are no candidates: many more than the cell's, at times.
      if (rnd() < 0.3) for (let i = 0; i < 5 * wordings; i++) exclude.add(`fact quote ${i}`);
      const need = Math.floor(rnd() * 9);
      const facet = rnd() < 0.5 ? 'security' : 'agreements';
      const bonus = facet === 'agreements' ? 2 : 1;
      const all: FacetEntry[] = pick(
        rows
          .filter((r) => !exclude.has(textKey(r.text)))
          .map((r) => {
            const d = dated.get(textKey(r.text));
            return { entry: { text: r.text, docSlug: r.docSlug, anchor: r.anchor, blockId: r.blockId, ...(d ? { date: d } : {}) }, score: r.score + (d ? bonus : 0), order: r.order };
          }),
      );
      const got = candidateCell(fakeLibrary(rows), { partnerId: 'x', facet, need, exclude, datesOf: () => dated });
      expect(got.entries, `case ${n}`).toEqual(all.slice(0, need));
      expect(got.total, `case ${n}`).toBe(all.length);
    }
  });
});
