// The searcher checks quoted phrases on the library's stored folded texts (word codes,
// search/foldedWords.ts); without them it reads and folds each candidate's text. Both must give
// the same answers: totals, ranking, snippets and highlights (issue 19).
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FoldedWords } from '../search/foldedWords';
import { Searcher } from '../search/searcher';
import { foldForMatch } from '../search/query';
import { Library } from './library';
import { libraryPassages } from './libraryPassages';

let lib: Library;
let db: Database.Database;
beforeAll(() => {
  lib = Library.open(inject('dbPath'));
  db = new Database(inject('dbPath'), { readonly: true });
});
afterAll(() => {
  lib.close();
  db.close();
});

const storedFolded = (): FoldedWords => {
  const row = db.prepare('SELECT folded, folded_ends FROM search_index WHERE id = 1').get() as { folded: Buffer; folded_ends: Buffer };
  return new FoldedWords(row.folded, row.folded_ends);
};

const searcherOver = (folded: FoldedWords | null) => {
  const titles = () => new Map(lib.listDocuments().map((d) => [d.slug, d.title]));
  const source = libraryPassages(db, { titles, folded: () => folded!, partnerPassages: new Map() });
  return new Searcher(lib.getSearcher().scoring, folded ? source : { ...source, foldedTexts: () => null }, () => new Map());
};

describe('phrase checks on the stored word codes', () => {
  it('hold every passage\'s folded text exactly', () => {
    const folded = storedFolded();
    const refs = lib.getSearcher().scoring.refs;
    expect(folded.size).toBe(refs.length);
    const texts = libraryPassages(db, { titles: () => new Map(), folded: () => folded, partnerPassages: new Map() }).getTexts!(refs);
    refs.forEach((id, i) => expect(folded.text(i), id).toBe(foldForMatch(texts.get(id)!)));
  });

  it('find what reading and folding each candidate\'s text finds, accents and mixed scripts included', () => {
    const withCodes = searcherOver(storedFolded());
    const withTexts = searcherOver(null);
    const queries = [
      '"diplomatic relations"', '"Kuçovë Air Base"', '"Kucove air base"', '"KUCOVE AIR"', '"European Union" "NATO"',
      '"Partnership for Peace"', '"Prime Minister"', '"ropean unio"', '"relations between"', '"the following"',
      '"Albania–Kosovo"', '"Albania-Kosovo relations"', '"nowhere at all"', '"Tirana and"', 'Military Mobility', 'Open Balkan',
      '"diplomatic relations" Kosovo', 'xyzzy "diplomatic relations"',
      // Words not all found: which ones no candidate has is answered from the word codes.
      'Kosovo xyzzy', 'Kuçovë qwerty', 'relations co-operation zzqx', 'Albania Kosova', 'embassy (tirana) zzq', 'nato 2009 zzz',
    ];
    let found = 0;
    let missing = 0;
    for (const query of queries) {
      for (const limit of [5, 50]) {
        const a = withCodes.search({ query, limit });
        expect(a, query).toEqual(withTexts.search({ query, limit }));
        found += a.total;
        missing += a.missingWords?.length ?? 0;
      }
    }
    expect(found).toBeGreaterThan(50);
    expect(missing).toBeGreaterThan(4);
  });

  it('are what the library itself answers with', () => {
    const withCodes = searcherOver(storedFolded());
    for (const query of ['"diplomatic relations"', '"Kucove air base"', 'Military Mobility']) {
      expect(lib.search({ query, limit: 10 }), query).toEqual(withCodes.search({ query, limit: 10 }));
    }
  });
});
