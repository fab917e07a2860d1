// The briefing composer's state in its URL (#/briefing?…), so a composed sheet can be bookmarked,
// reopened and printed by the CLI exactly as composed. Defaults are left out.
//   partner=kosovo            one partner            compare=kosovo,nato[,…]  2–4 side by side
//   paper=a4|letter           (a4 by default)        print=1   the sheet alone, for printing
//   pin=<id>,<id>             items or passages forced onto the sheet
//   x=<id>,<id>               items removed          order=security,economy   facets first, in this order
//   note=<text>               a short note printed under the title
import type { BriefingParams } from '../../../../shared/api';
import { FACET_IDS, type FacetId, type PaperSize } from '../../../../shared/types';

export const NOTE_MAX = 500;
export const MAX_SHEET_PARTNERS = 4;

/** The topic facets a sheet can reorder (the comparison's facets without its mini timeline). */
export const SHEET_FACETS: readonly FacetId[] = FACET_IDS.filter((id) => id !== 'timeline');

export interface BriefingQuery {
  /** 0 (nothing chosen yet), 1 or 2–4 partner ids/names, in order. */
  partners: string[];
  paper: PaperSize;
  print: boolean;
  pinned: string[];
  excluded: string[];
  order: FacetId[];
  note: string;
}

export const EMPTY_BRIEFING: BriefingQuery = { partners: [], paper: 'a4', print: false, pinned: [], excluded: [], order: [], note: '' };

const list = (v: string | null) => [...new Set((v ?? '').split(',').map((s) => s.trim()).filter(Boolean))];

export function parseBriefingQuery(query: string): BriefingQuery {
  const q = new URLSearchParams(query.replace(/^\?/, ''));
  const compare = list(q.get('compare')).slice(0, MAX_SHEET_PARTNERS);
  const partner = q.get('partner')?.trim();
  return {
    partners: compare.length > 0 ? compare : partner ? [partner] : [],
    paper: q.get('paper') === 'letter' ? 'letter' : 'a4',
    print: q.get('print') === '1',
    pinned: list(q.get('pin')),
    excluded: list(q.get('x')),
    order: list(q.get('order')).filter((f): f is FacetId => (SHEET_FACETS as readonly string[]).includes(f)),
    note: (q.get('note') ?? '').slice(0, NOTE_MAX),
  };
}

export function briefingQueryString(b: BriefingQuery): string {
  const q = new URLSearchParams();
  if (b.partners.length === 1) q.set('partner', b.partners[0]!);
  else if (b.partners.length > 1) q.set('compare', b.partners.join(','));
  if (b.paper !== 'a4') q.set('paper', b.paper);
  if (b.print) q.set('print', '1');
  if (b.pinned.length) q.set('pin', b.pinned.join(','));
  if (b.excluded.length) q.set('x', b.excluded.join(','));
  if (b.order.length) q.set('order', b.order.join(','));
  if (b.note.trim()) q.set('note', b.note.slice(0, NOTE_MAX));
  // Commas and slashes read better left as they are; spaces as %20, not "+".
  return q.toString().replace(/%2C/gi, ',').replace(/%2F/gi, '/').replace(/\+/g, '%20');
}

export function briefingHref(b: Partial<BriefingQuery>): string {
  const qs = briefingQueryString({ ...EMPTY_BRIEFING, ...b });
  return qs ? `#/briefing?${qs}` : '#/briefing';
}

/** What the sheet's data depends on (the note and the paper do not change it). */
export function briefingParams(b: BriefingQuery): BriefingParams {
  return {
    partners: b.partners,
    ...(b.pinned.length ? { pinned: b.pinned } : {}),
    ...(b.excluded.length ? { exclude: b.excluded } : {}),
    ...(b.order.length ? { facetOrder: b.order } : {}),
  };
}

/** The facet order with `facet` moved one place up (-1) or down (+1); the full order is returned. */
export function moveFacet(order: readonly FacetId[], facet: FacetId, by: -1 | 1): FacetId[] {
  const full = [...order, ...SHEET_FACETS.filter((f) => !order.includes(f))];
  const i = full.indexOf(facet);
  const j = i + by;
  if (i < 0 || j < 0 || j >= full.length) return full;
  [full[i], full[j]] = [full[j]!, full[i]!];
  return full;
}

/**
 * `facet` moved past its neighbour among the `shown` facets (hidden ones keep their places
 * relative to the rest); null when it is already first (-1) or last (+1).
 */
export function moveAmong(order: readonly FacetId[], shown: readonly FacetId[], facet: FacetId, by: -1 | 1): FacetId[] | null {
  const i = shown.indexOf(facet);
  const target = shown[i + by];
  if (i < 0 || !target) return null;
  const next = order.filter((f) => f !== facet);
  const at = next.indexOf(target);
  next.splice(by === -1 ? at : at + 1, 0, facet);
  return next;
}

/** Toggle an id in a list (pin / unpin). */
export function toggle(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
}
