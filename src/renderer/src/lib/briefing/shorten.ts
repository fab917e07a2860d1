// Shortening a sheet that will not fit its pages. The service's caps (services/briefing.ts) size a
// sheet by counts, but quotes, conflict notes and sources vary in length, so a partner with many
// long, conflicting facts can still run past three pages. The sheet is then printed again with
// fewer entries, step by step, least important first; pinned entries are never left off. The
// sources are renumbered so that the list holds only what the shortened sheet cites.
import type { BriefingItem, BriefingRow, BriefingSheet } from '../../../../shared/types';

/** A briefing sheet is one to three pages (on either paper). */
export const MAX_SHEET_PAGES = 3;

type FactId = 'relations' | 'recognition' | 'missions' | 'envoys' | 'memberships';

/** Limits a step sets (unpinned entries per partner); a step keeps the limits of the steps before it. */
interface Limits {
  facts?: Partial<Record<FactId, number>>;
  /** Timeline events: the least important go first (BriefingItem.importance). */
  timeline?: number;
  /** Passages per facet. */
  perFacet?: number;
  /** Passages over all facets, in the sheet's facet order. */
  passages?: number;
}

/** From the service's caps down: second passages of a facet first, then the timeline's tail, then facts. */
export const SHORTEN_STEPS: Record<BriefingSheet['layout'], readonly Limits[]> = {
  single: [
    { perFacet: 1 },
    { timeline: 5 },
    { facts: { relations: 2, recognition: 2, missions: 4, envoys: 3, memberships: 5 } },
    { passages: 5 },
    { facts: { relations: 1, recognition: 1, missions: 2, envoys: 1, memberships: 3 }, timeline: 3, passages: 3 },
  ],
  'side-by-side': [
    { timeline: 3 },
    { passages: 5 },
    { facts: { missions: 1, envoys: 1, memberships: 2 } },
    { timeline: 2, passages: 3, facts: { memberships: 1 } },
  ],
};

export interface ShortenedSheet {
  sheet: BriefingSheet;
  /** Entries the shortening left off (0: the sheet as the service made it). */
  leftOff: number;
}

/** The sheet after the first `steps` steps of its layout (more steps than there are: all of them). */
export function shortenSheet(sheet: BriefingSheet, steps: number): ShortenedSheet {
  if (steps <= 0) return { sheet, leftOff: 0 };
  const limits = mergeSteps(SHORTEN_STEPS[sheet.layout].slice(0, steps));
  let leftOff = 0;
  const cut = (items: readonly BriefingItem[], keep: (item: BriefingItem, unpinnedBefore: number) => boolean): BriefingItem[] => {
    let unpinned = 0;
    const kept = items.filter((item) => item.pinned || keep(item, unpinned++));
    leftOff += items.length - kept.length;
    return kept;
  };
  // Each entry left off is counted in its row's `more`, as the service counts what its caps leave off.
  const withCells = (row: BriefingRow, cells: Record<string, BriefingItem[]>): BriefingRow => {
    const more = { ...row.more };
    for (const [pid, items] of Object.entries(cells)) {
      const dropped = (row.cells[pid]?.length ?? 0) - items.length;
      if (dropped > 0) more[pid] = (more[pid] ?? 0) + dropped;
    }
    return { ...row, cells, ...(Object.keys(more).length ? { more } : {}) };
  };
  const shown = (row: BriefingRow) => Object.values(row.cells).some((items) => items.length > 0);

  const facts = sheet.facts.map((row) => {
    const cap = limits.facts?.[row.id as FactId];
    if (cap === undefined) return row;
    return withCells(row, mapCells(row.cells, (items) => cut(items, (_, i) => i < cap)));
  }).filter(shown);

  const timeline = mapCells(sheet.timeline, (items) => {
    const cap = limits.timeline;
    if (cap === undefined) return items;
    return cut(items, (item) => (item.importance ?? 0) <= cap);
  });

  const used: Record<string, number> = {};
  const facets = sheet.facets.map((row) => {
    if (row.id === 'pinned') return row;
    return withCells(
      row,
      mapCells(row.cells, (items, pid) => {
        const kept = cut(items, (_, i) => i < (limits.perFacet ?? Infinity) && (used[pid] ?? 0) + i < (limits.passages ?? Infinity));
        used[pid] = (used[pid] ?? 0) + kept.filter((k) => !k.pinned).length;
        return kept;
      }),
    );
  }).filter(shown);

  return { sheet: renumberSources({ ...sheet, facts, timeline, facets }), leftOff };
}

function mergeSteps(steps: readonly Limits[]): Limits {
  const out: Limits = {};
  const min = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
  for (const s of steps) {
    out.timeline = min(out.timeline, s.timeline);
    out.perFacet = min(out.perFacet, s.perFacet);
    out.passages = min(out.passages, s.passages);
    for (const [k, v] of Object.entries(s.facts ?? {}) as [FactId, number][]) (out.facts ??= {})[k] = min(out.facts?.[k], v);
  }
  return out;
}

function mapCells(cells: Record<string, BriefingItem[]>, f: (items: BriefingItem[], pid: string) => BriefingItem[]): Record<string, BriefingItem[]> {
  return Object.fromEntries(Object.entries(cells).map(([pid, items]) => [pid, f(items, pid)]));
}

/** Keeps the sources still cited, numbered 1… in their old order (the order of first citation). */
function renumberSources(sheet: BriefingSheet): BriefingSheet {
  const items = [...sheet.facts, ...sheet.facets].flatMap((r) => Object.values(r.cells).flat()).concat(Object.values(sheet.timeline).flat());
  const cited = new Set(items.flatMap((i) => [i.source, ...(i.alsoSources ?? [])]));
  const kept = sheet.sources.filter((s) => cited.has(s.n));
  const renumber = new Map(kept.map((s, i) => [s.n, i + 1]));
  const item = (i: BriefingItem): BriefingItem => ({
    ...i,
    source: renumber.get(i.source)!,
    ...(i.alsoSources ? { alsoSources: i.alsoSources.map((n) => renumber.get(n)!) } : {}),
  });
  const row = (r: BriefingRow): BriefingRow => ({ ...r, cells: mapCells(r.cells, (xs) => xs.map(item)) });
  return {
    ...sheet,
    facts: sheet.facts.map(row),
    facets: sheet.facets.map(row),
    timeline: mapCells(sheet.timeline, (xs) => xs.map(item)),
    sources: kept.map((s) => ({ ...s, n: renumber.get(s.n)! })),
  };
}
