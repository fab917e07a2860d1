import { describe, expect, it } from 'vitest';
import { makeSnippet, mergeRanges } from './snippet';

describe('mergeRanges', () => {
  it('sorts, merges overlaps and clips to the text', () => {
    expect(mergeRanges([[10, 15], [0, 3], [2, 5], [18, 40]], 30)).toEqual([[0, 5], [10, 15], [18, 30]]);
  });
});

describe('makeSnippet', () => {
  it('returns short text whole', () => {
    expect(makeSnippet('Albania joined NATO.', [[15, 19]])).toEqual({ snippet: 'Albania joined NATO.', highlights: [[15, 19]] });
  });

  it('cuts long text around the match, with ellipses, and re-bases the ranges', () => {
    const text = `${'word '.repeat(100)}Kuçovë Air Base ${'more '.repeat(100)}`;
    const at = text.indexOf('Kuçovë');
    const { snippet, highlights } = makeSnippet(text, [[at, at + 6]]);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(244);
    const [s, e] = highlights[0]!;
    expect(snippet.slice(s, e)).toBe('Kuçovë');
  });

  it('prefers the window with the most matches', () => {
    const text = `NATO ${'x '.repeat(300)}NATO y NATO z NATO ${'x '.repeat(300)}`;
    const ranges: [number, number][] = [];
    for (let i = text.indexOf('NATO'); i !== -1; i = text.indexOf('NATO', i + 1)) ranges.push([i, i + 4]);
    const { snippet, highlights } = makeSnippet(text, ranges);
    expect(highlights).toHaveLength(3);
    for (const [s, e] of highlights) expect(snippet.slice(s, e)).toBe('NATO');
  });
});
