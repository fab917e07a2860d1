// A long document is read a part at a time (issue 14: a 100,001-section document is 28 MB of JSON).
import { describe, expect, inject, it } from 'vitest';
import { Library } from './library';

const library = Library.open(inject('dbPath'));
const SLUG = 'albania-kosovo-relations';

describe('document parts', () => {
  const whole = library.getDocument(SLUG);

  it('returns the same sections, a part at a time, as the whole document', () => {
    const parts = [];
    for (let from = 0; from < whole.sections.length; from += 4) {
      const part = library.getDocumentPart(SLUG, { from, count: 4 });
      expect(part.sectionCount).toBe(whole.sections.length);
      expect(part.from).toBe(from);
      expect(part.document.title).toBe(whole.title);
      parts.push(...part.document.sections);
    }
    expect(parts).toEqual(whole.sections);
  });

  it('finds the part that holds an anchor, and says when there is no such section', () => {
    const target = whole.sections[6]!;
    const part = library.getDocumentPart(SLUG, { anchor: target.anchor, count: 4 });
    expect(part.from).toBe(4);
    expect(part.document.sections.map((s) => s.anchor)).toContain(target.anchor);
    expect(() => library.getDocumentPart(SLUG, { anchor: 'no-such-section', count: 4 })).toThrow(/No section "no-such-section"/);
  });

  it('gives the outline of every section without its text', () => {
    expect(library.documentOutline(SLUG)).toEqual(whole.sections.map((s) => ({ anchor: s.anchor, heading: s.heading, level: s.level })));
    expect(() => library.documentOutline('nope')).toThrow(/No document "nope"/);
  });
});
