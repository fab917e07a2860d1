// Build-time only: passages → a serialized Lunr index and the vocabulary used for suggestions.
import type { Passage } from '../shared/types';
import { foldAccents } from '../shared/text';
import { configureBuilder, INDEX_FIELDS, lunr, splitWords } from './analyzer';
import { compactLunrIndex } from './compactIndex';

export interface IndexablePassage extends Passage {
  /** Display names of the partners named in the passage (boosted field). */
  partnerNames: string[];
}

export function buildSearchIndex(passages: IndexablePassage[]): string {
  const index = lunr(function () {
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
  // Stored in the compact form (issue 7: a fraction of lunr's JSON, loaded lazily); lunr's own
  // JSON only if the index ever holds something the compact form cannot represent exactly.
  const compact = compactLunrIndex(index, passages.map((p) => p.id));
  return JSON.stringify(compact ?? index);
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
