// The timeline's marks in and out of their column form (TimelineMarks, what `timelineMarks`
// sends): the builder encodes them once into the database, the renderer expands them into objects.
import { EVENT_CATEGORIES, EVENT_KINDS, PRECISIONS, type EventKind, type TimelineMark, type TimelineMarks } from './types';

/** TimelineMarks as the database stores them (the library adds its corpus hash when it sends them). */
export type StoredMarks = Omit<TimelineMarks, 'corpusHash'>;

/** Builds the marks one event at a time, in chronological order. */
export class MarksEncoder {
  private readonly docIndex = new Map<string, number>();
  private readonly setIndex = new Map<string, number>();
  private readonly out: StoredMarks = {
    count: 0,
    ids: [],
    dates: [],
    precisions: [],
    ends: [],
    categories: [],
    kinds: [],
    docs: [],
    docSlugs: [],
    partners: [],
    partnerSets: [],
  };

  add(e: Omit<TimelineMark, 'kind'>, kind: EventKind): void {
    const o = this.out;
    const i = o.count++;
    o.ids.push(e.id);
    o.dates.push(e.date);
    o.precisions.push(indexIn(PRECISIONS, e.precision));
    if (e.end !== undefined) o.ends.push([i, e.end]);
    o.categories.push(indexIn(EVENT_CATEGORIES, e.category));
    o.kinds.push(indexIn(EVENT_KINDS, kind));
    let doc = this.docIndex.get(e.docSlug);
    if (doc === undefined) {
      doc = o.docSlugs.push(e.docSlug) - 1;
      this.docIndex.set(e.docSlug, doc);
    }
    o.docs.push(doc);
    const key = e.partners.join('\n');
    let set = this.setIndex.get(key);
    if (set === undefined) {
      set = o.partnerSets.push([...e.partners]) - 1;
      this.setIndex.set(key, set);
    }
    o.partners.push(set);
  }

  finish(): StoredMarks {
    return this.out;
  }
}

function indexIn<T>(list: readonly T[], value: T): number {
  const i = list.indexOf(value);
  if (i < 0) throw new Error(`Unexpected value in the events table: ${String(value)}`);
  return i;
}

/**
 * The marks as objects, in chronological order. Events with the same partners share one
 * (frozen) partner array, so 177,000 marks cost a few thousand arrays, not 177,000.
 */
export function expandMarks(m: TimelineMarks): TimelineMark[] {
  const sets = m.partnerSets.map((s) => Object.freeze(s) as string[]);
  const ends = new Map(m.ends);
  const out: TimelineMark[] = new Array(m.count);
  for (let i = 0; i < m.count; i++) {
    const end = ends.get(i);
    const mark: TimelineMark = {
      id: m.ids[i]!,
      date: m.dates[i]!,
      precision: PRECISIONS[m.precisions[i]!]!,
      partners: sets[m.partners[i]!]!,
      docSlug: m.docSlugs[m.docs[i]!]!,
      category: EVENT_CATEGORIES[m.categories[i]!]!,
      kind: EVENT_KINDS[m.kinds[i]!]!,
    };
    if (end !== undefined) mark.end = end;
    out[i] = mark;
  }
  return out;
}
