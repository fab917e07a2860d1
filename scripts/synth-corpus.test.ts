import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDatabase } from '../src/ingest/build';
import { generateCorpus, writeCorpus } from './synth-corpus';

const dir = mkdtempSync(join(tmpdir(), 'desk-synth-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('synthetic corpus', () => {
  it('is deterministic: the same seed gives the same bytes, another seed other bytes', () => {
    const a = generateCorpus({ docs: 12, seed: 7 });
    const b = generateCorpus({ docs: 12, seed: 7 });
    const c = generateCorpus({ docs: 12, seed: 8 });
    expect(b).toEqual(a);
    expect(c.map((f) => f.text)).not.toEqual(a.map((f) => f.text));
    // Document i does not depend on how many documents are asked for.
    expect(generateCorpus({ docs: 5, seed: 7 })).toEqual(a.slice(0, 5));
  });

  it('writes both formats with the structures and date forms the parser handles', () => {
    const all = generateCorpus({ docs: 40, seed: 3 }).map((f) => f.text).join('\n');
    for (const marker of [/^= Albania–.+ relations =$/m, /^=== .+ ===$/m, /^\| +\| .*See Albania–.+ relations \|$/m, /^Infobox$/m, /^;\w/m, /^== See also ==$/m, /^- ◇ /m, /^#{2,4} \*\*.+\*\*$/m, /^\*\*[A-Z ]+ {2}$/m, /^\d+\. /m]) {
      expect(all).toMatch(marker);
    }
    for (const date of [/\b\d{4}-\d{2}-\d{2}\b/, /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/, /\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\b/, /\bIn (January|March|May|July|September|November) \d{4}\b/, /\bin \d{4}\b/, /\bthe \d{3}0s\b/, /\b(early|late) \d{4}\b/, /\bmid-(January|February|March|April|May|June|July|August|September|October|November|December)\b/, /\b\d{4}–\d{2}\b/, /the following day/]) {
      expect(all).toMatch(date);
    }
  });

  it('builds with buildDatabase: every document read, none skipped', () => {
    const corpus = join(dir, 'corpus');
    writeCorpus(corpus, generateCorpus({ docs: 30, seed: 1 }));
    expect(readdirSync(corpus)).toHaveLength(30);
    const report = buildDatabase({ corpusDir: corpus, outFile: join(dir, 'synth.db'), builtAt: '2026-01-01T00:00:00.000Z' });
    expect(report.counts.skippedFiles).toBe(0);
    expect(report.counts.documents).toBe(30);
    expect(report.counts.events).toBeGreaterThan(30 * 10);
    expect(report.counts.partners).toBeGreaterThan(25);
    expect(report.counts.gaps).toBeGreaterThan(0);
    expect(report.counts.recoveredNames).toBeGreaterThan(0);
  });
});
