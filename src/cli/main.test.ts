import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runCli } from './main';
import { ROOT as PACKAGE_ROOT } from '../host/paths';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const db = () => ['--db', inject('dbPath')];

describe('relations-desk CLI', () => {
  it('docs --json lists slug, title, kind, partners, sections, passages', async () => {
    const { code, out } = await run('docs', '--json', ...db());
    expect(code).toBe(0);
    const docs = JSON.parse(out) as Record<string, unknown>[];
    expect(docs).toHaveLength(5);
    expect(Object.keys(docs[0]!).sort()).toEqual(['kind', 'partners', 'passages', 'sections', 'slug', 'title']);
  });

  it('search --json returns results with snippets and highlights', async () => {
    const { code, out } = await run('search', 'Kucove', '--limit', '2', '--json', ...db());
    expect(code).toBe(0);
    const res = JSON.parse(out);
    expect(res.query).toBe('Kucove');
    expect(res.results.length).toBeGreaterThan(0);
    expect(res.results.length).toBeLessThanOrEqual(2);
    expect(Object.keys(res.results[0]).sort()).toEqual(['anchor', 'blockId', 'docSlug', 'docTitle', 'highlights', 'passageId', 'score', 'sectionPath', 'snippet']);
  });

  it('timeline --json filters by partner and years, with the documented fields', async () => {
    const { code, out } = await run('timeline', '--partner', 'Kosovo', '--from', '2008', '--to', '2008', '--json', ...db());
    expect(code).toBe(0);
    const events = JSON.parse(out) as { date: string; precision: string }[];
    expect(events.find((e) => e.date === '2008-02-18')).toMatchObject({ precision: 'day' });
  });

  it('timeline --limit N prints the first N events; --limit 0 is a usage error', async () => {
    const { code, out } = await run('timeline', '--limit', '3', '--json', ...db());
    expect(code).toBe(0);
    const all = JSON.parse((await run('timeline', '--json', ...db())).out) as { date: string }[];
    expect(all).toHaveLength(186);
    expect(JSON.parse(out)).toEqual(all.slice(0, 3));
    const zero = await run('timeline', '--limit', '0', ...db());
    expect(zero.code).toBe(2);
    expect(zero.err).toContain('--limit needs a number of 1 or more');
  });

  it('doc prints a document in text form', async () => {
    const docs = JSON.parse((await run('docs', '--json', ...db())).out) as { slug: string; title: string }[];
    const kosovo = docs.find((d) => d.title === 'Albania–Kosovo relations')!;
    const { code, out } = await run('doc', kosovo.slug, ...db());
    expect(code).toBe(0);
    expect(out).toContain('Free Movement');
  });

  it('partners prints a table', async () => {
    const { code, out } = await run('partners', ...db());
    expect(code).toBe(0);
    expect(out).toMatch(/Kosovo\s+country\s+18 February 2008/);
    // A severance is shown wherever the established date is (issue 13).
    expect(out).toMatch(/Iran\s+country\s+1971 \(established\); 7 September 2022 \(severed\)/);
  });

  it.each([[[]], [['frobnicate']], [['search']], [['search', 'a', 'b']], [['search', 'x', '--limit', 'ten']], [['docs', '--no-such-flag']]])(
    'exits 2 with usage for %j',
    async (args) => {
      const { code, err } = await run(...(args as string[]), ...db());
      expect(code).toBe(2);
      expect(err).toMatch(/relations-desk/);
    },
  );

  it('exits 1 with a clear message for a missing database or unknown document', async () => {
    const missing = await run('docs', '--db', join(tmpdir(), 'definitely-missing.db'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/missing[\s\S]*relations-desk build/);
    const unknown = await run('doc', 'no-such-doc', ...db());
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/No document "no-such-doc"/);
  });

  it('build exits 1 when the corpus has no valid document, and lists why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relations-desk-empty-'));
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'empty.txt'), '');
    writeFileSync(join(corpus, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255]));
    const { code, err } = await run('build', '--corpus', corpus, '--out', join(dir, 'out.db'));
    expect(code).toBe(1);
    expect(err).toMatch(/No valid documents/);
    expect(err).toMatch(/empty\.txt/);
    expect(err).toMatch(/binary\.txt/);
  });

  it('runs as a real process through the bin script', () => {
    const out = execFileSync(process.execPath, [join(PACKAGE_ROOT, 'bin/relations-desk.mjs'), 'search', '"free movement"', '--json', ...db()], { encoding: 'utf8' });
    expect(JSON.parse(out).total).toBeGreaterThan(0);
    const bad = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin/relations-desk.mjs'), 'nonsense'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });
});

