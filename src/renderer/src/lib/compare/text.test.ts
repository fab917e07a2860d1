// Text mode over the real corpus (the DB built by vitest's globalSetup).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Library } from '../../../../services/library';
import { comparePartners } from '../../../../services/compare';
import type { Comparison, DeskDocument } from '../../../../shared/types';
import { activeFacet, blockFacets, blockKey, buildPartnerText, citedKeys, facetAnchors, mainDocumentSlug, namesAny, quoteSegments } from './text';

declare module 'vitest' {
  export interface ProvidedContext {
    dbPath: string;
  }
}

let lib: Library;
let comparison: Comparison;
let docs: DeskDocument[];
beforeAll(() => {
  lib = Library.open(inject('dbPath'));
  comparison = comparePartners(lib, ['Kosovo', 'Ukraine', 'NATO', 'Turkey']);
  docs = lib.listDocuments().map((d) => lib.getDocument(d.slug));
});
afterAll(() => lib.close());

const textOf = (id: string) => {
  const summaries = lib.listDocuments();
  const p = lib.getPartner(id);
  return buildPartnerText({
    partnerId: id,
    names: [p.name, ...p.aliases],
    mainSlug: mainDocumentSlug(id, summaries),
    documents: docs,
    include: citedKeys(comparison, id),
  });
};

describe('each partner’s text', () => {
  it('is the bilateral article for Kosovo, Ukraine and NATO, and passages elsewhere for Turkey', () => {
    const summaries = lib.listDocuments();
    expect(mainDocumentSlug('kosovo', summaries)).toBe('albania-kosovo-relations');
    expect(mainDocumentSlug('ukraine', summaries)).toBe('albania-ukraine-relations');
    expect(mainDocumentSlug('nato', summaries)).toBe('albania-nato-relations');
    expect(mainDocumentSlug('turkey', summaries)).toBeNull();
    expect(mainDocumentSlug('european-union', summaries)).toBe('security-and-defence-partnership-between-the-european-union');
  });

  it('puts the main document first and whole, then the cited passages from other documents', () => {
    const t = textOf('kosovo');
    const main = lib.getDocument('albania-kosovo-relations');
    expect(t.groups[0]!.docSlug).toBe('albania-kosovo-relations');
    expect(t.groups[0]!.sections).toHaveLength(main.sections.filter((s) => s.blocks.length > 0).length);
    // "Formal Relations Began: 18 February 2008" is a table row in the overview.
    const overview = t.groups.find((g) => g.docSlug === 'foreign-relations-of-albania');
    expect(overview).toBeDefined();
    const europe = overview!.sections.find((s) => s.anchor === 'diplomatic-relations--europe');
    const item = europe?.blocks.find((b) => b.block.type === 'table');
    const block = item?.block;
    if (!item || block?.type !== 'table') throw new Error('no table of European relations');
    // Only the Kosovo row of the big European table.
    expect(item.rows?.length).toBeGreaterThan(0);
    expect(item.rows!.length).toBeLessThan(block.rows.length);
    expect(item.rows!.every((i) => block.rows[i]!.cells.some((c) => /Kosovo/.test(c.text)))).toBe(true);
  });

  it('anchors each facet with entries on a block of the column, in reading order', () => {
    const t = textOf('ukraine');
    const anchors = facetAnchors(comparison, t);
    for (const facet of comparison.facets) {
      const cell = facet.cells['ukraine']!;
      if (cell.length === 0) expect(anchors.has(facet.id)).toBe(false);
      else expect(anchors.has(facet.id), facet.id).toBe(true);
    }
    // "Established in 1993" (lead) and "on January 13, 1993" (History) are one fact, quoted from the more precise.
    const established = comparison.facets.find((f) => f.id === 'relations')!.cells['ukraine']![0]!;
    expect(established.date?.date).toBe('1993-01-13');
    expect(anchors.get('relations')).toBe(blockKey('albania-ukraine-relations', established.blockId!));
    const tags = blockFacets(comparison, t);
    expect(tags.get(anchors.get('russia-ukraine')!)).toContain('russia-ukraine');
  });

  it('for Turkey, shows the passages that name it grouped by document', () => {
    const t = textOf('turkey');
    expect(t.mainDoc).toBeNull();
    expect(t.groups.map((g) => g.docSlug)).toContain('foreign-relations-of-albania');
    expect(t.order.size).toBeGreaterThan(0);
  });
});

describe('helpers', () => {
  it('matches names on word boundaries, accents ignored', () => {
    expect(namesAny('Albania and Türkiye signed', ['Turkey', 'Türkiye'])).toBe(true);
    expect(namesAny('Turkmenistan', ['Turkey'])).toBe(false);
    expect(namesAny('the U.S. embassy', ['U.S.'])).toBe(true);
  });

  it('picks the facet anchor just above the top, keeping the current one on a shared block', () => {
    const anchors = [
      { facet: 'relations', top: 0 },
      { facet: 'missions', top: 400 },
      { facet: 'security', top: 400 },
      { facet: 'economy', top: 900 },
    ];
    expect(activeFacet(anchors, -50, null)).toBeNull();
    expect(activeFacet(anchors, 10, null)).toBe('relations');
    expect(activeFacet(anchors, 390, null)).toBe('missions');
    expect(activeFacet(anchors, 500, 'security')).toBe('security');
    expect(activeFacet(anchors, 2000, 'security')).toBe('economy');
  });
});

describe('quoted sentences in a block', () => {
  it('marks each quote once, in order, and leaves the rest plain', () => {
    const text = 'Relations were established in 1993. Albania has an embassy in Kyiv. Trade grew.';
    expect(quoteSegments(text, ['Albania has an embassy in Kyiv.', 'Relations were established in 1993.'])).toEqual([
      { text: 'Relations were established in 1993.', hit: true },
      { text: ' ', hit: false },
      { text: 'Albania has an embassy in Kyiv.', hit: true },
      { text: ' Trade grew.', hit: false },
    ]);
    expect(quoteSegments('No quote here.', ['Something else entirely.'])).toEqual([{ text: 'No quote here.', hit: false }]);
  });
});
