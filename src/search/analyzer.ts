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
  builder.pipeline.add(foldToken, lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  builder.searchPipeline.add(foldToken, lunr.stemmer);
  builder.metadataWhitelist = ['position'];
}

/**
 * What a query word becomes in the index: folded, trimmed, stemmed; null for stop words and
 * punctuation-only input.
 */
export function analyzeWord(word: string): string | null {
  let token: lunr.Token | undefined = new lunr.Token(word.toLowerCase(), {});
  for (const fn of [foldToken, lunr.trimmer, lunr.stopWordFilter, lunr.stemmer] as lunr.PipelineFunction[]) {
    const out = fn(token, 0, [token]) as lunr.Token | lunr.Token[] | undefined | null;
    token = Array.isArray(out) ? out[0] : (out ?? undefined);
    if (!token || token.toString() === '') return null;
  }
  return token.toString();
}

/** Split text the way the index does. */
export function splitWords(text: string): string[] {
  return text.split(SEPARATOR).filter((w) => w.length > 0);
}

export { lunr };
