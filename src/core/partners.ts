// The partner registry: who the partners are (the table in partnerTable.ts), looked up by any
// name, alias or id, found in running text (names, aliases, adjectives such as "Turkish" → Turkey),
// and suggested when a name matches none. Albania is never a partner of itself.
import type { PartnerKind } from '../shared/types';
import { PARTNER_ROWS } from './partnerTable';
import { foldAccents, slugify } from '../shared/text';
import { lookupKey, rankNames, type NameCandidate } from './nameSuggestions';

export interface PartnerDef {
  id: string;
  name: string;
  kind: PartnerKind;
  aliases: string[];
  /** Adjectives and demonyms that count as a mention in running text. */
  adjectives: string[];
}

export const PARTNERS: readonly PartnerDef[] = PARTNER_ROWS.map((r) => ({
  id: r.id ?? slugify(r.name),
  name: r.name,
  kind: r.kind,
  aliases: r.aliases ?? [],
  adjectives: r.adj ?? [],
}));

const BY_ID = new Map(PARTNERS.map((p) => [p.id, p]));

/** nameKey(name | alias | id) → partner. Leading "the " is ignored. */
const BY_KEY = new Map<string, PartnerDef>();
for (const p of PARTNERS) {
  for (const n of [p.name, ...p.aliases, p.id]) {
    const key = lookupKey(n);
    const existing = BY_KEY.get(key);
    if (existing && existing !== p) throw new Error(`Partner alias "${n}" is used by ${existing.id} and ${p.id}`);
    BY_KEY.set(key, p);
  }
}

export function partnerById(id: string): PartnerDef | null {
  return BY_ID.get(id) ?? null;
}

/** The partner named by `nameOrAlias` (name, alias or id; accents, dashes, case and a leading "the" ignored). */
export function resolvePartner(nameOrAlias: string): PartnerDef | null {
  const key = lookupKey(nameOrAlias);
  if (!key || key === 'albania' || key === 'republic of albania') return null;
  return BY_KEY.get(key) ?? BY_KEY.get(key.replace(/'s$/, '')) ?? null;
}

// --- mentions in running text ----------------------------------------------------------------

interface Surface {
  /** Accent-folded form matched against accent-folded text. */
  text: string;
  partner: PartnerDef;
}

const SURFACES: Surface[] = PARTNERS.flatMap((p) =>
  [p.name, ...p.aliases, ...p.adjectives].map((text) => ({ text: foldAccents(text), partner: p })),
).sort((a, b) => b.text.length - a.text.length);

const SURFACE_BY_TEXT = new Map(SURFACES.map((s) => [s.text, s.partner]));

const ANY_DASH = /[\u2010-\u2015\u2212-]/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Longest surface first, so that "Equatorial Guinea" wins over "Guinea" and "Republic of Kosova"
 * over "Kosova". Word boundaries are letters and digits on either side ("Georgian" is its own
 * adjective; "Dominica" does not match inside "Dominican").
 *
 * This is the alternation `(?<![\p{L}\p{N}])(?:longest|…|shortest)(?![\p{L}\p{N}])` (flags gu)
 * run as a scan: surfaces are bucketed by their first character (all are ASCII and start with a
 * capital), so only positions holding such a character are tried, and only against the surfaces
 * starting with it, in the same longest-first order — the same matches, found far faster.
 */
const SURFACES_BY_FIRST = new Map<number, string[]>();
for (const s of SURFACES) {
  const c = s.text.charCodeAt(0);
  if (!SURFACES_BY_FIRST.has(c)) SURFACES_BY_FIRST.set(c, []);
  SURFACES_BY_FIRST.get(c)!.push(s.text);
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

function isWordCodePoint(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/** Is there a letter or digit just before `i` (the code point ending there)? */
function wordBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return isWordCodePoint(text.codePointAt(i - 2)!);
  }
  return isWordCodePoint(low);
}

/** Is there a letter or digit starting at `i`? */
function wordAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  return isWordCodePoint(text.codePointAt(i)!);
}

/** [index, surface] of every mention in accent- and dash-folded text, in order, not overlapping. */
function scanSurfaces(folded: string): [number, string][] {
  const out: [number, string][] = [];
  const n = folded.length;
  for (let i = 0; i < n; ) {
    const candidates = SURFACES_BY_FIRST.get(folded.charCodeAt(i));
    if (candidates && !wordBefore(folded, i)) {
      let hit: string | undefined;
      for (const s of candidates) {
        if (folded.startsWith(s, i) && !wordAt(folded, i + s.length)) {
          hit = s;
          break;
        }
      }
      if (hit !== undefined) {
        out.push([i, hit]);
        i += hit.length;
        continue;
      }
    }
    i++;
  }
  return out;
}

export interface Mention {
  id: string;
  /** Offset in the text passed in. */
  index: number;
  text: string;
}

/** Every mention of a partner in `text`, in reading order. Accents and dash variants are folded. */
export function mentionsIn(text: string): Mention[] {
  // ASCII text has no accents or other dashes: folding would return it unchanged.
  const folded = ASCII_ONLY.test(text) ? text : foldAccents(text).replace(ANY_DASH, '-');
  const out: Mention[] = [];
  for (const [index, surface] of scanSurfaces(folded)) {
    // "U.S." is matched with its full stop; other surfaces must not swallow trailing punctuation.
    const partner = SURFACE_BY_TEXT.get(surface);
    if (!partner) continue;
    out.push({ id: partner.id, index, text: text.slice(index, index + surface.length) });
  }
  return out;
}

/** Partner ids mentioned in `text`, in order of first mention. "Albania" itself is never a partner. */
export function findPartnerMentions(text: string): string[] {
  const seen = new Set<string>();
  for (const m of mentionsIn(text)) seen.add(m.id);
  return [...seen];
}

// --- suggestions -------------------------------------------------------------------------------

/** Each partner's name, aliases and adjectives as lookup keys, computed once. */
const SUGGESTION_KEYS: NameCandidate[] = PARTNERS.map((p) => ({ name: p.name, keys: [p.name, ...p.aliases, ...p.adjectives].map(lookupKey) }));

/** The closest partner names to `input`, best first (for "unknown partner" errors). */
export function suggestPartners(input: string, n = 5): string[] {
  return rankNames(input, SUGGESTION_KEYS, n);
}
