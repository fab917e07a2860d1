// The bundled library's timeline: full events (a page for the API, all of a partner's for compare and briefings), the lean marks
// the view draws from, the word filter's matches and events by id. Read from the events table
// (one row per event, in chronological order: events.ord) and the timeline table (build-time
// marks and filter texts, src/ingest/eventsTable.ts).
import type Database from 'better-sqlite3';
import { DeskError, type TimelineParams } from '../shared/api';
import { REBUILD_HINT } from '../shared/storageErrors';
import type { TimelineEvent, TimelineMarks, TimelineMatch } from '../shared/types';
import { filterWords } from '../shared/timelineFilter';
import type { StoredMarks } from '../shared/timelineMarks';
import { TextBuffer } from '../search/textBuffer';
import { parseStored } from './storedJson';

/** What the timeline needs of the library that holds it. */
export interface TimelineScope {
  readonly corpusHash: string;
  /** Partner id for a name, or NOT_FOUND. */
  requirePartnerId(nameOrId: string): string;
  /** NOT_FOUND unless the library has this document. */
  requireDocument(slug: string): void;
}

export class LibraryTimeline {
  private eventTexts: TextBuffer | undefined;
  private eventCount: number | undefined;
  /** The last filter's matching positions: the pages of one filter find them once. */
  private lastMatch: { key: string; positions: Int32Array } | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly library: TimelineScope,
  ) {}

  private get corpusHash(): string {
    return this.library.corpusHash;
  }

  /** Every matching event in full, oldest first: a partner's events for compare and briefings (the API pages: timelinePage). */
  timeline(params: TimelineParams): TimelineEvent[] {
    const { where, args } = this.timelineWhere(params);
    const hits = this.textHits(params.text);
    // Row by row: no array of 177,000 raw rows beside the events (issue 19: the unfiltered timeline's time and memory).
    const out: TimelineEvent[] = [];
    for (const row of this.db.prepare(`SELECT ${EVENT_COLUMNS}, e.ord FROM events e ${where} ORDER BY e.ord`).raw(true).iterate(...args) as IterableIterator<[...EventRow, number]>) {
      if (hits === null || hits[row[row.length - 1] as number] === 1) out.push(eventOf(row)); // e.ord is last, after EVENT_COLUMNS
    }
    return out;
  }

  /**
   * Every event as a lean mark, column by column, in chronological order: what the timeline view
   * draws from. Encoded at build time (src/ingest/eventsTable.ts), so this is one row, not 177,000.
   */
  marks(): TimelineMarks {
    const row = this.db.prepare('SELECT marks FROM timeline WHERE id = 1').get() as { marks: string } | undefined;
    if (!row) throw new DeskError('DB_CORRUPT', 'The library database has no timeline.', REBUILD_HINT);
    return { corpusHash: this.corpusHash, ...parseStored<StoredMarks>(row.marks, 'timeline') };
  }

  /** Positions (in timelineMarks order) of the events that match: the view's word filter. */
  match(params: TimelineParams): TimelineMatch {
    return { corpusHash: this.corpusHash, positions: Array.from(this.matching(params) ?? this.allPositions()) };
  }

  /**
   * Events [offset, offset + limit) of those that match, oldest first, with how many match in
   * all. Unfiltered, a page is read by position (events.ord is the chronology); filtered, the
   * matching positions are found once and kept for the next page of the same filters.
   */
  page(params: TimelineParams, offset: number, limit: number): { total: number; events: TimelineEvent[] } {
    const positions = this.matching(params);
    if (positions === null) {
      const rows = this.db.prepare(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.ord >= ? ORDER BY e.ord LIMIT ?`).raw(true).all(offset, limit) as EventRow[];
      return { total: this.count(), events: rows.map(eventOf) };
    }
    return { total: positions.length, events: this.atPositions(positions.subarray(offset, offset + limit)) };
  }

  /** Full events at these positions (ascending), in that order. */
  atPositions(positions: Int32Array): TimelineEvent[] {
    const out: TimelineEvent[] = [];
    // Chunked to stay under SQLite's bound-parameter limit.
    for (let i = 0; i < positions.length; i += 500) {
      const chunk = Array.from(positions.subarray(i, i + 500));
      const rows = this.db.prepare(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.ord IN (${chunk.map(() => '?').join(',')}) ORDER BY e.ord`).raw(true).all(...chunk) as EventRow[];
      for (const r of rows) out.push(eventOf(r));
    }
    return out;
  }

  /** How many events the library has (positions are 0 … count − 1). */
  count(): number {
    this.eventCount ??= this.db.prepare('SELECT coalesce(max(ord) + 1, 0) FROM events').pluck().get() as number;
    return this.eventCount;
  }

  private allPositions(): Int32Array {
    return Int32Array.from({ length: this.count() }, (_, i) => i);
  }

  /** Positions of the events that match, ascending; null when no filter is given (every event). The last answer is kept. */
  private matching(params: TimelineParams): Int32Array | null {
    const { where, args } = this.timelineWhere(params);
    const words = filterWords(params.text ?? '');
    if (where === '' && words.length === 0) return null;
    const key = JSON.stringify([where, args, words]);
    if (this.lastMatch?.key === key) return this.lastMatch.positions;
    const hits = this.textHits(params.text);
    let positions: Int32Array;
    if (hits && where === '') {
      let n = 0;
      for (let i = 0; i < hits.length; i++) n += hits[i]!;
      positions = new Int32Array(n);
      for (let i = 0, k = 0; i < hits.length; i++) if (hits[i] === 1) positions[k++] = i;
    } else {
      const all = this.db.prepare(`SELECT e.ord FROM events e ${where} ORDER BY e.ord`).pluck().all(...args) as number[];
      positions = Int32Array.from(hits ? all.filter((p) => hits[p] === 1) : all);
    }
    this.lastMatch = { key, positions };
    return positions;
  }

  /** Full events by id, in the order asked (duplicates once); NOT_FOUND names the first unknown id. */
  byIds(ids: readonly string[]): TimelineEvent[] {
    const unique = [...new Set(ids)];
    const found = new Map<string, TimelineEvent>();
    // Chunked to stay under SQLite's bound-parameter limit.
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const rows = this.db.prepare(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id IN (${chunk.map(() => '?').join(',')})`).raw(true).all(...chunk) as EventRow[];
      for (const r of rows) found.set(r[0], eventOf(r));
    }
    return unique.map((id) => {
      const e = found.get(id);
      if (!e) throw new DeskError('NOT_FOUND', `No event "${id}" in this library.`);
      return e;
    });
  }

  /** 1 at the position of each event whose text has every word (eventMatcher's rule); null for no words. */
  private textHits(text: string | undefined): Uint8Array | null {
    const words = filterWords(text ?? '');
    if (words.length === 0) return null;
    if (!this.eventTexts) {
      // Read on the first word filter, not at load.
      const row = this.db.prepare('SELECT texts, text_ends FROM timeline WHERE id = 1').get() as { texts: Buffer; text_ends: Buffer } | undefined;
      if (!row) throw new DeskError('DB_CORRUPT', 'The library database has no timeline.', REBUILD_HINT);
      try {
        this.eventTexts = new TextBuffer(row.texts, row.text_ends, 'timeline texts');
      } catch (err) {
        throw new DeskError('DB_CORRUPT', `The timeline in the library database is damaged: ${(err as Error).message}`, REBUILD_HINT);
      }
    }
    return this.eventTexts.matching(words);
  }

  private timelineWhere(params: TimelineParams): { where: string; args: (string | number)[] } {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (params.partner !== undefined) {
      where.push('e.id IN (SELECT event_id FROM event_partners WHERE partner_id = ?)');
      args.push(this.library.requirePartnerId(params.partner));
    }
    if (params.docSlug !== undefined) {
      this.library.requireDocument(params.docSlug);
      where.push('e.doc_slug = ?');
      args.push(params.docSlug);
    }
    // An event belongs to a year range if its span overlaps it: a decade shows up in each year.
    if (params.from !== undefined) {
      where.push('e.year_to >= ?');
      args.push(params.from);
    }
    if (params.to !== undefined) {
      where.push('e.year_from <= ?');
      args.push(params.to);
    }
    if (params.category !== undefined && params.category.length > 0) {
      where.push(`e.category IN (${params.category.map(() => '?').join(', ')})`);
      args.push(...params.category);
    }
    return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
  }
}

export const EVENT_COLUMNS = 'e.id, e.date, e.precision, e.end_date, e.summary, e.partners, e.doc_slug, e.anchor, e.quote, e.category, e.date_note';
export type EventRow = [string, string, TimelineEvent['precision'], string | null, string, string, string, string, string, TimelineEvent['category'], string | null];

/** A row of EVENT_COLUMNS as the TimelineEvent it was built from (same keys, same order). */
export function eventOf([id, date, precision, end, summary, partners, docSlug, anchor, quote, category, inferred]: EventRow | [...EventRow, number]): TimelineEvent {
  return {
    id,
    date,
    precision,
    ...(end !== null ? { end } : {}),
    summary,
    partners: partners === '' ? [] : partners.split('\n'),
    docSlug,
    anchor,
    quote,
    category,
    ...(inferred !== null ? { inferred } : {}),
  };
}
