// The comparison's state in its URL, so a comparison can be bookmarked, shared, reloaded and sent
// to a briefing sheet:
//   #/compare?p=kosovo,ukraine,nato&mode=grid        2–4 partners (ids, or any name the API resolves)
//   #/compare?p=kosovo,nato&mode=text&facet=security text mode, scrolled to a facet
//   #/compare?p=kosovo,nato&mode=grid&paper=letter    the printed sheet on US Letter (A4 by default)
//   …&print=1                                         the printable comparison sheet alone (the CLI prints it)
// Fewer than two partners is a valid URL too: the picker waits for the rest.
import type { PaperSize } from '../../../../shared/types';

export type CompareMode = 'grid' | 'text';

export const MIN_PARTNERS = 2;
export const MAX_PARTNERS = 4;

export interface CompareQuery {
  /** In column order, distinct, at most MAX_PARTNERS. */
  partners: string[];
  mode: CompareMode;
  /** Text mode: the facet every column is aligned on. */
  facet: string | null;
  /** Paper of the printed comparison sheet. */
  paper?: PaperSize;
  /** Show the printable sheet alone. */
  print?: boolean;
}

export const EMPTY_COMPARE: CompareQuery = { partners: [], mode: 'grid', facet: null };

export function parseCompareQuery(query: string): CompareQuery {
  const q = new URLSearchParams(query.replace(/^\?/, ''));
  const seen = new Set<string>();
  const partners: string[] = [];
  for (const raw of (q.get('p') ?? '').split(',')) {
    const id = raw.trim();
    const key = id.toLowerCase();
    if (!id || seen.has(key) || partners.length >= MAX_PARTNERS) continue;
    seen.add(key);
    partners.push(id);
  }
  const facet = q.get('facet');
  return {
    partners,
    mode: q.get('mode') === 'text' ? 'text' : 'grid',
    facet: facet && /^[a-z][a-z-]*$/.test(facet) ? facet : null,
    ...(q.get('paper') === 'letter' ? { paper: 'letter' as const } : {}),
    ...(q.get('print') === '1' ? { print: true } : {}),
  };
}

/** `p=kosovo,ukraine&mode=grid` — commas kept readable, everything else encoded. */
export function compareQueryString(query: CompareQuery): string {
  const parts = [`p=${query.partners.map(encodeURIComponent).join(',')}`, `mode=${query.mode}`];
  if (query.mode === 'text' && query.facet) parts.push(`facet=${encodeURIComponent(query.facet)}`);
  if (query.paper === 'letter') parts.push('paper=letter');
  if (query.print) parts.push('print=1');
  return parts.join('&');
}

export const compareHref = (query: CompareQuery): string => `#/compare?${compareQueryString(query)}`;

/** The briefing sheet built from this comparison (the briefing view reads `compare`). */
export const briefingHref = (partners: readonly string[]): string =>
  `#/briefing?compare=${partners.map(encodeURIComponent).join(',')}`;

/** A copy of `list` with the item at `index` moved by `delta` places (clamped); same list when it cannot move. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = Math.max(0, Math.min(list.length - 1, index + delta));
  if (index < 0 || index >= list.length || to === index) return [...list];
  const out = [...list];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item as T);
  return out;
}
