// Cuts a readable window out of a passage around its matches and re-bases the match ranges.

export type Range = [number, number];

export const SNIPPET_LENGTH = 240;
const LEAD = 70;

/** Sort, clip and merge overlapping or touching ranges. */
export function mergeRanges(ranges: Range[], textLength: number): Range[] {
  const sorted = ranges
    .map(([s, e]): Range => [Math.max(0, s), Math.min(textLength, e)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const prev = out[out.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The window of `text` with the most matches, snapped to word boundaries, with ellipses. */
export function makeSnippet(text: string, ranges: Range[], length = SNIPPET_LENGTH): { snippet: string; highlights: Range[] } {
  const merged = mergeRanges(ranges, text.length);
  if (text.length <= length) return { snippet: text, highlights: merged };

  // Choose the start that covers the most highlights within the window.
  let bestStart = merged[0] ? Math.max(0, merged[0][0] - LEAD) : 0;
  let bestCount = -1;
  for (const [s] of merged) {
    const start = Math.max(0, s - LEAD);
    const count = merged.filter(([a, b]) => a >= start && b <= start + length).length;
    if (count > bestCount) {
      bestCount = count;
      bestStart = start;
    }
  }
  let start = bestStart;
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < (merged[0]?.[0] ?? start + 20) && space - start < 20) start = space + 1;
  }
  while (start < text.length && /\s/.test(text[start]!)) start++;
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + length / 2) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const highlights = merged
    .filter(([a, b]) => a >= start && b <= end)
    .map(([a, b]): Range => [a - start + prefix.length, b - start + prefix.length]);
  return { snippet: prefix + text.slice(start, end).trimEnd() + suffix, highlights };
}
