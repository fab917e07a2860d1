// The printable comparison sheet over the real corpus (the DB built by vitest's globalSetup).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Library } from '../../../../services/library';
import { comparePartners } from '../../../../services/compare';
import type { DeskDocument } from '../../../../shared/types';
import { comparisonSheet, sheetTitle } from './printSheet';

let lib: Library;
let docs: Record<string, DeskDocument>;
beforeAll(() => {
  lib = Library.open(inject('dbPath'));
  docs = Object.fromEntries(lib.listDocuments().map((d) => [d.slug, lib.getDocument(d.slug)]));
});
afterAll(() => lib.close());

describe('the printable comparison sheet', () => {
  it('titles the sheet after the partners', () => {
    expect(sheetTitle(['Kosovo', 'NATO'])).toBe('Albania with Kosovo and NATO: comparison');
    expect(sheetTitle(['Kosovo', 'Ukraine', 'NATO'])).toBe('Albania with Kosovo, Ukraine and NATO: comparison');
  });

  it('numbers each source once across the sheet and names it by its section path', () => {
    const c = comparePartners(lib, ['Kosovo', 'Ukraine', 'NATO', 'European Union']);
    const s = comparisonSheet(c, docs, (slug) => docs[slug]!.title);
    expect(s.rows.map((r) => r.id)).toHaveLength(12);
    const kosovo = s.rows.find((r) => r.id === 'relations')!.cells.kosovo!;
    expect(kosovo.parts[0]).toMatchObject({ date: '18 February 2008', text: '' });
    const places = s.sources.map((x) => x.place);
    expect(new Set(places).size).toBe(places.length);
    expect(places).toContain('Albania–Kosovo relations › History › Independence');
    for (const p of places) expect(p).not.toMatch(/#|--/);
    const cited = new Set(s.rows.flatMap((r) => Object.values(r.cells).flatMap((c) => c.parts.flatMap((p) => p.cites))));
    expect([...cited].sort((a, b) => a - b)).toEqual(s.sources.map((x) => x.n));
  });

  it('names the facets with nothing stated for anyone in one line', () => {
    const c = comparePartners(lib, ['NATO', 'European Union']);
    const s = comparisonSheet(c, docs, (slug) => docs[slug]!.title);
    expect(s.empty).toEqual(expect.arrayContaining(['Recognition', 'Resident missions (both ways)']));
    expect(s.rows.some((r) => r.id === 'recognition')).toBe(false);
  });
});
