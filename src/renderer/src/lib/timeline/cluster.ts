// Dense periods as clusters: neighbouring markers closer than a few pixels at the current zoom
// merge into one, labelled honestly from what its members say (the source often does not name
// who ratified or with whom relations began, and the label says so rather than guessing).
import type { TimelineEvent } from '../../../../shared/types';
import { formatEventDate } from './time';

/** Anything with an x position; clusters are formed over these in order of x. */
export interface Positioned {
  x: number;
}

/** Greedy single-linkage grouping: an item joins the current group when it is within `gapPx` of the group's last item. */
export function groupByGap<T extends Positioned>(sorted: readonly T[], gapPx: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let lastX = -Infinity;
  for (const item of sorted) {
    if (current.length > 0 && item.x - lastX > gapPx) {
      groups.push(current);
      current = [];
    }
    current.push(item);
    lastX = item.x;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

type Kind = 'ratification-unnamed' | 'ratification' | 'relations-unnamed' | 'relations' | 'term' | 'other';

const kinds = new WeakMap<TimelineEvent, Kind>();

function kindOf(e: TimelineEvent): Kind {
  let k = kinds.get(e);
  if (k === undefined) {
    k = computeKind(e);
    kinds.set(e, k);
  }
  return k;
}

function computeKind(e: TimelineEvent): Kind {
  const s = e.summary;
  const unnamed = /not named in the source/.test(s);
  if (/\bratified\b|\bratification\b/i.test(s)) return unnamed ? 'ratification-unnamed' : 'ratification';
  if (/^Relations (?:re-)?established|^Relations severed/.test(s)) return unnamed ? 'relations-unnamed' : 'relations';
  if (/: term as .+ (?:begins|ends)$/.test(s)) return 'term';
  return 'other';
}

function phrase(kind: Kind, n: number, all: boolean): string {
  const many = n !== 1;
  switch (kind) {
    case 'ratification-unnamed':
      return `${n} ratification${many ? 's' : ''} (${many ? 'countries' : 'country'} not named in the source)`;
    case 'ratification':
      return `${n} ratification${many ? 's' : ''}`;
    case 'relations-unnamed':
      return `${n} relations established or changed (${many ? 'countries' : 'country'} not named in the source)`;
    case 'relations':
      return `${n} relations established or changed`;
    case 'term':
      return `${n} envoy term${many ? 's' : ''} beginning or ending`;
    case 'other':
      return all ? `${n} events` : `${n} other event${many ? 's' : ''}`;
  }
}

const ORDER: Kind[] = ['ratification-unnamed', 'ratification', 'relations-unnamed', 'relations', 'term', 'other'];

/**
 * "26 ratifications (countries not named in the source)"; for a mix, the parts by kind:
 * "29 events: 26 ratifications (countries not named in the source), 3 other events".
 */
export function clusterLabel(members: readonly TimelineEvent[]): string {
  const counts = new Map<Kind, number>();
  for (const e of members) {
    const k = kindOf(e);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const kinds = ORDER.filter((k) => counts.has(k));
  if (kinds.length === 1) return phrase(kinds[0]!, members.length, true);
  return `${members.length} events: ${kinds.map((k) => phrase(k, counts.get(k)!, false)).join(', ')}`;
}

/** "15 September 2008 – 17 February 2009", or one date when all members share it. */
export function clusterDates(members: readonly TimelineEvent[]): string {
  if (members.length === 0) return '';
  const first = formatEventDate(members[0]!);
  const last = formatEventDate(members[members.length - 1]!);
  return first === last ? first : `${first} – ${last}`;
}
