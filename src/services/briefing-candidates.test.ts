// Issue 19: briefing sheets built from the build-time candidates (and reusing the comparison's
// reads) equal the sheets the old per-request comparison gave, on the real corpus and on a
// synthetic one. The old path is the comparison as it was (src/test/legacyCompare.ts) with the
// short timeline read from every event of the partner, as the briefing did.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { generateCorpus, writeCorpus } from '../../scripts/synth-corpus';
import { buildDatabase } from '../ingest/build';
import { legacyBuildComparison } from '../test/legacyCompare';
import { buildBriefing } from './briefing';
import { Library } from './library';
import type { LibraryView } from './libraryView';

const legacy = { on: false, calls: 0 };
vi.mock('./compare', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./compare')>();
  return { ...actual, buildComparison: (library: LibraryView, ids: readonly string[]) => (legacy.on && ++legacy.calls ? legacyBuildComparison(library, ids) : actual.buildComparison(library, ids)) };
});
vi.mock('./briefingTimeline', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./briefingTimeline')>();
  // The old short timeline: every event of the partner read, scored and picked.
  const pickRankedEvents: typeof actual.pickRankedEvents = (library, partnerId, cap, pinned, excluded) => {
    if (!legacy.on) return actual.pickRankedEvents(library, partnerId, cap, pinned, excluded);
    const lib = library as LibraryView;
    const about = new Set(lib.listDocuments().filter((d) => d.kind !== 'overview' && d.partners[0] === partnerId).map((d) => d.slug));
    const events = lib.timeline({ partner: partnerId }).filter((e) => !excluded.has(e.id));
    return actual.pickEvents(events, cap, (e) => actual.eventScore(e, about), pinned);
  };
  return { ...actual, pickRankedEvents };
});

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-briefing-candidates-'));
  writeCorpus(path.join(dir, 'synth'), generateCorpus({ docs: 200, seed: 3 }));
  buildDatabase({ corpusDir: path.join(dir, 'synth'), outFile: path.join(dir, 'synth.db'), builtAt: '2026-01-01T00:00:00.000Z' });
}, 300_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Each sheet built twice, on two opened copies of the library (a sheet is remembered per library). */
function expectSameSheets(file: string, groups: readonly string[][]): void {
  const now = Library.open(file);
  const before = Library.open(file);
  try {
    for (const partners of groups) {
      // Also with an event pinned (the partner's last) and one excluded (its first): the short timeline's other path.
      const events = now.timeline({ partner: partners[0]! });
      const variants = [{}, { pinned: [events.at(-1)!.id], exclude: [events[0]!.id, 'q-unknown'] }];
      for (const extra of variants) {
      const params = { partners, date: '2026-03-01', facetOrder: ['economy' as const], ...extra };
      legacy.on = false;
      const sheet = buildBriefing(now, params);
      legacy.on = true;
      const old = buildBriefing(before, params);
      legacy.on = false;
      expect(sheet, partners.join(' + ')).toEqual(old);
      expect(legacy.calls, 'the old comparison was asked').toBeGreaterThan(0);
      }
    }
  } finally {
    now.close();
    before.close();
  }
}

describe('briefing sheets from the build-time candidates (issue 19)', () => {
  it('equal the old sheets on the real corpus', () => {
    expectSameSheets(inject('dbPath'), [['Kosovo'], ['NATO'], ['European Union'], ['Greece', 'Italy', 'Serbia'], ['Kosovo', 'NATO', 'Ukraine', 'Greece']]);
  }, 120_000);

  it('equal the old sheets on a synthetic corpus, for the busiest partners', () => {
    const lib = Library.open(path.join(dir, 'synth.db'));
    const busiest = lib.listPartners().sort((a, b) => b.documents.length - a.documents.length).slice(0, 3).map((p) => p.name);
    lib.close();
    expectSameSheets(path.join(dir, 'synth.db'), [[busiest[0]!], busiest]);
  }, 240_000);
});
