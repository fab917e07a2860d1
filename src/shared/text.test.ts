import { describe, expect, it } from 'vitest';
import { foldAccents, nameKey, readableQuote, slugify } from './text';

describe('text helpers', () => {
  it('folds accents and unifies dash variants in names', () => {
    expect(foldAccents('Kuçovë Xhaçka')).toBe('Kucove Xhacka');
    expect(nameKey('Albania–Turkey')).toBe(nameKey('albania - turkey'));
    expect(slugify('Albania–Kosovo relations')).toBe('albania-kosovo-relations');
  });

  it('shows table-row and infobox quotes the way a person reads them', () => {
    expect(readableQuote('| | 18 February 2008 | See Albania–Kosovo relations |')).toBe('18 February 2008 — See Albania–Kosovo relations');
    expect(readableQuote('- Mission1: Embassy of Albania, Pristina')).toBe('Mission1: Embassy of Albania, Pristina');
    expect(readableQuote('Albania joined in 1992.')).toBe('Albania joined in 1992.');
    expect(readableQuote('- a list item without a key')).toBe('- a list item without a key');
  });
});

describe('editDistance (one measure for search and partner suggestions)', () => {
  it('counts an adjacent transposition as one edit, and gives up past max', async () => {
    const { editDistance } = await import('./text');
    expect(editDistance('ukrane', 'ukraine')).toBe(1);
    expect(editDistance('albnaia', 'albania')).toBe(1);
    expect(editDistance('kosova', 'kosovo')).toBe(1);
    expect(editDistance('greece', 'turkey')).toBe(5);
    expect(editDistance('greece', 'turkey', 2)).toBe(3);
    expect(editDistance('', 'nato')).toBe(4);
  });
});
