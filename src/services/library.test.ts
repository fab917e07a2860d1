import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DeskError } from '../shared/api';
import { Library } from './library';

let lib: Library;
beforeAll(() => {
  lib = Library.open(inject('dbPath'));
});
afterAll(() => lib.close());

const slugOf = (title: string) => lib.listDocuments().find((d) => d.title === title)!.slug;
const highlighted = (h: { snippet: string; highlights: [number, number][] }) => h.highlights.map(([s, e]) => h.snippet.slice(s, e));

describe('documents', () => {
  it('lists the five corpus documents with counts', () => {
    const docs = lib.listDocuments();
    expect(docs.map((d) => d.title).sort()).toEqual([
      'Albania–Kosovo relations',
      'Albania–NATO relations',
      'Albania–Ukraine relations',
      'Foreign relations of Albania',
      'Security and Defence Partnership between the European Union and the Republic of Albania',
    ]);
    for (const d of docs) {
      expect(d.sections).toBeGreaterThan(1);
      expect(d.passages).toBeGreaterThan(3);
    }
  });

  it('returns a structured document and NOT_FOUND for an unknown slug', () => {
    const doc = lib.getDocument(slugOf('Albania–Kosovo relations'));
    expect(doc.sections.map((s) => s.heading)).toContain('Free Movement');
    expect(() => lib.getDocument('no-such-doc')).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('links See also items to documents in the library, and only those', () => {
    const doc = lib.getDocument(slugOf('Albania–Kosovo relations'));
    const seeAlso = doc.sections.flatMap((s) => s.blocks).find((b) => b.type === 'seeAlso');
    expect(seeAlso?.type).toBe('seeAlso');
    if (seeAlso?.type !== 'seeAlso') return;
    expect(seeAlso.items.find((i) => i.title === 'Foreign relations of Albania')?.slug).toBe(slugOf('Foreign relations of Albania'));
    expect(seeAlso.items.find((i) => i.title === 'Foreign relations of Kosovo')?.slug).toBeNull();
  });
});

describe('search', () => {
  it('finds Kuçovë Air Base when typed without accents, and highlights the accented word', () => {
    const res = lib.search({ query: 'Kucove' });
    expect(res.total).toBeGreaterThan(0);
    const top = res.results[0]!;
    expect(top.docTitle).toBe('Albania–NATO relations');
    expect(top.sectionPath).toEqual(['Kuçovë Air Base']);
    expect(highlighted(top)).toContain('Kuçovë');
  });

  it('folds accents on both sides: Xhacka and Xhaçka find the same passages', () => {
    const a = lib.search({ query: 'Xhacka' });
    const b = lib.search({ query: 'Xhaçka' });
    expect(a.total).toBe(2);
    expect(b.results.map((r) => r.passageId)).toEqual(a.results.map((r) => r.passageId));
  });

  it('matches prefixes while typing', () => {
    const res = lib.search({ query: 'refug' });
    expect(res.results.some((r) => r.snippet.includes('351 Ukrainian refugees'))).toBe(true);
  });

  it('requires every word, and finds phrases only where the words stand together', () => {
    const all = lib.search({ query: 'railway Kosovo ' });
    expect(all.total).toBeGreaterThan(0);
    for (const r of all.results) expect(r.docTitle).toBe('Albania–Kosovo relations');
    const phrase = lib.search({ query: '"Partnership for Peace"' });
    expect(phrase.total).toBeGreaterThan(0);
    for (const r of phrase.results) expect(r.snippet.toLowerCase()).toContain('partnership for peace');
    expect(lib.search({ query: '"Peace for Partnership"' }).total).toBe(0);
  });

  it('filters by document and by partner', () => {
    const nato = slugOf('Albania–NATO relations');
    const res = lib.search({ query: 'Albania', docSlug: nato, limit: 200 });
    expect(res.total).toBeGreaterThan(0);
    expect(res.results.every((r) => r.docSlug === nato)).toBe(true);
    const turkey = lib.search({ query: 'military', partner: 'Turkey', limit: 200 });
    expect(turkey.total).toBeGreaterThan(0);
    expect(turkey.total).toBeLessThan(lib.search({ query: 'military', limit: 200 }).total + 1);
    expect(() => lib.search({ query: 'x', partner: 'Atlantis' })).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it.each(['title:nato', 'nato~2', 'nato^10', '+kosovo -serbia', '*', ':', '~', '^', '"', '\\', '(', '', '   ', 'the', '🙂', 'a'.repeat(5000), 'NATO AND OR NOT'])(
    'never throws for odd input %j',
    (query) => {
      const res = lib.search({ query });
      expect(res.total).toBeGreaterThanOrEqual(0);
    },
  );

  it('says why a query with only syntax found nothing', () => {
    expect(lib.search({ query: ':~^' }).notice).toMatch(/word/i);
  });

  it('suggests a corpus spelling when nothing is found', () => {
    const res = lib.search({ query: 'Kosovvo ' });
    expect(res.total).toBe(0);
    expect(res.suggestion).toBe('Kosovo ');
  });

  it('returns snippets whose highlights fall inside them', () => {
    for (const r of lib.search({ query: 'NATO', limit: 50 }).results) {
      expect(r.snippet.length).toBeLessThanOrEqual(250);
      for (const [s, e] of r.highlights) {
        expect(s).toBeGreaterThanOrEqual(0);
        expect(e).toBeLessThanOrEqual(r.snippet.length);
        expect(r.snippet.slice(s, e).toLowerCase()).toContain('nato');
      }
    }
  });

  it('never indexes cells lost in the source', () => {
    // The 166-row table has only row numbers; none of its rows may be a passage.
    expect(lib.search({ query: '"1 2 3"' }).total).toBe(0);
  });
});

describe('partners and timeline', () => {
  it('resolves partners by any spelling and suggests close names for unknown ones', () => {
    expect(lib.resolvePartnerId('kosovo')).toBe(lib.resolvePartnerId('KOSOVO'));
    expect(lib.resolvePartnerId('North Atlantic Treaty Organization')).toBe(lib.resolvePartnerId('NATO'));
    try {
      lib.getPartner('Kosova Republik');
      expect.unreachable();
    } catch (err) {
      expect((err as DeskError).code).toBe('NOT_FOUND');
    }
    expect(lib.suggestPartners('Ukrain')).toContain('Ukraine');
  });

  it('dates Kosovo relations to the day after independence', () => {
    const kosovo = lib.getPartner('Kosovo');
    expect(kosovo.established?.date).toBe('2008-02-18');
    const events = lib.timeline({ partner: 'Kosovo', from: 2008, to: 2008 });
    expect(events.map((e) => e.date)).toEqual(expect.arrayContaining(['2008-02-17', '2008-02-18']));
    expect(events.every((e) => e.date.startsWith('2008'))).toBe(true);
  });

  it('orders the timeline by date and filters by year overlap', () => {
    const all = lib.timeline({});
    const dates = all.map((e) => e.date.padEnd(10, '-'));
    expect([...dates].sort()).toEqual(dates);
    const nineties = lib.timeline({ from: 1995, to: 1995 });
    expect(nineties.some((e) => e.precision === 'decade')).toBe(true);
  });
});

describe('opening bad databases', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relations-desk-bad-'));
  const expectCode = (path: string, code: string) => {
    try {
      Library.open(path).close();
      expect.unreachable(`expected ${code}`);
    } catch (err) {
      expect(err).toBeInstanceOf(DeskError);
      expect((err as DeskError).code).toBe(code);
      expect((err as DeskError).hint).toMatch(/relations-desk build/);
    }
  };

  it('reports a missing file', () => expectCode(join(dir, 'nope.db'), 'DB_MISSING'));

  it('reports a file that is not a database', () => {
    const path = join(dir, 'junk.db');
    writeFileSync(path, Buffer.from('this is not sqlite at all'.repeat(200)));
    expectCode(path, 'DB_CORRUPT');
  });

  it('reports a database of another schema version as stale', () => {
    const path = join(dir, 'old.db');
    copyFileSync(inject('dbPath'), path);
    const db = new Database(path);
    db.prepare("UPDATE meta SET value = '0' WHERE key = 'schema_version'").run();
    db.close();
    expectCode(path, 'DB_STALE');
  });

  it('reports an index built from another corpus', () => {
    const path = join(dir, 'mismatch.db');
    copyFileSync(inject('dbPath'), path);
    const db = new Database(path);
    db.prepare("UPDATE search_index SET corpus_hash = 'other'").run();
    db.close();
    expectCode(path, 'DB_CORRUPT');
  });

  it('reports a damaged part of the search index when a search reaches it, and keeps serving the rest', () => {
    const damage = (name: string, sql: string): Library => {
      const path = join(dir, name);
      copyFileSync(inject('dbPath'), path);
      const db = new Database(path);
      db.prepare(sql).run();
      db.close();
      return Library.open(path); // opens: the index is read on first search
    };
    const expectCorrupt = (library: Library, query: string) => {
      let caught: unknown;
      try {
        library.search({ query });
      } catch (err) {
        caught = err;
      }
      expect(caught, query).toBeInstanceOf(DeskError);
      expect((caught as DeskError).code).toBe('DB_CORRUPT');
      expect((caught as DeskError).hint).toMatch(/relations-desk build/);
    };
    const noPostings = damage('no-postings.db', 'DELETE FROM search_postings');
    const badFolded = damage('bad-folded.db', "UPDATE search_index SET folded_ends = x'0102'");
    try {
      expectCorrupt(noPostings, 'Kosovo');
      expect(noPostings.listDocuments().length).toBe(5);
      expect(badFolded.search({ query: 'Kosovo' }).total).toBeGreaterThan(0);
      expectCorrupt(badFolded, '"diplomatic relations"');
    } finally {
      noPostings.close();
      badFolded.close();
    }
  });

  it('reports an empty SQLite file', () => {
    const path = join(dir, 'empty.db');
    new Database(path).close();
    expectCode(path, 'DB_CORRUPT');
  });
});

describe('documentsConcerning (what a comparison column reads)', () => {
  it('is, for every partner, exactly the documents about it, with a section headed by it, or with a passage naming it, in library order', () => {
    const docs = lib.listDocuments().map((d) => lib.getDocument(d.slug));
    for (const p of lib.listPartners()) {
      const named = new Set(lib.passageBlocksNaming(p.id).map((b) => b.docSlug));
      const expected = docs
        .filter((d) => (d.kind !== 'overview' && d.partners[0] === p.id) || named.has(d.slug) || d.sections.some((s) => s.path.some((h) => lib.resolvePartnerId(h) === p.id)))
        .map((d) => d.slug);
      expect(lib.documentsConcerning(p.id).map((d) => d.slug), p.id).toEqual(expected);
    }
  });
});
