// One text analyzer for the index builder and the query side, so both fold text the same way.
// Lunr keeps pipeline functions by label in the serialized index; registering them here, at
// import time, lets a stored index load without rebuilding anything.
import lunr from 'lunr';
import { foldAccents } from '../shared/text';

/** Split on whitespace, hyphens and the dash variants the corpus uses ("Albania–Kosovo"). */
const SEPARATOR = /[\s\-\u2010-\u2015\u2212/]+/;
lunr.tokenizer.separator = SEPARATOR;

/**
 * Folds accents and curly apostrophes and drops possessive "'s". Runs before lunr's trimmer,
 * which would otherwise cut a final "ë" as a non-word character.
 */
export const foldToken: lunr.PipelineFunction = (token) =>
  token.update((text) => foldAccents(text).replace(/[’‘`]/g, "'").replace(/'s$/, ''));

lunr.Pipeline.registerFunction(foldToken, 'foldAccents');

export const INDEX_FIELDS = {
  text: { boost: 1 },
  section: { boost: 2 },
  title: { boost: 1.5 },
  partners: { boost: 3 },
} as const;

export type IndexField = keyof typeof INDEX_FIELDS;

/** Configure a lunr builder with the shared pipeline. */
export function configureBuilder(builder: lunr.Builder): void {
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  // Performance (issue 7): the four index-time steps (fold, trim, stop words, stem) run as one
  // memoized step — the same result per word, computed once per distinct word instead of once
  // per occurrence. The search pipeline stays as it was (it is what the serialized index names).
  builder.pipeline.add(analyzeToken);
  builder.searchPipeline.add(foldToken, lunr.stemmer);
  // Performance (issue 7): no term positions in the index. They were most of its size and load
  // time; highlight ranges are computed at query time from the passage text instead
  // (see `termRanges`), for the handful of hits shown.
  builder.metadataWhitelist = [];
}

const INDEX_STEPS = [foldToken, lunr.trimmer, lunr.stopWordFilter, lunr.stemmer] as lunr.PipelineFunction[];

function analyzeLowerCased(word: string): string | null {
  let token: lunr.Token | undefined = new lunr.Token(word, {});
  for (const fn of INDEX_STEPS) {
    const out = fn(token, 0, [token]) as lunr.Token | lunr.Token[] | undefined | null;
    token = Array.isArray(out) ? out[0] : (out ?? undefined);
    if (!token || token.toString() === '') return null;
  }
  return token.toString();
}

/** Lower-cased word → index term (null: dropped). Bounded, so a long-running server cannot grow it forever. */
const analyzed = new Map<string, string | null>();
const MAX_CACHED_WORDS = 500_000;

/** A lower-cased word (as lunr's tokenizer yields it) → its index term, or null when dropped. */
export function analyzeCached(lower: string): string | null {
  let term = analyzed.get(lower);
  if (term === undefined) {
    term = analyzeLowerCased(lower);
    if (analyzed.size >= MAX_CACHED_WORDS) analyzed.clear();
    analyzed.set(lower, term);
  }
  return term;
}

/** The index-time pipeline as one step (lunr's tokenizer has already lower-cased the token). */
export const analyzeToken: lunr.PipelineFunction = (token) => {
  const term = analyzeCached(token.toString());
  return term === null ? null : token.update(() => term);
};
lunr.Pipeline.registerFunction(analyzeToken, 'relationsDeskAnalyze');

/**
 * What a query word becomes in the index: folded, trimmed, stemmed; null for stop words and
 * punctuation-only input.
 */
export function analyzeWord(word: string): string | null {
  return analyzeCached(word.toLowerCase());
}

/**
 * Where the words of `text` that the index stores as one of `terms` are: [start, end) ranges, the
 * same ranges lunr's tokenizer would have recorded as positions (the slice between separators).
 */
export function termRanges(text: string, terms: ReadonlySet<string>): [number, number][] {
  const out: [number, number][] = [];
  if (terms.size === 0) return out;
  const re = /[^\s\-\u2010-\u2015\u2212/]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const term = analyzeWord(m[0]);
    if (term !== null && terms.has(term)) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** Split text the way the index does. */
export function splitWords(text: string): string[] {
  return text.split(SEPARATOR).filter((w) => w.length > 0);
}

export { lunr };
