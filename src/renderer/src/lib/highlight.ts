// Turning highlight ranges and search terms into text segments. Segments are rendered as text and
// <mark> elements by Svelte; nothing here ever produces HTML.
import { foldAccents } from '../../../shared/text';

export interface Segment {
  text: string;
  mark: boolean;
}

/** Split `text` at the given [start, end) ranges (unsorted, possibly overlapping). */
export function segmentsFromRanges(text: string, ranges: readonly (readonly [number, number])[]): Segment[] {
  const sorted = ranges
    .map(([s, e]) => [Math.max(0, s), Math.min(text.length, e)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const out: Segment[] = [];
  let pos = 0;
  for (const [s, e] of merged) {
    if (s > pos) out.push({ text: text.slice(pos, s), mark: false });
    out.push({ text: text.slice(s, e), mark: true });
    pos = e;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), mark: false });
  return out;
}

/** Fold accents and case character by character, remembering where each folded char came from. */
function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldAccents(ch).toLowerCase();
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(text.length);
  return { folded, map };
}

const SUFFIXES = ['ing', 'ed', 'es', 's'];

/** Words worth highlighting from a query: search syntax stripped, accents and case folded. */
export function termsFromQuery(query: string): string[] {
  const words = foldAccents(query)
    .toLowerCase()
    .replace(/[+\-*~^:"()]/g, ' ')
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w.length >= 2);
  return [...new Set(words)];
}

/**
 * Where the terms occur in `text`, ignoring accents and case ("Kucove" finds "Kuçovë"). A term
 * matches at the start of a word; a plural or -ing/-ed form falls back to its stem, roughly as
 * the search index does.
 */
export function termRanges(text: string, terms: readonly string[]): [number, number][] {
  if (terms.length === 0 || !text) return [];
  const { folded, map } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const variants = [term];
    for (const suf of SUFFIXES) {
      if (term.length > suf.length + 3 && term.endsWith(suf)) variants.push(term.slice(0, -suf.length));
    }
    for (const v of variants) {
      let from = 0;
      let found = false;
      for (;;) {
        const at = folded.indexOf(v, from);
        if (at < 0) break;
        const before = at === 0 ? '' : folded[at - 1] ?? '';
        if (!/[\p{L}\p{N}]/u.test(before)) {
          // Extend to the end of the word so "negotiat" marks "negotiations" whole.
          let end = at + v.length;
          while (end < folded.length && /[\p{L}\p{N}]/u.test(folded[end] ?? '')) end++;
          ranges.push([map[at] ?? 0, map[end] ?? text.length]);
          found = true;
        }
        from = at + v.length;
      }
      if (found) break;
    }
  }
  return ranges;
}

export function highlightTerms(text: string, terms: readonly string[]): Segment[] {
  return segmentsFromRanges(text, termRanges(text, terms));
}
