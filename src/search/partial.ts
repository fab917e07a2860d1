// Which of the query's words a passage has as typed (issue 13). The index matches stems, so
// "Mobility" reaches "mobile kitchens"; a person asking for "Military Mobility" must be told that
// the library does not have the word, and which hits are partial. A word counts as present when
// a word of the passage starts with it ("Balkan" in "Balkans", "visa" in "visas"). A query that
// reads as a name — two or more words, each capitalised ("Open Balkan") — counts as present only
// as that phrase: "open to expansion beyond the Western Balkans" does not have "Open Balkan".
// A word that matched the passage's partner names counts as present: "Kosova" is another name of
// Kosovo, and every passage about Kosovo has it that way.
import { foldForMatch, type ParsedQuery, type QueryWord } from './query';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when a word of `folded` (foldForMatch text) starts with `raw`. */
export function hasWord(folded: string, raw: string): boolean {
  const pattern = wordPattern(raw);
  return pattern === null || pattern.test(folded);
}

/** What hasWord looks for (null: nothing, which every text has); `flags` for a global search. */
export function wordPattern(raw: string, flags = 'u'): RegExp | null {
  const w = foldForMatch(raw).trim();
  return w ? new RegExp(`(?:^|[^\\p{L}\\p{N}])${escape(w)}`, flags) : null;
}

/** "Open Balkan", "Military Mobility": at least two free words, each title-cased (an acronym such as "NATO" is not). */
export function isNameLike(parsed: ParsedQuery): boolean {
  const free = parsed.words.filter((w) => !w.inPhrase);
  return parsed.phrases.length === 0 && free.length >= 2 && free.every((w) => /^\p{Lu}\p{Ll}/u.test(w.raw));
}

/**
 * What the passage lacks of the query, in the query's words; empty when it has it all. Any
 * spelling variant (variants.ts) that the passage has in full counts as having it.
 */
export function lacking(folded: string, forms: readonly ParsedQuery[], partnerTerms: ReadonlySet<string> = new Set()): string[] {
  let best: string[] | null = null;
  const asPartner = (w: QueryWord) => partnerTerms.has(w.term) || (w.prefix && [...partnerTerms].some((t) => t.startsWith(w.term)));
  for (const form of forms) {
    const free = form.words.filter((w) => !w.inPhrase);
    let missing = free.filter((w) => !hasWord(folded, w.raw) && !asPartner(w)).map((w) => w.raw);
    if (missing.length === 0 && isNameLike(form) && !free.some(asPartner)) {
      const phrase = free.map((w) => w.raw).join(' ');
      if (!hasWord(folded, phrase)) missing = [`"${phrase}" as a phrase`];
    }
    if (best === null || missing.length < best.length) best = missing;
    if (missing.length === 0) break;
  }
  return best ?? [];
}

/** The query's words (as typed) for which `has` says no candidate passage has them. */
export function wordsNotFoundBy(parsed: ParsedQuery, has: (raw: string) => boolean): string[] {
  return [...new Set(parsed.words.filter((w) => !w.inPhrase).map((w) => w.raw))].filter((raw) => !has(raw));
}

/** The query's words that no passage of `texts` has as typed. */
export function wordsNotFound(parsed: ParsedQuery, texts: Iterable<string>): string[] {
  const left = new Set(parsed.words.filter((w) => !w.inPhrase).map((w) => w.raw));
  for (const t of texts) {
    for (const w of [...left]) if (hasWord(t, w)) left.delete(w);
    if (left.size === 0) break;
  }
  return [...left];
}
