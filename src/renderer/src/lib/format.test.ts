import { describe, expect, it } from 'vitest';
import { formatCount, plural } from './format';

describe('formatCount', () => {
  it('groups whole numbers exactly as en-GB does', () => {
    const samples = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 12345, 99999, 100000, 123456, 1234567, 9007199254740991];
    for (const n of [...samples, ...samples.filter((x) => x > 0).map((x) => -x)]) {
      expect(formatCount(n), String(n)).toBe(n.toLocaleString('en-GB'));
    }
  });

  it('leaves fractions and non-finite numbers to Intl', () => {
    for (const n of [1234.5, 0.125, Infinity, NaN]) expect(formatCount(n)).toBe(n.toLocaleString('en-GB'));
  });
});

describe('plural', () => {
  it('says one thing or many', () => {
    expect(plural(1, 'passage')).toBe('1 passage');
    expect(plural(0, 'passage')).toBe('0 passages');
    expect(plural(12345, 'match', 'matches')).toBe('12,345 matches');
  });
});
