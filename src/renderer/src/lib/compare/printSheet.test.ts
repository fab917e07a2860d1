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

describe('the printable comparison sheet, a fact stated in many documents (issue 19)', () => {
  it('carries the count of the sources a part does not number', () => {
    const partner = { id: 'estonia', name: 'Estonia', kind: 'country' as const };
    const date = { date: '1992-05-05', precision: 'day' as const, text: '5 May 1992' };
    const entry = { text: 'Established on 5 May 1992.', docSlug: 'd0', anchor: 'lead', label: 'Relations established', date, alsoIn: [{ docSlug: 'd1', anchor: 'lead', quote: 'q' }], alsoInMore: 597 };
    const c = { partners: [partner], facets: [{ id: 'relations' as const, label: 'Relations established', cells: { estonia: [entry] } }] };
    const s = comparisonSheet(c, {}, (slug) => slug);
    expect(s.rows[0]!.cells.estonia!.parts[0]).toMatchObject({ cites: [1, 2], more: 597 });
    expect(s.sources).toHaveLength(2);
  });
});
