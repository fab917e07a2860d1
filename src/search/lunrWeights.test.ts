// The build's index weights must be lunr.Builder's, entry for entry (the corpus-sized checks are
// in scorer.test.ts; these are the corner cases of lunr's arithmetic and tokenizer).
import { describe, expect, it } from 'vitest';
import { buildLunrIndex, indexFieldsOf, type IndexablePassage } from './buildIndex';
import { lunrWeights } from './lunrWeights';
import { scorerDataFromLunr } from './scorer';

function passage(id: string, text: string, more: Partial<IndexablePassage> = {}): IndexablePassage {
  return { id, docSlug: 'd', docTitle: 'Albania–Kosovo relations', anchor: 'a', blockId: 'b', sectionPath: ['History'], text, partners: [], partnerNames: [], ...more };
}

function viaLunr(passages: IndexablePassage[]) {
  const json = buildLunrIndex(passages).toJSON() as unknown as Parameters<typeof scorerDataFromLunr>[0];
  return scorerDataFromLunr(json, passages.map((p) => p.id));
}

const direct = (passages: IndexablePassage[]) => lunrWeights(passages.map((p) => ({ ref: p.id, fields: indexFieldsOf(p) })));

describe('lunrWeights', () => {
  it('equals lunr.Builder on the corner cases of its tokenizer and arithmetic', () => {
    const passages = [
      passage('p0', 'Kosovo Kosovo kosovo KOSOVO — the Kuçovë air base; Kucove again.'),
      passage('p1', '', { sectionPath: [], partnerNames: [] }),
      passage('p2', 'the of and to a', { sectionPath: ['The', 'Of'] }),
      passage('p3', 'constructor __proto__ toString hasOwnProperty valueOf 2008 18 February 2008', { partnerNames: ['Kosovo', 'North Macedonia'] }),
      passage('p4', 'Albania–Kosovo relations/Serbia−Greece   tabs\tand\nnew‐lines ‒ dashes', { docTitle: 'Foreign relations of Albania' }),
      passage('p5', "Albania's ambassador's residence, Xhaçka’s visit; it's “quoted” (parenthesised) [bracketed]."),
      passage('p6', 'İstanbul ǅemal ß straße ÆØÅ ﬁnance 👍 a:b:c ~~ "'),
      passage('p7', 'relations '.repeat(300), { sectionPath: ['Relations', 'Relations history'] }),
    ];
    const got = direct(passages);
    const want = viaLunr(passages);
    expect(got.terms).toEqual(want.terms);
    expect(got.refs).toEqual(want.refs);
    expect(got.fields).toEqual(want.fields);
    expect(got.lunrVersion).toBe(want.lunrVersion);
    expect(Array.from(got.starts)).toEqual(Array.from(want.starts));
    expect(Array.from(got.docs)).toEqual(Array.from(want.docs));
    expect(Array.from(got.weights)).toEqual(Array.from(want.weights));
    expect(got.terms).toContain('constructor');
    expect(got.terms).toContain('kucov');
  });

  it('equals lunr.Builder when fields repeat the passage before and come back (each value analysed once per run)', () => {
    const passages = [
      passage('p0', 'Embassy in Tirana', { sectionPath: ['Diplomatic missions'], partnerNames: ['Kosovo'] }),
      passage('p1', 'Embassy in Pristina', { sectionPath: ['Diplomatic missions'], partnerNames: ['Kosovo'] }),
      passage('p2', 'Trade and energy', { sectionPath: ['Economy', 'Energy energy'], partnerNames: [] }),
      passage('p3', 'Energy first, then missions', { sectionPath: ['Diplomatic missions'], docTitle: 'Albania–Serbia relations', partnerNames: ['Kosovo'] }),
      passage('p4', 'Energy first, then missions', { sectionPath: ['Diplomatic missions'], docTitle: 'Albania–Serbia relations', partnerNames: ['Kosovo'] }),
    ];
    const got = direct(passages);
    const want = viaLunr(passages);
    expect(got.terms).toEqual(want.terms);
    expect(Array.from(got.starts)).toEqual(Array.from(want.starts));
    expect(Array.from(got.docs)).toEqual(Array.from(want.docs));
    expect(Array.from(got.weights)).toEqual(Array.from(want.weights));
  });

  it('gives a term that occurs in several fields the idf lunr gives it (counted once per field)', () => {
    // "kosovo" is in the title of every passage and in the text of one: lunr counts it 4 times.
    const passages = [passage('p0', 'Kosovo'), passage('p1', 'Serbia'), passage('p2', 'Greece')];
    expect(Array.from(direct(passages).weights)).toEqual(Array.from(viaLunr(passages).weights));
  });
});
