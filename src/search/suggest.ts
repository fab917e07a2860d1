// "Did you mean": the library word closest to a word that found nothing.
import { foldAccents } from '../shared/text';

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The closest word in `vocabulary` (folded key → spelling in the corpus), within 1 edit for
 * short words and 2 for longer ones; the corpus spelling is returned, accents included.
 */
export function closestWord(word: string, vocabulary: Map<string, string>): string | null {
  const key = foldAccents(word).toLowerCase();
  if (key.length < 3) return null;
  const exact = vocabulary.get(key);
  if (exact) return exact;
  const max = key.length < 6 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = max + 1;
  for (const [candidate, surface] of vocabulary) {
    const d = editDistance(key, candidate, Math.min(max, bestDistance));
    if (d < bestDistance) {
      best = surface;
      bestDistance = d;
    }
  }
  return best;
}
