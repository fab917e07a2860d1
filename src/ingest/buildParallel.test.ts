// The build with worker threads (issue 19) must write the very file the one-thread build writes:
// same documents in the same order, the same slugs for documents of the same title, the same
// warnings, byte for byte.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDatabase, buildDatabaseInParallel, BuildError } from './build';
import { parseSource, rowsOfFile, type DocumentPlan } from './buildJobs';
import { BuildPool } from './buildPool';

const REAL_CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));
const builtAt = '2026-01-01T00:00:00.000Z';

/** The real corpus ten times over (same titles: slugs -2 … -10), with files that are skipped. */
function largerCorpus(): { dir: string; corpus: string } {
  const dir = mkdtempSync(join(tmpdir(), 'relations-desk-parallel-'));
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  const files = readdirSync(REAL_CORPUS);
  for (let copy = 0; copy < 10; copy++) {
    for (const f of files) copyFileSync(join(REAL_CORPUS, f), join(corpus, `${copy}-${f}`));
    // Skipped after parsing, behind documents whose parse warnings come with their extraction:
    // the warnings must still be in corpus order.
    writeFileSync(join(corpus, `${copy}-nothing.txt`), '= Albania–Greece relations =\n');
  }
  writeFileSync(join(corpus, '5-empty.txt'), '  \n');
  return { dir, corpus };
}

describe('buildDatabaseInParallel', () => {
  it('writes the same file as the one-thread build, with its work done in worker threads', async () => {
    const { dir, corpus } = largerCorpus();
    const one = buildDatabase({ corpusDir: corpus, outFile: join(dir, 'one.db'), builtAt });
    const two = await buildDatabaseInParallel({ corpusDir: corpus, outFile: join(dir, 'two.db'), builtAt, workers: 2 });
    expect(two.workers).toBe(2);
    expect(one.workers).toBe(0);
    expect(one.counts.documents).toBe(50);
    expect(one.counts.skippedFiles).toBe(11);
    expect(readFileSync(join(dir, 'two.db')).equals(readFileSync(join(dir, 'one.db')))).toBe(true);
    expect(two.warnings).toEqual(one.warnings);
    expect({ ...two, millis: 0, workers: 0, outFile: '' }).toEqual({ ...one, millis: 0, outFile: '' });
    // Nothing of the build is left beside the file (the stage, the temp file).
    expect(readdirSync(dir).sort()).toEqual(['corpus', 'one.db', 'two.db']);
  }, 180_000);

  it('builds in this thread when the corpus is small or one worker is asked for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relations-desk-parallel-'));
    const small = await buildDatabaseInParallel({ corpusDir: REAL_CORPUS, outFile: join(dir, 'a.db'), builtAt });
    expect(small.workers).toBe(0);
    const { corpus } = largerCorpus();
    const single = await buildDatabaseInParallel({ corpusDir: corpus, outFile: join(dir, 'b.db'), builtAt, workers: 1 });
    expect(single.workers).toBe(0);
    expect(single.counts.documents).toBe(50);
  }, 120_000);

  it('fails as the one-thread build does, leaving no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relations-desk-parallel-'));
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    for (let i = 0; i < 45; i++) writeFileSync(join(corpus, `${i}.txt`), '   \n');
    await expect(buildDatabaseInParallel({ corpusDir: corpus, outFile: join(dir, 'x.db'), workers: 2 })).rejects.toThrow(BuildError);
    expect(readdirSync(dir)).toEqual(['corpus']);
  }, 60_000);

  it('refuses a document that changed between the two passes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relations-desk-parallel-'));
    writeFileSync(join(dir, 'a.txt'), '= Albania–Greece relations =\n\nAlbania and Greece.\n');
    const links = { titleToSlug: new Map(), partnerNames: new Map(), partnerKeys: new Map() };
    const plan = { file: 'a.txt', slug: 'albania-greece-relations', title: 'Albania–Greece relations', kind: 'bilateral' as const, partners: ['greece'] };
    expect(rowsOfFile(dir, plan, links).slug).toBe('albania-greece-relations');
    writeFileSync(join(dir, 'a.txt'), '= Albania–Italy relations =\n\nAlbania and Italy.\n');
    expect(() => rowsOfFile(dir, plan, links)).toThrow(/changed during the build/);
    expect(existsSync(join(dir, 'a.txt'))).toBe(true);
  });

  it("hands the second pass's rows back in the plans' order, whichever worker made them, and stops at the first that fails", async () => {
    const { corpus } = largerCorpus();
    const links = { titleToSlug: new Map<string, string>(), partnerNames: new Map<string, string>(), partnerKeys: new Map<string, string>() };
    const plans: DocumentPlan[] = readdirSync(corpus)
      .sort()
      .flatMap((file) => {
        const parsed = parseSource(readFileSync(join(corpus, file), 'utf8'), file);
        return parsed.ok ? [{ file, slug: `doc-${file}`, title: parsed.doc.title, kind: 'bilateral' as const, partners: [] }] : [];
      });
    expect(plans.length).toBe(50);
    const pool = (await BuildPool.start(2))!;
    try {
      pool.setLinks(links, corpus);
      const got: string[] = [];
      for await (const rows of pool.rows(plans)) {
        expect(rows).toEqual(rowsOfFile(corpus, plans[got.length]!, links));
        got.push(rows.slug);
      }
      expect(got).toEqual(plans.map((p) => p.slug));
    } finally {
      await pool.close();
    }
    // A document gone between the passes: the ones before it, then its failure; the workers stop.
    const broken = plans.map((p, i) => (i === 17 ? { ...p, file: 'gone.txt' } : p));
    const again = (await BuildPool.start(2))!;
    const before: string[] = [];
    try {
      again.setLinks(links, corpus);
      await expect(
        (async () => {
          for await (const rows of again.rows(broken)) before.push(rows.slug);
        })(),
      ).rejects.toThrow(/gone\.txt/);
    } finally {
      await again.close();
    }
    expect(before).toEqual(plans.slice(0, 17).map((p) => p.slug));
  }, 120_000);
});
