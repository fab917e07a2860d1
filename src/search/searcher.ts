// Run-time search over a prebuilt Lunr index. The index is loaded once, never rebuilt; passage
// text comes from the database only for the results being shown.
import type { Passage, SearchHit, SearchResponse } from '../shared/types';
import { lunr, termRanges } from './analyzer';
import { loadIndex } from './compactIndex';
import { foldForMatch, parseQuery, type ParsedQuery } from './query';
import { makeSnippet, type Range } from './snippet';
import { closestWord } from './suggest';

export interface PassageSource {
  getPassages(ids: string[]): Map<string, Passage>;
  /** Passage text only, for checking phrases on every candidate (cheaper than getPassages). */
  getTexts?(ids: string[]): Map<string, string>;
  /** Ids of passages that name the partner. */
  passageIdsForPartner(partnerId: string): Set<string>;
}

export interface SearchOptions {
  query: string;
  limit: number;
  docSlug?: string;
  /** Resolved partner id. */
  partnerId?: string;
}

/** Passage ids are "<docSlug>/p<n>", so a document filter needs no lookup. */
export function passageId(docSlug: string, n: number): string {
  return `${docSlug}/p${n}`;
}

export function docSlugOfPassage(id: string): string {
  return id.slice(0, id.lastIndexOf('/'));
}

/** Shortest typed prefix that is expanded to the words it begins (see Searcher.run). */
export const MIN_PREFIX_LENGTH = 3;

export class Searcher {
  private readonly index: lunr.Index;
  private readonly terms: string[];
  private readonly hasTerm: (term: string) => boolean;

  constructor(
    serializedIndex: string,
    private readonly passages: PassageSource,
    private readonly vocabulary: Map<string, string>,
  ) {
    // The compact form decodes lazily (see compactIndex.ts); lunr's own JSON still loads.
    const loaded = loadIndex(serializedIndex);
    this.index = loaded.index;
    this.terms = loaded.terms;
    this.hasTerm = loaded.hasTerm;
  }

  search(options: SearchOptions): SearchResponse {
    const parsed = parseQuery(options.query);
    const query = typeof options.query === 'string' ? options.query : '';
    const response: SearchResponse = { query, total: 0, results: [] };
    if (parsed.droppedSyntax) {
      response.notice = 'Search operators and special characters are ignored; searched for the words only.';
    }
    if (parsed.words.length === 0) {
      if (query.trim() !== '') response.notice = 'Type at least one word to search (common words such as "the" are ignored).';
      return response;
    }

    let matches = this.run(parsed, true);
    if (matches.length === 0 && parsed.words.length > 1 && parsed.phrases.length === 0) {
      matches = this.run(parsed, false);
      if (matches.length > 0) response.notice = 'No passage contains every word; showing passages that contain some of them.';
    }

    const partnerIds = options.partnerId ? this.passages.passageIdsForPartner(options.partnerId) : null;
    let filtered = matches.filter(
      (m) => (!options.docSlug || docSlugOfPassage(m.ref) === options.docSlug) && (!partnerIds || partnerIds.has(m.ref)),
    );

    if (parsed.phrases.length > 0) {
      const ids = filtered.map((m) => m.ref);
      const texts = this.passages.getTexts
        ? this.passages.getTexts(ids)
        : new Map([...this.passages.getPassages(ids)].map(([id, p]) => [id, p.text]));
      filtered = filtered.filter((m) => {
        const folded = foldForMatch(texts.get(m.ref) ?? '');
        return parsed.phrases.every((phrase) => folded.includes(phrase));
      });
    }

    response.total = filtered.length;
    const shown = filtered.slice(0, options.limit);
    const texts = this.passages.getPassages(shown.map((m) => m.ref));
    for (const match of shown) {
      const p = texts.get(match.ref);
      if (p) response.results.push(toHit(p, match, parsed));
    }
    if (response.total === 0) {
      const suggestion = this.suggest(parsed, query);
      if (suggestion) response.suggestion = suggestion;
    }
    return response;
  }

  private run(parsed: ParsedQuery, requireAll: boolean): lunr.Index.Result[] {
    const { REQUIRED, OPTIONAL } = lunr.Query.presence;
    try {
      return this.index.query((q) => {
        for (const word of parsed.words) {
          // Performance (issue 7): a prefix of one or two characters ("k", "al") expands to a
          // large share of the vocabulary and lunr scores every passage of every expansion
          // (seconds at 1,000+ documents, on every keystroke). Such a prefix matches as a whole word;
          // from three characters on ("kos", "kuc") the prefix expands.
          const prefix = word.prefix && word.term.length >= MIN_PREFIX_LENGTH;
          q.term(word.term, {
            usePipeline: false,
            presence: requireAll ? REQUIRED : OPTIONAL,
            wildcard: prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
          });
          // A whole-word match outranks a prefix match.
          if (prefix) q.term(word.term, { usePipeline: false, presence: OPTIONAL, boost: 2 });
        }
      });
    } catch {
      // Lunr can still reject odd terms; an empty result is the honest answer.
      return [];
    }
  }

  /** Replace each word the index does not know by the closest word it does. */
  private suggest(parsed: ParsedQuery, query: string): string | undefined {
    let suggestion = query;
    let changed = false;
    for (const word of parsed.words) {
      if (this.knows(word.term, word.prefix)) continue;
      const better = closestWord(word.raw, this.vocabulary);
      if (better && better.toLowerCase() !== word.raw.toLowerCase()) {
        suggestion = suggestion.replace(word.raw, better);
        changed = true;
      }
    }
    if (!changed) return undefined;
    const check = parseQuery(suggestion);
    return this.run(check, true).length > 0 ? suggestion : undefined;
  }

  private knows(term: string, prefix: boolean): boolean {
    if (!prefix) return this.hasTerm(term);
    return this.terms.some((t) => t.startsWith(term));
  }
}

function toHit(p: Passage, match: lunr.Index.Result, parsed: ParsedQuery): SearchHit {
  // The index stores no positions (issue 7: they were most of its size and load time): the
  // terms that matched in the passage text are found again in the text, for the shown hits only.
  const matched = new Set<string>();
  for (const [term, fields] of Object.entries(match.matchData.metadata)) {
    if ('text' in (fields as Record<string, unknown>)) matched.add(term);
  }
  const ranges: Range[] = termRanges(p.text, matched);
  if (parsed.phrases.length > 0) ranges.push(...phraseRanges(p.text, parsed.phrases));
  const { snippet, highlights } = makeSnippet(p.text, ranges);
  return {
    passageId: p.id,
    docSlug: p.docSlug,
    docTitle: p.docTitle,
    sectionPath: p.sectionPath,
    anchor: p.anchor,
    blockId: p.blockId,
    snippet,
    highlights,
    score: Math.round(match.score * 1000) / 1000,
  };
}

/** Where each phrase occurs in the original text (folding keeps Latin text's length). */
function phraseRanges(text: string, phrases: string[]): Range[] {
  const folded = foldForMatch(text);
  if (folded.length !== text.length) return [];
  const out: Range[] = [];
  for (const phrase of phrases) {
    for (let at = folded.indexOf(phrase); at !== -1; at = folded.indexOf(phrase, at + 1)) {
      out.push([at, at + phrase.length]);
    }
  }
  return out;
}
