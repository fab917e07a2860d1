// "Did you mean": the known names closest to one that matched nothing. One ranking for every list
// of names: the partner registry (ingest's unknown-partner warnings) and a library's partner keys
// (the services' NOT_FOUND errors), so both suggest the same partners for the same typo.
import { editDistance, nameKey } from '../shared/text';

/** The key a name is looked up by: nameKey without a leading "the" or trailing punctuation. */
export function lookupKey(name: string): string {
  return nameKey(name)
    .replace(/^the /, '')
    .replace(/[.,;:]+$/, '');
}

export interface NameCandidate {
  /** What is suggested. */
  name: string;
  /** Spellings that stand for it (name, aliases, adjectives), in any case or accents. */
  keys: readonly string[];
}

/** Worst score still suggested: an edit distance of half the shorter key's length. */
const MAX_SCORE = 1.5;

/**
 * The names closest to `input`, best first, at most `n`. A key equal to the input scores 0, one
 * starting with it 0.5, one containing it (3+ characters) 1, each nudged by the letters it adds;
 * any other key 1 + edit distance / the shorter length. A name scores its best key; ties go
 * alphabetically.
 */
export function rankNames(input: string, candidates: Iterable<NameCandidate>, n: number): string[] {
  const key = lookupKey(input);
  if (!key) return [];
  const scored = new Map<string, number>();
  for (const { name, keys } of candidates) {
    let best = scored.get(name) ?? Infinity;
    for (const raw of keys) {
      const c = lookupKey(raw);
      let score: number;
      if (c === key) score = 0;
      else if (c.startsWith(key)) score = 0.5 + (c.length - key.length) / 100;
      else if (c.includes(key) && key.length >= 3) score = 1 + (c.length - key.length) / 100;
      else {
        // The distance is at least the difference in length: skip candidates that cannot beat `best`.
        const scale = Math.max(1, Math.min(key.length, c.length));
        if (1 + Math.abs(key.length - c.length) / scale > best) continue;
        score = 1 + editDistance(key, c) / scale;
      }
      best = Math.min(best, score);
    }
    scored.set(name, best);
  }
  return [...scored]
    .filter(([, s]) => s <= MAX_SCORE)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([name]) => name);
}
