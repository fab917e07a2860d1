// Run-time search over a prebuilt Lunr index, executed by our own scorer (scorer.ts). The index
// is loaded once, never rebuilt; passage text comes from the database only for the results
// being shown and for phrase checks. One file on purpose: it is the query's one path, in order —
// parse, score, filter, check phrases, rerank, page, snippets, suggestions — and each step reads
// what the one before it left; the steps' own logic is in query, partial, snippet and suggest.ts.
import type { Passage, SearchHit, SearchResponse } from '../shared/types';
import { termRanges } from './analyzer';
import type { FoldedWords } from './foldedWords';
import { loadScorer, type ChunkReader, type Clause, type Matches, type ScoringIndex, type Weighting } from './scorer';
import { foldForMatch, parseQuery, type ParsedQuery } from './query';
import { makeSnippet, type Range } from './snippet';
import { closestWord } from './suggest';
import { spellingVariants } from './variants';
import { hasWord, lacking, wordsNotFound, wordsNotFoundBy } from './partial';

export interface PassageSource {
  getPassages(ids: string[]): Map<string, Passage>;
  /** Only the texts (what reranking and phrase checks read): cheaper than whole passages. */
  getTexts?(ids: string[]): Map<string, string>;
  /**
   * Every passage's text as foldForMatch() leaves it, by index ordinal, for checking phrases on
   * every candidate; null when the source has none (then candidates' texts are read and folded).
   */
  foldedTexts?(): FoldedWords | null;
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

/** How a search runs as one part of a federated search (federated.ts). */
export interface Federation {
  requireAll: boolean;
  weighting: Weighting;
  /** Lowest score that can still reach the merged page (the other indexes' results so far). */
  floor?: number;
}

/** Said when the passages shown have only some of the words; `missing` are in no passage at all. */
export function partialMatchNotice(missing: readonly string[]): string {
  const which = missing.length ? ` ${quoteList(missing)} ${missing.length === 1 ? 'is' : 'are'} not in the library.` : '';
  return `No passage has every word as typed.${which} Showing passages with some of them, marked as partial matches.`;
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

/** The clauses a parsed query becomes (the same clauses lunr's query builder was given). */
export function clausesFor(parsed: ParsedQuery, requireAll: boolean): Clause[] {
  const clauses: Clause[] = [];
  for (const word of parsed.words) {
    // Performance (issue 7): a prefix of one or two characters ("k", "al") expands to a
    // large share of the vocabulary. Such a prefix matches as a whole word; from three
    // characters on ("kos", "kuc") the prefix expands.
    const prefix = word.prefix && word.term.length >= MIN_PREFIX_LENGTH;
    clauses.push({ term: word.term, prefix, required: requireAll, boost: 1 });
    // A whole-word match outranks a prefix match.
    if (prefix) clauses.push({ term: word.term, prefix: false, required: false, boost: 2 });
  }
  return clauses;
}

/**
 * Most candidates whose text is checked for a quoted phrase, best-ranked first. Beyond it the
 * total counts the verified passages only, and the response says so (issue 7: reading and
 * folding every candidate's text of a common phrase cost seconds at 5,000 documents).
 */
export const PHRASE_CHECK_LIMIT = 5_000;
const TEXT_BATCH = 500;

export class Searcher {
  private readonly index: ScoringIndex;
  private vocabularyMap: Map<string, string> | null = null;
  /** Passage ordinal → document ordinal, for the document filter (built on first use). */
  private docOfPassage: { slugs: Map<string, number>; ofPassage: Int32Array } | null = null;

  /** `index`: the stored header and a reader of its posting chunks (scorer.ts), or a loaded index. */
  constructor(
    index: { header: Uint8Array; readChunk: ChunkReader } | ScoringIndex,
    private readonly passages: PassageSource,
    private readonly vocabulary: Map<string, string> | (() => Map<string, string>),
  ) {
    // Query execution is ours (scorer.ts) over lunr's weights, scores identical to lunr's.
    this.index = 'header' in index ? loadScorer(index.header, index.readChunk) : index;
  }

  /** The loaded index (federated.ts reads its terms and counts). */
  get scoring(): ScoringIndex {
    return this.index;
  }

  /**
   * `federation` (federated.ts): the mode (every word, or any word) and the weighting that put
   * this index's scores on the scale shared with the other indexes; the mode is then not chosen here.
   */
  search(options: SearchOptions, federation?: Federation): SearchResponse {
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

    // "Pasha Liman" is also tried as "Pashaliman", and the other way round.
    const forms = [parsed, ...spellingVariants(parsed, (t) => this.index.hasTerm(t))];
    let matches = union(forms.map((f) => this.run(f, federation?.requireAll ?? true, federation?.weighting)));
    // Federated, the mode is chosen across all indexes (federated.ts); alone, any word is the fallback.
    let someWords = federation !== undefined && !federation.requireAll;
    if (!federation && matches.docs.length === 0 && parsed.words.length > 1 && parsed.phrases.length === 0) {
      matches = this.run(parsed, false);
      someWords = matches.docs.length > 0;
    }

    // Filters: in place over the candidates (no per-candidate objects).
    const { docs, scores } = matches;
    let n = docs.length;
    if (options.docSlug !== undefined || options.partnerId !== undefined) {
      const partnerIds = options.partnerId ? this.passages.passageIdsForPartner(options.partnerId) : null;
      const docNo = options.docSlug !== undefined ? this.documentOrdinal(options.docSlug) : -1;
      const ofPassage = options.docSlug !== undefined ? this.docOfPassage!.ofPassage : null;
      let k = 0;
      for (let i = 0; i < n; i++) {
        const d = docs[i]!;
        if (ofPassage && ofPassage[d] !== docNo) continue;
        if (partnerIds && !partnerIds.has(this.index.refs[d]!)) continue;
        docs[k] = d;
        scores[k++] = scores[i]!;
      }
      n = k;
    }

    let shown: number[];
    const lacks = new Map<number, string[]>();
    if (parsed.phrases.length === 0) {
      response.total = n;
      shown = this.rerank(matches, n, options.limit, forms, lacks);
      if (someWords || (shown.length > 0 && shown.every((i) => (lacks.get(i) ?? []).length > 0))) {
        const missing = this.wordsNotFound(parsed, docs, n);
        if (missing.length > 0) response.missingWords = missing;
        response.notice = partialMatchNotice(missing);
      }
    } else {
      // Phrases are checked on the candidates' text in rank order, in batches; the total counts
      // the passages that pass (exact up to PHRASE_CHECK_LIMIT candidates).
      const ranked = topK(docs, scores, n, PHRASE_CHECK_LIMIT);
      shown = [];
      let passed = 0;
      const pass = (i: number): void => {
        passed++;
        if (shown.length < options.limit) shown.push(i);
      };
      const folded = this.passages.foldedTexts?.() ?? null;
      if (folded && folded.size === this.index.refs.length) {
        const phrases = folded.prepare(parsed.phrases);
        for (const i of ranked) if (folded.containsAll(docs[i]!, phrases)) pass(i);
      } else {
        for (let b = 0; b < ranked.length; b += TEXT_BATCH) {
          const batch = ranked.slice(b, b + TEXT_BATCH);
          const texts = this.textsOf(batch.map((i) => this.index.refs[docs[i]!]!));
          for (const i of batch) {
            const text = foldForMatch(texts.get(this.index.refs[docs[i]!]!) ?? '');
            if (parsed.phrases.every((phrase) => text.includes(phrase))) pass(i);
          }
        }
      }
      response.total = passed;
      if (n > ranked.length) {
        const more = n - ranked.length;
        const note = `The phrase was checked in the ${ranked.length.toLocaleString('en')} best-ranked passages that contain its words; ${more.toLocaleString('en')} more contain the words and were not checked.`;
        response.notice = response.notice ? `${response.notice} ${note}` : note;
      }
    }

    // Federated: hits that cannot reach the merged page are counted, not made into snippets.
    const floor = federation?.floor;
    if (floor !== undefined) shown = shown.filter((i) => scores[i]! >= floor);
    const texts = this.passages.getPassages(shown.map((i) => this.index.refs[docs[i]!]!));
    for (const i of shown) {
      const p = texts.get(this.index.refs[docs[i]!]!);
      if (!p) continue;
      const hit = toHit(p, scores[i]!, this.index.termsInField(docs[i]!, matches.terms, 'text'), parsed);
      const missing = lacks.get(i);
      if (missing && missing.length > 0) hit.partial = missing;
      response.results.push(hit);
    }
    // Federated, nothing found here says nothing: the federation asks for a suggestion only when
    // no index found anything (a suggestion scans the vocabulary).
    if (response.total === 0 && !federation) {
      const suggestion = this.suggest(parsed, query);
      if (suggestion) response.suggestion = suggestion;
    }
    return response;
  }

  /** A query likely to find something in this index, for one that found nothing (federated.ts). */
  suggestionFor(query: string): string | undefined {
    const parsed = parseQuery(query);
    return parsed.words.length > 0 ? this.suggest(parsed, query) : undefined;
  }

  private run(parsed: ParsedQuery, requireAll: boolean, weighting?: Weighting): Matches {
    return this.index.execute(clausesFor(parsed, requireAll), weighting);
  }

  /**
   * The page of hits, best first, with what each lacks of the query recorded in `lacks` (issue 13):
   * among the best RERANK_POOL candidates, passages with every word as typed come before partial
   * ones, and prose before link lists ("See also"), each group in score order.
   */
  private rerank(matches: Matches, n: number, limit: number, forms: readonly ParsedQuery[], lacks: Map<number, string[]>): number[] {
    const { docs, scores } = matches;
    const pool = topK(docs, scores, n, Math.max(limit, RERANK_POOL));
    // The pool's own texts (a few dozen rows), not the folded-text buffer: a search that needs no
    // phrase check never depends on that part of the index.
    const texts = this.textsOf(pool.map((i) => this.index.refs[docs[i]!]!));
    const textOf = (i: number) => foldForMatch(texts.get(this.index.refs[docs[i]!]!) ?? '');
    const linkList = new Set<number>();
    for (const i of pool) {
      const text = textOf(i);
      lacks.set(i, lacking(text, forms, this.index.termsInField(docs[i]!, matches.terms, 'partners')));
      if (LINK_LIST.test(text)) linkList.add(i);
    }
    // Fewer words lacking first; among equals, prose before link lists; then score order.
    const rank = (i: number) => lacks.get(i)!.length * 2 + (linkList.has(i) ? 1 : 0);
    return pool
      .map((i, at) => ({ i, at }))
      .sort((a, b) => rank(a.i) - rank(b.i) || a.at - b.at)
      .slice(0, limit)
      .map(({ i }) => i);
  }

  /** The query's words that no candidate passage has as typed (at most PHRASE_CHECK_LIMIT candidates read). */
  private wordsNotFound(parsed: ParsedQuery, docs: Int32Array, n: number): string[] {
    const folded = this.passages.foldedTexts?.() ?? null;
    const ordinals = Array.from(docs.subarray(0, Math.min(n, PHRASE_CHECK_LIMIT)));
    if (folded && folded.size === this.index.refs.length) {
      return wordsNotFoundBy(parsed, (raw) => {
        const word = foldForMatch(raw).trim();
        // A word within one folded word is looked up in the word list; one that folds to several
        // ("co-operation") in the candidates' texts.
        if (!word.includes(' ')) return folded.someWordMatches(ordinals, word);
        return ordinals.some((d) => hasWord(folded.text(d), raw));
      });
    }
    const texts = this.textsOf(ordinals.map((d) => this.index.refs[d]!));
    return wordsNotFound(parsed, [...texts.values()].map((t) => foldForMatch(t)));
  }

  private textsOf(ids: string[]): Map<string, string> {
    if (this.passages.getTexts) return this.passages.getTexts(ids);
    return new Map([...this.passages.getPassages(ids)].map(([id, p]) => [id, p.text]));
  }

  private documentOrdinal(slug: string): number {
    if (!this.docOfPassage) {
      const slugs = new Map<string, number>();
      const refs = this.index.refs;
      const ofPassage = new Int32Array(refs.length);
      for (let i = 0; i < refs.length; i++) {
        const s = docSlugOfPassage(refs[i]!);
        let no = slugs.get(s);
        if (no === undefined) slugs.set(s, (no = slugs.size));
        ofPassage[i] = no;
      }
      this.docOfPassage = { slugs, ofPassage };
    }
    return this.docOfPassage.slugs.get(slug) ?? -1;
  }

  private getVocabulary(): Map<string, string> {
    if (!this.vocabularyMap) this.vocabularyMap = typeof this.vocabulary === 'function' ? this.vocabulary() : this.vocabulary;
    return this.vocabularyMap;
  }

  /** Replace each word the index does not know by the closest word it does. */
  private suggest(parsed: ParsedQuery, query: string): string | undefined {
    let suggestion = query;
    let changed = false;
    for (const word of parsed.words) {
      if (this.knows(word.term, word.prefix)) continue;
      const better = closestWord(word.raw, this.getVocabulary());
      if (better && better.toLowerCase() !== word.raw.toLowerCase()) {
        suggestion = suggestion.replace(word.raw, better);
        changed = true;
      }
    }
    if (!changed) return undefined;
    const check = parseQuery(suggestion);
    return this.run(check, true).docs.length > 0 ? suggestion : undefined;
  }

  private knows(term: string, prefix: boolean): boolean {
    return prefix ? this.index.hasPrefix(term) : this.index.hasTerm(term);
  }
}

/** How many of the best-scored candidates are reranked (complete before partial, prose before link lists). */
export const RERANK_POOL = 50;

/** A link list's passage text ("See also" items, joined by " · " in src/core/passages.ts). */
const LINK_LIST = /^[^.]*(?: · [^.]*)+$/;

function quoteList(words: readonly string[]): string {
  const q = words.map((w) => `“${w}”`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/** Candidates of several queries, each passage once with its best score; terms from all. */
function union(all: readonly Matches[]): Matches {
  if (all.length === 1) return all[0]!;
  const best = new Map<number, number>();
  for (const m of all) m.docs.forEach((d, i) => best.set(d, Math.max(best.get(d) ?? -Infinity, m.scores[i]!)));
  const terms = new Set<number>();
  for (const m of all) for (const t of m.terms) terms.add(t);
  return { docs: Int32Array.from(best.keys()), scores: Float64Array.from(best.values()), terms: Int32Array.from(terms) };
}

/**
 * Positions (into docs/scores, first n) of the k best candidates, best first: score descending,
 * then passage ordinal ascending. A bounded min-heap: O(n log k).
 */
export function topK(docs: Int32Array, scores: Float64Array, n: number, k: number): number[] {
  k = Math.min(k, n);
  if (k <= 0) return [];
  // worse(a, b): candidate a ranks below b.
  const worse = (a: number, b: number): boolean => scores[a]! < scores[b]! || (scores[a] === scores[b] && docs[a]! > docs[b]!);
  const heap = new Int32Array(k);
  let size = 0;
  const siftDown = (at: number): void => {
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let m = at;
      if (l < size && worse(heap[l]!, heap[m]!)) m = l;
      if (r < size && worse(heap[r]!, heap[m]!)) m = r;
      if (m === at) return;
      const tmp = heap[at]!;
      heap[at] = heap[m]!;
      heap[m] = tmp;
      at = m;
    }
  };
  for (let i = 0; i < n; i++) {
    if (size < k) {
      let at = size++;
      heap[at] = i;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!worse(heap[at]!, heap[parent]!)) break;
        const tmp = heap[at]!;
        heap[at] = heap[parent]!;
        heap[parent] = tmp;
        at = parent;
      }
    } else if (worse(heap[0]!, i)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return Array.from(heap.subarray(0, size)).sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

function toHit(p: Passage, score: number, matched: Set<string>, parsed: ParsedQuery): SearchHit {
  // The index stores no positions (issue 7: they were most of its size and load time): the
  // terms that matched in the passage's text field are found again in the text, for the shown
  // hits only.
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
    score: Math.round(score * 1000) / 1000,
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
