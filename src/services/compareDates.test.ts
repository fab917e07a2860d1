// The comparison decides which statements of a fact agree without comparing every pair of their
// dates (issue 19): by the narrowest span of each set (allAgree) and by merged coverages (meet).
// Both are checked here against the pairwise rule on random dates, and the "sources differ" notes
// worked out only for shown entries against those worked out at once.
import { describe, expect, it } from 'vitest';
import type { DateValue, FacetEntry } from '../shared/types';
import { allAgree, compatible, coverage, markDateConflicts, meet, narrowest } from './compareDates';
import { ShownLater } from './shownLater';

/** A small random generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Dates near one another (so that some agree and some do not) of every precision. */
function someDate(r: () => number): DateValue {
  const year = 1990 + Math.floor(r() * 8);
  const month = String(1 + Math.floor(r() * 3)).padStart(2, '0');
  const day = String(1 + Math.floor(r() * 3)).padStart(2, '0');
  const kind = Math.floor(r() * 6);
  if (kind === 0) return { date: `${year}`, precision: 'year', text: '' };
  if (kind === 1) return { date: `${year}-${month}`, precision: 'month', text: '' };
  if (kind === 2) return { date: `${year}-${month}-${day}`, precision: 'day', text: '' };
  if (kind === 3) return { date: `${String(year).slice(0, 3)}0`, precision: 'decade', text: '' };
  if (kind === 4) return { date: `${year}`, precision: 'range', end: `${year + Math.floor(r() * 3)}`, text: '' };
  return { date: `${year}-${month}`, precision: 'range', end: `${year}-${String(Number(month) + 1).padStart(2, '0')}`, text: '' };
}

const someDates = (r: () => number): DateValue[] => Array.from({ length: 1 + Math.floor(r() * 4) }, () => someDate(r));

describe('agreement of two sets of dates without every pair', () => {
  it('allAgree holds exactly when each date of one agrees with each of the other', () => {
    const r = random(19);
    let yes = 0;
    for (let i = 0; i < 3000; i++) {
      const a = someDates(r);
      const b = someDates(r);
      const pairwise = a.every((v) => b.every((w) => compatible(v, w)));
      if (pairwise) yes++;
      expect(allAgree(narrowest(a), narrowest(b)), JSON.stringify([a, b])).toBe(pairwise);
    }
    expect(yes).toBeGreaterThan(100);
  });

  it('meet holds exactly when some date of one agrees with some date of the other', () => {
    const r = random(20);
    let no = 0;
    for (let i = 0; i < 3000; i++) {
      const a = someDates(r);
      const b = someDates(r);
      const pairwise = a.some((v) => b.some((w) => compatible(v, w)));
      if (!pairwise) no++;
      expect(meet(coverage(a), coverage(b)), JSON.stringify([a, b])).toBe(pairwise);
    }
    expect(no).toBeGreaterThan(100);
  });
});

describe('markDateConflicts', () => {
  const where = (ref: { docSlug: string; anchor: string }) => `${ref.docSlug} › ${ref.anchor}`;
  const groupsOf = (r: () => number) =>
    Array.from({ length: 2 + Math.floor(r() * 8) }, (_, i) => ({ entry: { text: `fact ${i}`, docSlug: `doc-${i}`, anchor: 'lead' } as FacetEntry, values: someDates(r) }));

  it('gives the notes worked out only for the entries shown that it gives at once, though the caller reorders the entries after', () => {
    const r = random(21);
    let notes = 0;
    for (let i = 0; i < 300; i++) {
      const groups = groupsOf(r);
      const copy = groups.map((g) => ({ entry: { ...g.entry }, values: g.values }));
      markDateConflicts(copy, { where }, 'date of establishment');
      const shown = new ShownLater();
      markDateConflicts(groups, { where, later: (fill) => shown.later(fill) }, 'date of establishment');
      // The comparison sorts the entries after marking them, and settles the shown ones.
      groups.reverse();
      copy.reverse();
      const settled = groups.map(({ entry }) => shown.settle(entry));
      // Byte for byte: keys in the same order, no key left for an entry without a note.
      expect(JSON.stringify(settled)).toBe(JSON.stringify(copy.map((g) => g.entry)));
      notes += copy.filter((g) => g.entry.sourcesDiffer).length;
    }
    expect(notes).toBeGreaterThan(100);
  });
});
