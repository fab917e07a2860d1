import { describe, expect, it } from 'vitest';
import { citation, moreSources } from './citations';

describe('citations with uncited sources counted (issue 19)', () => {
  it('reads "1, 2, 3 and 597 more sources", singular for one, the list alone when none are counted', () => {
    expect(citation([1, 2, 3], 597)).toBe('1, 2, 3 and 597 more sources');
    expect(citation([4], 1)).toBe('4 and 1 more source');
    expect(citation([1, 2])).toBe('1, 2');
    expect(citation([], 5)).toBe('5 more sources');
    expect(moreSources(2)).toBe('2 more sources');
  });
});
