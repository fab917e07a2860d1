// The suggestions' vocabulary: the build adds each passage's title, section and text apart (and
// splits the ones it saw lately once), which must count as adding them joined.
import { describe, expect, it } from 'vitest';
import { buildVocabulary, VocabularyBuilder } from './buildIndex';

describe('VocabularyBuilder', () => {
  it('counts the parts of a text, repeated or not, as the whole text', () => {
    const passages = [
      ['Albania–Kosovo relations', 'History', 'Kosovo declared independence; KOSOVO, Kosovo.'],
      ['Albania–Kosovo relations', 'History', 'The Kuçovë air base and the Kucove base.'],
      ['Albania–Kosovo relations', 'Economy', 'Trade with Kosova-based firms/partners.'],
      ['Foreign relations of Albania', 'Kuçovë', 'Kuçovë'],
      ['Albania–Kosovo relations', 'History', 'Kucove Kucove Kucove'],
    ];
    const joined = buildVocabulary(passages.map(([title, section, text]) => `${title}\n${section}\n${text}`));
    const parts = new VocabularyBuilder();
    for (const p of passages) for (const part of p) parts.add(part);
    const got = parts.finish();
    expect([...got]).toEqual([...joined]);
    // The most frequent spelling wins: "Kucove" 4 times, "Kuçovë" 3 times.
    expect(got.get('kucove')).toBe('Kucove');
    expect(got.get('kosovo')).toBe('Kosovo');
  });

  it('counts a text each time it comes, from its memory of it or after that memory was cleared', () => {
    const builder = new VocabularyBuilder();
    for (let i = 0; i < 25; i++) builder.add('Tirana'); // one split, 25 counts
    for (let i = 0; i < 20; i++) {
      builder.add(`Section ${i}`); // more texts than it keeps in mind
      builder.add('TIRANA');
    }
    expect(builder.finish().get('tirana')).toBe('Tirana');
  });
});