describe('relations-desk compare', () => {
  it('--json has the shape {partners, facets: [{id, label, cells: {<partner>: [{text, docSlug, anchor}]}}]}', async () => {
    const { code, out } = await run('compare', 'Kosovo', 'Ukraine', '--json', ...db());
    expect(code).toBe(0);
    const c = JSON.parse(out) as { partners: { id: string; name: string }[]; facets: { id: string; label: string; cells: Record<string, { text: string; docSlug: string; anchor: string; date?: { date: string } }[]> }[] };
    expect(c.partners.map((p) => p.id)).toEqual(['kosovo', 'ukraine']);
    expect(c.facets.map((f) => f.id)).toEqual(['relations', 'recognition', 'missions', 'envoys', 'memberships', 'agreements', 'security', 'economy', 'people', 'russia-ukraine', 'key-figures', 'timeline']);
    for (const f of c.facets) {
      expect(typeof f.label).toBe('string');
      expect(Object.keys(f.cells).sort()).toEqual(['kosovo', 'ukraine']);
      for (const entries of Object.values(f.cells)) {
        for (const e of entries) expect(e).toMatchObject({ text: expect.any(String), docSlug: expect.any(String), anchor: expect.any(String) });
      }
    }
    const relations = c.facets.find((f) => f.id === 'relations')!;
    expect(relations.cells.kosovo![0]!.date!.date).toBe('2008-02-18');
    expect(relations.cells.ukraine![0]!.date!.date).toBe('1993-01-13');
  });

  it('prints each facet with each partner, "not stated in this library" and "sources differ"', async () => {
    const { code, out } = await run('compare', 'ukraine', 'Türkiye', 'NATO', ...db());
    expect(code).toBe(0);
    expect(out).toMatch(/^Ukraine \(ukraine\)  vs  Turkey \(turkey\)  vs  NATO \(nato\)/);
    expect(out).toContain('== Resident missions (both ways) ==');
    expect(out).toMatch(/== Envoys and representatives ==\n {2}Ukraine:\n[\s\S]*?Adhurim Resuli[\s\S]*? {2}Turkey:\n {4}not stated in this library\n {2}NATO:\n {4}- \[2009 · Representative of Albania to NATO\] Artur Kuko/);
    expect(out).toMatch(/Albania has an embassy in Kyiv\.\n {6}\(albania-ukraine-relations#resident-diplomatic-missions\)\n {6}! sources differ: Another source says Albania is accredited from Warsaw/);
    expect(out).toContain('[13 January 1993 · Relations established]');
  });

  it('unknown names exit 1 with the closest names; a wrong count exits 2 with usage', async () => {
    const unknown = await run('compare', 'Kosovo', 'Ukrane', ...db());
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/No partner "Ukrane" in this library\. Did you mean: Ukraine/);
    for (const args of [['Kosovo'], ['Kosovo', 'Ukraine', 'NATO', 'EU', 'Greece'], []]) {
      const bad = await run('compare', ...args, ...db());
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/compare <partner> <partner>/);
      expect(bad.err).toMatch(/Usage: relations-desk/);
    }
    const twice = await run('compare', 'Kosovo', 'kosova', ...db());
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/same partner/);
  });
});
