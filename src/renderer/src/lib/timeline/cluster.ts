// Dense periods as clusters: neighbouring markers closer than a few pixels at the current zoom
// merge into one, labelled honestly from what its members say (the source often does not name
// who ratified or with whom relations began, and the label says so rather than guessing).
import { EVENT_CATEGORIES, EVENT_KINDS, type EventCategory, type EventKind, type TimelineMark } from '../../../../shared/types';
import { eventKind } from '../../../../shared/timelineFilter';
import { formatEventDate } from './time';

type Kind = EventKind;

const kinds = new WeakMap<TimelineMark, Kind>();

/** Marks from the library carry their kind; a full event (tests, benchmarks) is classified from its summary. */
function kindOf(e: TimelineMark): Kind {
  if (e.kind !== undefined) return e.kind;
  let k = kinds.get(e);
  if (k === undefined) {
    k = 'summary' in e && typeof e.summary === 'string' ? eventKind(e.summary) : 'other';
    kinds.set(e, k);
  }
  return k;
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

/** Position of each kind in EVENT_KINDS: the order a mixed label names them in. */
const KIND_INDEX = new Map<Kind, number>(EVENT_KINDS.map((k, i) => [k, i]));

/** An event's kind as its index in EVENT_KINDS. */
export function kindIndex(e: TimelineMark): number {
  return KIND_INDEX.get(kindOf(e))!;
}

/**
 * "26 ratifications (countries not named in the source)"; for a mix, the parts by kind:
 * "29 events: 26 ratifications (countries not named in the source), 3 other events".
 */
export function clusterLabel(members: readonly TimelineMark[]): string {
  const counts = new Uint32Array(EVENT_KINDS.length);
  for (const e of members) counts[kindIndex(e)]!++;
  return labelFromCounts(counts, members.length);
}

/** clusterLabel from counts by kind (EVENT_KINDS order) already made: the layout counts as it groups. */
export function labelFromCounts(counts: Uint32Array, n: number): string {
  const kinds = EVENT_KINDS.filter((_, i) => counts[i]! > 0);
  if (kinds.length === 1) return phrase(kinds[0]!, n, true);
  return `${n} events: ${kinds.map((k) => phrase(k, counts[KIND_INDEX.get(k)!]!, false)).join(', ')}`;
}

/** "15 September 2008 – 17 February 2009", or one date when all members share it. */
export function clusterDates(members: readonly TimelineMark[]): string {
  if (members.length === 0) return '';
  const first = formatEventDate(members[0]!);
  const last = formatEventDate(members[members.length - 1]!);
  return first === last ? first : `${first} – ${last}`;
}

const CATEGORY_INDEX = new Map<EventCategory, number>(EVENT_CATEGORIES.map((c, i) => [c, i]));

/** An event's category as its index in EVENT_CATEGORIES. */
export function categoryIndex(e: TimelineMark): number {
  return CATEGORY_INDEX.get(e.category) ?? 0;
}

/** How much a category weighs when a cluster picks the event it is labelled by. */
const CATEGORY_WEIGHT: Record<EventCategory, number> = { accession: 5, diplomatic: 4, security: 3, conflict: 3, economy: 2, people: 1 };
const KIND_WEIGHT: Record<Kind, number> = { relations: 4, ratification: 2, other: 1, term: 0, 'relations-unnamed': 0, 'ratification-unnamed': 0 };

/**
 * Which event a cluster is labelled by, and whose label wins the room on screen: relations
 * established and memberships before envoy terms and unnamed ratifications; an exact day before
 * a coarse date. A small integer (0–20), so the layout keeps it in a typed array.
 */
export function importance(e: TimelineMark): number {
  return 2 * CATEGORY_WEIGHT[e.category] + 2 * KIND_WEIGHT[kindOf(e)] + (e.precision === 'day' ? 1 : 0);
}
