// Folded passage texts held as word codes must answer phrase checks exactly as a substring search
// of the folded text does (issue 19: the same results in a quarter of the memory).
import { describe, expect, it } from 'vitest';
import { FoldedWords } from './foldedWords';
import { encodeFoldedWords } from './foldedWordsEncoder';
import { hasWord, wordPattern } from './partial';
import { foldForMatch, parseQuery } from './query';

const load = (texts: string[]) => {
  const { bytes, ends } = encodeFoldedWords(texts);
  // Copies at odd offsets, as BLOBs read back from SQLite may be.
  const odd = (b: Buffer) => {
    const copy = Buffer.alloc(b.length + 1);
    b.copy(copy, 1);
    return copy.subarray(1);
  };
  return new FoldedWords(odd(bytes), odd(ends));
};

/** What the searcher asks: every phrase of the query, as a substring of the folded text. */
const expected = (text: string, phrases: string[]) => phrases.every((p) => text.includes(p));

describe('FoldedWords', () => {
  const raw = [
    'Kuçovë Air Base was modernised',
    '',
    'the European Union and NATO',
    'Ελλάδα — Greece; 😀 emoji, and the “Stabilisation and Association” Agreement',
    'union european',
    '  leading and trailing spaces  ',
    'Albania–Kosovo relations: co-operation in 2009 (Tirana, Prishtinë)',
    'Москва and Tirana, 北京 and Tirana',
  ];
  const texts = raw.map(foldForMatch);
  const folded = load(texts);
  const has = (i: number, ...phrases: string[]) => folded.containsAll(i, folded.prepare(phrases));

  it('gives back every folded text exactly, multi-byte and empty ones included', () => {
    expect(folded.size).toBe(texts.length);
    texts.forEach((t, i) => expect(folded.text(i)).toBe(t));
  });

  it('matches accent-insensitively, as the query folds', () => {
    for (const q of ['"Kuçovë Air Base"', '"Kucove air base"', '"KUCOVE AIR"']) expect(has(0, ...parseQuery(q).phrases), q).toBe(true);
    for (const q of ['"Kosovo relations"', '"co-operation in 2009"', '"co operation in"', '"Prishtinë"', '"Москва and"']) {
      const { phrases } = parseQuery(q);
      expect(has(6, ...phrases) || has(7, ...phrases), q).toBe(true);
      texts.forEach((t, i) => expect(has(i, ...phrases), `${q} in ${t}`).toBe(expected(t, phrases)));
    }
  });

  it('matches inside words at a phrase\'s ends, whole words between, within one passage only', () => {
    expect(has(2, 'european union', 'nato')).toBe(true);
    expect(has(2, 'ropean uni')).toBe(true);
    expect(has(2, 'ropean union and')).toBe(true);
    expect(has(2, 'european unio and')).toBe(false);
    expect(has(4, 'european union')).toBe(false);
    expect(has(0, 'modernised the')).toBe(false); // would span passages 0–2 if unbounded
    expect(has(1, 'european union')).toBe(false);
    expect(has(5, ' leading')).toBe(true);
    expect(has(5, 'spaces ')).toBe(true);
    expect(has(3, 'greece; 😀 emoji,')).toBe(true);
    expect(has(3, '“stabilisation and association”')).toBe(true);
    expect(has(7, 'москва and tirana, 北京')).toBe(true);
    expect(has(7, 'and tirana')).toBe(true);
    expect(has(7, 'nowhere to be found')).toBe(false);
    expect(has(-1, 'the')).toBe(false);
    expect(has(texts.length, 'the')).toBe(false);
  });

  it('agrees with a substring search of the folded text on every phrase cut from the texts and on random ones', () => {
    let seed = 19;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % n;
    };
    const alphabet = ['a', 'b', 'e', 'ë', 'ç', 'Ω', '😀', ' ', ' ', ' ', '-', '–', ',', '.', 'N', 'u', '\t'];
    const randomText = (len: number) => Array.from({ length: len }, () => alphabet[rnd(alphabet.length)]).join('');
    // Cut at characters, not UTF-16 units: a query never holds half an emoji.
    const cut = (s: string, from: number, len: number) => [...s].slice(from, from + len).join('');
    const corpus = [...texts, ...Array.from({ length: 200 }, () => foldForMatch(randomText(rnd(40))))];
    const words = load(corpus);
    corpus.forEach((t, i) => expect(words.text(i)).toBe(t));
    const phrases: string[] = [];
    for (let n = 0; n < 600; n++) {
      const source = n % 3 === 0 ? foldForMatch(randomText(1 + rnd(8))) : corpus[rnd(corpus.length)]!;
      phrases.push(cut(source, rnd([...source].length + 1), 1 + rnd(12)));
    }
    for (const p of phrases.filter((x) => x !== '')) {
      const prepared = words.prepare([p]);
      corpus.forEach((t, i) => {
        if (words.containsAll(i, prepared) !== expected(t, [p])) throw new Error(`phrase ${JSON.stringify(p)} in text ${JSON.stringify(t)}`);
      });
    }
    const pairs = words.prepare(['a b', 'e']);
    corpus.forEach((t, i) => expect(words.containsAll(i, pairs)).toBe(expected(t, ['a b', 'e'])));
  });

  it('finds a word as typed in the passages asked, as hasWord does on their texts', () => {
    const words = ['kucove', 'Kuçovë', 'air', 'UNION', 'ropean', 'nato', 'greece;', '😀', 'москва', '北京', 'tirana,', 'prishtine)', '(tirana', '2009', 'xyz', 'e'];
    const all = texts.map((_, i) => i);
    for (const raw of words) {
      const word = foldForMatch(raw).trim();
      texts.forEach((t, i) => expect(folded.someWordMatches([i], word), `${raw} in ${t}`).toBe(hasWord(t, raw)));
      expect(folded.someWordMatches(all, word), raw).toBe(texts.some((t) => hasWord(t, raw)));
      expect(folded.someWordMatches([], word)).toBe(false);
    }
    // "ropean" begins no word: not found, though "european" holds it.
    expect(folded.someWordMatches(all, 'ropean')).toBe(false);
    expect(folded.someWordMatches([0], foldForMatch('Kucove').trim())).toBe(true);
  });

  it('draws word boundaries as wordPattern does: after a non-letter code point, astral ones included, and at any repeat', () => {
    const tricky = ['😀kosovo', '𝐀kosovo', 'x𝟙kosovo', 'aaab', 'kosovokosovo', 'pro-kosovo', '1kosovo', '_kosovo', 'ab-ab-ab'].map(foldForMatch);
    const words = load(tricky);
    for (const w of ['kosovo', 'aab', 'ab', 'b-ab', 'ovo', 'o']) {
      const pattern = wordPattern(w, 'gu')!;
      tricky.forEach((t, i) => expect(words.someWordMatches([i], w), `${w} in ${t}`).toBe(new RegExp(pattern.source, 'u').test(t)));
    }
  });

  it('reports damaged stored texts as a corrupt index', () => {
    const { bytes, ends } = encodeFoldedWords(texts);
    expect(() => new FoldedWords(bytes.subarray(0, bytes.length - 1), ends)).toThrow(/corrupt search index/);
    expect(() => new FoldedWords(bytes, ends.subarray(1))).toThrow(/corrupt search index/);
    expect(() => new FoldedWords(bytes.subarray(0, 2), ends)).toThrow(/corrupt search index/);
    // A code naming a word the list does not have.
    const bad = Buffer.from(bytes);
    bad[bad.length - 1] = 0x7f;
    const damaged = new FoldedWords(bad, ends);
    expect(() => damaged.text(texts.length - 1)).toThrow(/corrupt search index/);
  });

  it('holds each distinct word once', () => {
    const many = load(Array.from({ length: 1000 }, (_, i) => `the union ${i % 10}`));
    expect(many.words).toBe(12);
    expect(many.text(999)).toBe('the union 9');
  });
});
