// Text normalisation shared by ingest, search and the renderer, so that every layer agrees on
// what "the same name" and "the same word" mean.

const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/** Strip diacritics: "Kuçovë" → "Kucove", "Xhaçka" → "Xhacka". Length-preserving for Latin text. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

/**
 * Canonical key for a name: accents folded, dashes and hyphens unified, spacing around them
 * removed, case folded. "Albania–Turkey", "Albania-Turkey" and "Albania – Turkey" share one key.
 */
export function nameKey(name: string): string {
  return foldAccents(name)
    .replace(DASHES, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Unify dash variants in a display name to the en dash used by the sources ("Albania–Turkey"). */
export function normalizeDashedName(name: string): string {
  return name
    .replace(/\s*[\u2010\u2011\u2012\u2013\u2014\u2212-]\s*/g, '–')
    .replace(/\s+/g, ' ')
    .trim();
}

/** URL- and anchor-safe slug: "Albania–Kosovo relations" → "albania-kosovo-relations". */
export function slugify(text: string, maxLength = 80): string {
  const slug = foldAccents(text)
    .toLowerCase()
    .replace(DASHES, '-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug || 'untitled';
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut) || 'untitled';
}

/**
 * A source quote as a person reads it. Table rows and infobox lines are quoted exactly as the
 * source has them ("| | 18 February 2008 | See Albania–Kosovo relations |", "- Mission1: …");
 * shown, they read "18 February 2008 — See Albania–Kosovo relations" and "Mission1: …".
 */
export function readableQuote(quote: string): string {
  const q = quote.trim();
  if (q.startsWith('|') && q.endsWith('|')) {
    return q
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim())
      .filter(Boolean)
      .join(' — ');
  }
  return q.replace(/^- (?=[^:]{1,40}:)/, '');
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment): "Ukrane" is 1 from
 * "Ukraine", "Albnaia" 1 from "Albania". With `max`, gives up (returning max + 1) once every path
 * is longer, so scanning a vocabulary stays cheap. One measure for search suggestions and partner
 * suggestions alike.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}
