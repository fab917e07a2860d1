// SQLite's phrase check over the stored folded texts answers as the in-memory byte search does,
// for any order, repeats and numbers of candidates (batches of 500), and more than one phrase.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_SQL } from '../core/schema';
import { foldForMatch } from '../search/query';
import { encodeTexts, TextBuffer } from '../search/textBuffer';
import { foldedRows } from './foldedRows';

const texts = Array.from({ length: 1200 }, (_, i) =>
  foldForMatch(i % 9 === 0 ? '' : `Passage ${i}: ${i % 3 === 0 ? 'the Partnership for Peace' : 'Kuçovë Air Base'} ${i % 4 === 0 ? 'and the European Union' : 'Ελλάδα 😀'}`),
);
const db = new Database(':memory:');
db.exec(SCHEMA_SQL);
const ins = db.prepare('INSERT INTO search_folded (ord, text) VALUES (?, ?)');
texts.forEach((t, i) => ins.run(i, t));
const whole = new TextBuffer(encodeTexts(texts).bytes, encodeTexts(texts).ends);
afterAll(() => db.close());

describe('foldedRows', () => {
  const rows = foldedRows(db);
  const ordinals = [...texts.keys()].reverse().concat([5, 5, 0, 1199]);

  it('counts the stored texts', () => expect(rows.size).toBe(texts.length));

  it('checks phrases as the byte search does', () => {
    for (const phrases of [['partnership for peace'], ['kucove air base', 'european union'], ['ελλαδα'], ['peace for partnership'], ['']]) {
      const got = rows.containing(ordinals, phrases.map(foldForMatch));
      expect([...got], phrases.join(' + ')).toEqual([...whole.containing(ordinals, phrases.map(foldForMatch))]);
    }
    expect([...rows.containing([], ['peace'])]).toEqual([]);
  });

  it('gives the texts in the order asked, an ordinal it does not hold as empty', () => {
    expect(rows.texts(ordinals)).toEqual(whole.texts(ordinals));
    expect(rows.texts([3, 99_999])).toEqual([texts[3], '']);
  });

  it('reports a library without the table as a damaged index', () => {
    const bare = new Database(':memory:');
    expect(() => foldedRows(bare)).toThrow(/corrupt search index \(folded passage texts missing\)/);
    bare.close();
  });
});
