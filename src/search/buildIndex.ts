// Build-time only: passages → a serialized Lunr index and the vocabulary used for suggestions.
import type { Passage } from '../shared/types';
import { foldAccents } from '../shared/text';
import { configureBuilder, INDEX_FIELDS, lunr, splitWords } from './analyzer';
import { lunrWeights, type WeightedDoc } from './lunrWeights';
import { encodeScorerData, scorerDataFromLunr, type EncodedScorer } from './scorer';

export interface IndexablePassage extends Passage {
  /** Display names of the partners named in the passage (boosted field). */
  partnerNames: string[];
}

/** What each index field holds for a passage (INDEX_FIELDS). */
export function indexFieldsOf(p: IndexablePassage): WeightedDoc['fields'] {
  return { text: p.text, section: p.sectionPath.join(' '), title: p.docTitle, partners: p.partnerNames.join(' ') };
}

/**
 * lunr.Builder's index over the passages. The build no longer runs it (see `buildSearchIndex`);
 * it is the reference that tests compare the build's weights and the run-time scorer against.
 */
export function buildLunrIndex(passages: IndexablePassage[]): lunr.Index {
  return lunr(function () {
    configureBuilder(this);
    this.ref('id');
    for (const [name, { boost }] of Object.entries(INDEX_FIELDS)) this.field(name, { boost });
    for (const p of passages) this.add({ id: p.id, ...indexFieldsOf(p) });
  });
}

/** lunr.Builder's index → the scorer's postings, in the stored binary form. */
export function serializeSearchIndex(index: lunr.Index, refs: string[]): EncodedScorer {
  return encodeScorerData(scorerDataFromLunr(index.toJSON() as unknown as Parameters<typeof scorerDataFromLunr>[0], refs));
}

/**
 * The stored form: lunr's field-vector weights inverted into per-(term, field) postings, as a
 * header (`search_index.lunr`) and posting chunks (`search_postings`) that the run-time scorer
 * (scorer.ts) reads as typed-array views. The weights are computed directly (lunrWeights.ts, equal to
 * lunr.Builder's entry for entry) because lunr.Builder's per-posting objects made it the slowest
 * step of a large build.
 */
export function buildSearchIndex(passages: IndexablePassage[]): EncodedScorer {
  return encodeScorerData(lunrWeights(passages.map((p) => ({ ref: p.id, fields: indexFieldsOf(p) }))));
}

/**
 * Folded word → the spelling most often seen in the corpus ("kucove" → "Kuçovë"). Suggestions
 * for empty results are drawn from it, so they always name a word the library contains.
 */
export function buildVocabulary(texts: Iterable<string>): Map<string, string> {
  const builder = new VocabularyBuilder();
  for (const text of texts) builder.add(text);
  return builder.finish();
}

const MAX_RECENT = 16;
const MAX_RECENT_CHARS = 300;

/** `buildVocabulary`, one text at a time (the streamed build adds each passage as it writes it). */
export class VocabularyBuilder {
  private readonly counts = new Map<string, Map<string, number>>();
  // Raw word → [its form, the forms map of its key] (null: not a word worth suggesting), so each
  // distinct word is trimmed and folded once, not at each of its occurrences.
  private readonly seen = new Map<string, [string, Map<string, number>] | null>();

  // Short texts seen lately (a passage's title and section, repeated from the passage before) →
  // their words, so each is split once for the run (issue 19, build CPU). Counts do not depend on
  // the order words come in: `add` of the parts of a text counts as `add` of the whole.
  private readonly recent = new Map<string, [string, Map<string, number>][]>();

  add(text: string): void {
    let words = this.recent.get(text);
    if (!words) {
      words = this.wordsOf(text);
      if (text.length <= MAX_RECENT_CHARS) {
        if (this.recent.size >= MAX_RECENT) this.recent.clear();
        this.recent.set(text, words);
      }
    }
    for (const [form, forms] of words) forms.set(form, (forms.get(form) ?? 0) + 1);
  }

  /** [its form, the forms map of its key] of each word worth suggesting in `text`, in order. */
  private wordsOf(text: string): [string, Map<string, number>][] {
    const out: [string, Map<string, number>][] = [];
    for (const raw of splitWords(text)) {
      let known = this.seen.get(raw);
      if (known === undefined) {
        const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
        if (word.length < 3 || !/\p{L}/u.test(word)) known = null;
        else {
          const key = foldAccents(word).toLowerCase();
          let forms = this.counts.get(key);
          if (!forms) this.counts.set(key, (forms = new Map()));
          known = [word, forms];
        }
        this.seen.set(raw, known);
      }
      if (known !== null) out.push(known);
    }
    return out;
  }

  finish(): Map<string, string> {
    this.seen.clear();
    this.recent.clear();
    const vocabulary = new Map<string, string>();
    for (const key of [...this.counts.keys()].sort()) {
      const forms = [...this.counts.get(key)!.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      vocabulary.set(key, forms[0]![0]);
    }
    this.counts.clear();
    return vocabulary;
  }
}
