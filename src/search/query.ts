// Turns whatever a person typed into a safe, structured query. Lunr's own query-string parser
// throws on input such as "title:" or "~2", so user text never reaches it: we pick out quoted
// phrases and words ourselves and build clauses through lunr's query API.
import { foldAccents } from '../shared/text';
import { analyzeWord, splitWords } from './analyzer';

export interface QueryWord {
  /** As typed (after syntax characters were removed). */
  raw: string;
  /** The index term to look up: folded and stemmed, or the folded prefix while typing. */
  term: string;
  /** The last word while the person is still typing: matched as a prefix. */
  prefix: boolean;
  /** Part of a quoted phrase. */
  inPhrase: boolean;
}

export interface ParsedQuery {
  words: QueryWord[];
  /** Quoted phrases, folded and with spacing normalised, for matching against passage text. */
  phrases: string[];
  /** True when characters with a special meaning to search engines were dropped. */
  droppedSyntax: boolean;
}

export const MAX_QUERY_LENGTH = 500;

const SYNTAX = /[:~^+*\\(){}[\]<>!?;=|&@#$%]/g;
const QUOTES = /["“”„«»]/g;

/** Folded, lower-cased, single-spaced text, for phrase matching. */
export function foldForMatch(text: string): string {
  return foldAccents(text).toLowerCase().replace(/[\s\u2010-\u2015\u2212-]+/g, ' ');
}

export function parseQuery(input: unknown): ParsedQuery {
  const text = (typeof input === 'string' ? input : '').normalize('NFC').slice(0, MAX_QUERY_LENGTH);
  const words: QueryWord[] = [];
  const phrases: string[] = [];
  let droppedSyntax = false;

  const unified = text.replace(QUOTES, '"');
  const parts = unified.split('"');
  // Even parts are free text, odd parts were inside quotes; an unclosed quote reads as free text.
  const closed = parts.length % 2 === 1;
  parts.forEach((part, i) => {
    const quoted = i % 2 === 1 && (closed || i < parts.length - 1);
    const cleaned = part.replace(SYNTAX, (m) => {
      droppedSyntax = true;
      return m === '*' ? '' : ' ';
    });
    const tokens = splitWords(cleaned);
    if (quoted && tokens.length > 1) phrases.push(foldForMatch(tokens.join(' ')));
    for (const raw of tokens) {
      const term = analyzeWord(raw);
      if (term) words.push({ raw, term, prefix: false, inPhrase: quoted });
      else words.push({ raw, term: '', prefix: false, inPhrase: quoted });
    }
  });

  // While typing, the last free word is a prefix ("kuc" finds "Kuçovë").
  const typingLastWord = /[\p{L}\p{N}*]$/u.test(text) && !text.trimEnd().endsWith('"');
  const last = words[words.length - 1];
  if (typingLastWord && last && !last.inPhrase) {
    last.prefix = true;
    if (!last.term) {
      const folded = foldAccents(last.raw).toLowerCase().replace(/^\W+|\W+$/g, '');
      last.term = folded;
    }
  }

  const seen = new Set<string>();
  const unique = words.filter((w) => {
    if (!w.term) return false; // stop words and punctuation
    const key = `${w.term}|${w.prefix}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { words: unique, phrases, droppedSyntax };
}
