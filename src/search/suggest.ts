// "Did you mean": the library word closest to a word that found nothing.
import { editDistance, foldAccents } from '../shared/text';

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
