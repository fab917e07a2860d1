// Spellings of one name written as one word or two (issue 13): "Pashaliman" and "Pasha Liman"
// find each other. A query's adjacent words are also tried joined when the index knows the joined
// word, and a word is also tried split in two when the index knows both halves (each at least
// four letters, so that no short word is cut into nonsense).
import { analyzeWord } from './analyzer';
import type { ParsedQuery, QueryWord } from './query';

const MIN_HALF = 4;

/** The other ways of writing the query's words that the index knows, each as a parsed query. */
export function spellingVariants(parsed: ParsedQuery, knows: (term: string) => boolean): ParsedQuery[] {
  const out: ParsedQuery[] = [];
  const words = parsed.words;
  const free = (w: QueryWord) => !w.inPhrase;
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    if (!free(a) || !free(b)) continue;
    const raw = a.raw + b.raw;
    const term = analyzeWord(raw);
    if (!term || !knows(term)) continue;
    out.push({ ...parsed, words: [...words.slice(0, i), { raw, term, prefix: false, inPhrase: false }, ...words.slice(i + 2)] });
  }
  words.forEach((w, i) => {
    if (!free(w) || w.raw.length < 2 * MIN_HALF) return;
    for (let k = MIN_HALF; k <= w.raw.length - MIN_HALF; k++) {
      const left = analyzeWord(w.raw.slice(0, k));
      const right = analyzeWord(w.raw.slice(k));
      if (!left || !right || !knows(left) || !knows(right)) continue;
      const halves: QueryWord[] = [
        { raw: w.raw.slice(0, k), term: left, prefix: false, inPhrase: false },
        { raw: w.raw.slice(k), term: right, prefix: false, inPhrase: false },
      ];
      out.push({ ...parsed, words: [...words.slice(0, i), ...halves, ...words.slice(i + 1)] });
    }
  });
  return out;
}
