// Build-time only: passages → a serialized Lunr index and the vocabulary used for suggestions.
import type { Passage } from '../shared/types';
import { foldAccents } from '../shared/text';
import { configureBuilder, INDEX_FIELDS, lunr, splitWords } from './analyzer';
import { encodeScorerData, scorerDataFromLunr } from './scorer';

export interface IndexablePassage extends Passage {
  /** Display names of the partners named in the passage (boosted field). */
  partnerNames: string[];
}

/** Lunr's index over the passages (build time only: its builder, pipeline and BM25 weights). */
export function buildLunrIndex(passages: IndexablePassage[]): lunr.Index {
  return lunr(function () {
    configureBuilder(this);
    this.ref('id');
    for (const [name, { boost }] of Object.entries(INDEX_FIELDS)) this.field(name, { boost });
    for (const p of passages) {
      this.add({
        id: p.id,
        text: p.text,
        section: p.sectionPath.join(' '),
        title: p.docTitle,
        partners: p.partnerNames.join(' '),
      });
    }
  });
}

/**
 * Lunr's index → the form stored in `search_index.lunr` (issue 7): lunr's field vectors
 * inverted into per-(term, field) postings with their weights, as typed arrays in one binary
 * value (see `encodeScorerData`), which the run-time scorer (scorer.ts) reads as views without
 * building any lunr object.
 */
export function serializeSearchIndex(index: lunr.Index, refs: string[]): Buffer {
  return encodeScorerData(scorerDataFromLunr(index.toJSON() as unknown as Parameters<typeof scorerDataFromLunr>[0], refs));
}

export function buildSearchIndex(passages: IndexablePassage[]): Buffer {
  return serializeSearchIndex(buildLunrIndex(passages), passages.map((p) => p.id));
}

/**
 * Folded word → the spelling most often seen in the corpus ("kucove" → "Kuçovë"). Suggestions
 * for empty results are drawn from it, so they always name a word the library contains.
 */
export function buildVocabulary(texts: Iterable<string>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const raw of splitWords(text)) {
      const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (word.length < 3 || !/\p{L}/u.test(word)) continue;
      const key = foldAccents(word).toLowerCase();
      const forms = counts.get(key) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      counts.set(key, forms);
    }
  }
  const vocabulary = new Map<string, string>();
  for (const key of [...counts.keys()].sort()) {
    const forms = [...counts.get(key)!.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    vocabulary.set(key, forms[0]![0]);
  }
  return vocabulary;
}
