// Type-ahead over the partner registry: names and aliases, accents and case ignored, so
// "turki" finds Turkey through "Türkiye" and "kosova" finds Kosovo.
import type { PartnerKind, PartnerSummary } from '../../../../shared/types';
import { foldAccents } from '../../../../shared/text';

export interface PartnerOption {
  id: string;
  name: string;
  kind: PartnerKind;
  /** The alias the query matched, when it did not match the name ("Türkiye" for Turkey). */
  via?: string;
}

/** Lower-case, accents folded, dashes and runs of spaces unified. */
export function foldKey(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212-]/g, ' ')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** 0 = the whole name, 1 = its start, 2 = the start of a later word, 3 = anywhere; null = no match. */
function rank(candidate: string, q: string): number | null {
  const key = foldKey(candidate);
  if (key === q) return 0;
  if (key.startsWith(q)) return 1;
  if (key.split(' ').some((w, i) => i > 0 && w.startsWith(q)) || key.includes(` ${q}`)) return 2;
  if (q.length >= 3 && key.includes(q)) return 3;
  return null;
}

/**
 * Partners matching `query`, best first: a name before an alias at the same rank, then by how many
 * documents mention the partner, then alphabetically. An empty query lists the best-documented
 * partners, so the list is never empty while there are partners to offer.
 */
export function matchPartners(
  partners: readonly PartnerSummary[],
  query: string,
  exclude: ReadonlySet<string> = new Set(),
  limit = 8,
): PartnerOption[] {
  const q = foldKey(query);
  const scored: { option: PartnerOption; score: number; docs: number }[] = [];
  for (const p of partners) {
    if (exclude.has(p.id)) continue;
    if (!q) {
      scored.push({ option: { id: p.id, name: p.name, kind: p.kind }, score: 0, docs: p.documents.length });
      continue;
    }
    let best: { score: number; via?: string } | null = null;
    const byName = rank(p.name, q);
    if (byName !== null) best = { score: byName * 2 };
    for (const alias of p.aliases) {
      const r = rank(alias, q);
      if (r !== null && (best === null || r * 2 + 1 < best.score)) best = { score: r * 2 + 1, via: alias };
    }
    if (best === null) continue;
    const option: PartnerOption = { id: p.id, name: p.name, kind: p.kind };
    if (best.via !== undefined) option.via = best.via;
    scored.push({ option, score: best.score, docs: p.documents.length });
  }
  scored.sort((a, b) => a.score - b.score || b.docs - a.docs || a.option.name.localeCompare(b.option.name, 'en'));
  return scored.slice(0, limit).map((s) => s.option);
}
