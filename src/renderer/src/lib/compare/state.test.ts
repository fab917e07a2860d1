// The comparison view's data over a fake desk: documents fetched once, failures retried, and each
// partner's text drawn from its main document or, without one, from the passages that name it.
import { describe, expect, it } from 'vitest';
import type { Block, Comparison, DeskDocument, DocumentSummary, PartnerSummary, SearchResponse } from '../../../../shared/types';
import { CompareState } from './state.svelte';

const para = (id: string, text: string) => ({ type: 'paragraph', id, text }) as unknown as Block;
const doc = (slug: string, blocks: Block[]): DeskDocument =>
  ({ slug, title: slug, kind: 'bilateral', sourceFile: `${slug}.txt`, partners: [], sections: [{ anchor: 'intro', heading: '', level: 0, path: [], blocks }] }) as DeskDocument;
const LIBRARY: Record<string, DeskDocument> = {
  'albania-kosovo': doc('albania-kosovo', [para('k1', 'Kosovo and Albania'), para('k2', 'Kosovo trade')]),
  'foreign-relations': doc('foreign-relations', [para('f1', 'Relations with Andorra began in 1995.'), para('f2', 'Kosovo is recognised.')]),
};
const summaries = [
  { slug: 'albania-kosovo', title: 'albania-kosovo', kind: 'bilateral', partners: ['kosovo'] },
  { slug: 'foreign-relations', title: 'foreign-relations', kind: 'overview', partners: ['kosovo', 'andorra'] },
] as unknown as DocumentSummary[];
const partners = [
  { id: 'kosovo', name: 'Kosovo', aliases: [] },
  { id: 'andorra', name: 'Andorra', aliases: ['Principality of Andorra'] },
] as unknown as PartnerSummary[];
const comparison = {
  partners: [
    { id: 'kosovo', name: 'Kosovo' },
    { id: 'andorra', name: 'Andorra' },
  ],
  facets: [{ id: 'relations', cells: { kosovo: [{ docSlug: 'foreign-relations', blockId: 'f2', anchor: 'intro' }], andorra: [] } }],
} as unknown as Comparison;

function fakeDesk() {
  const calls = { compare: 0, getDocument: [] as string[], search: [] as { query: string; partner?: string }[] };
  const failOnce = new Set<string>();
  const desk = {
    compare: async () => {
      calls.compare++;
      return comparison;
    },
    getDocument: async ({ slug }: { slug: string }) => {
      calls.getDocument.push(slug);
      if (failOnce.delete(slug)) throw new Error('read failed');
      const d = LIBRARY[slug];
      if (!d) throw new Error(`no ${slug}`);
      return d;
    },
    search: async (p: { query: string; partner?: string }): Promise<SearchResponse> => {
      calls.search.push({ query: p.query, ...(p.partner ? { partner: p.partner } : {}) });
      return { query: p.query, total: 1, results: [{ docSlug: 'foreign-relations', blockId: 'f1' }] } as unknown as SearchResponse;
    },
  };
  return { desk, calls, failOnce };
}

describe('CompareState over a fake desk', () => {
  it('fetches a document once for every caller, and again after a failure', async () => {
    const { desk, calls, failOnce } = fakeDesk();
    const st = new CompareState(desk);
    failOnce.add('albania-kosovo');
    const [a, b] = await Promise.allSettled([st.doc('albania-kosovo'), st.doc('albania-kosovo')]);
    expect([a.status, b.status]).toEqual(['rejected', 'rejected']);
    expect(calls.getDocument).toEqual(['albania-kosovo']);
    expect((await st.doc('albania-kosovo')).slug).toBe('albania-kosovo');
    await st.doc('albania-kosovo');
    expect(calls.getDocument).toEqual(['albania-kosovo', 'albania-kosovo']);
    expect(Object.keys(st.docs)).toEqual(['albania-kosovo']);
  });

  it('says when every cited document has been answered, even if one failed', async () => {
    const { desk, failOnce } = fakeDesk();
    const st = new CompareState(desk);
    failOnce.add('foreign-relations');
    st.loadCitedDocs(comparison);
    await new Promise((r) => setTimeout(r, 0));
    expect(st.citedLoaded).toBe('kosovo,andorra');
    expect(st.docs['foreign-relations']).toBeUndefined();
  });

  it("builds each partner's text: its own document whole, or the passages that name it", async () => {
    const { desk, calls } = fakeDesk();
    const st = new CompareState(desk);
    st.setContext(summaries, partners);
    await st.comparison.load('kosovo,andorra');
    await st.texts.load('kosovo,andorra');
    expect(calls.compare).toBe(1); // the comparison already loaded is reused
    expect(calls.search).toEqual([{ query: 'Andorra', partner: 'andorra' }]);
    const [kosovo, andorra] = st.texts.value ?? [];
    expect(kosovo?.mainDoc?.slug).toBe('albania-kosovo');
    expect(kosovo?.groups.map((g) => [g.docSlug, g.sections.flatMap((s) => s.blocks.map((b) => b.key))])).toEqual([
      ['albania-kosovo', ['albania-kosovo#k1', 'albania-kosovo#k2']],
      ['foreign-relations', ['foreign-relations#f2']],
    ]);
    expect(andorra?.mainDoc).toBeNull();
    expect(andorra?.groups.map((g) => g.sections.flatMap((s) => s.blocks.map((b) => b.key)))).toEqual([['foreign-relations#f1']]);
  });
});
