// The events table and the timeline's marks and texts (issue 7: the timeline at 177,000 events).
// Events are stored column by column in chronological order (`ord`). The marks the timeline view
// draws from are encoded once here, as one JSON value, so that opening the view reads one row
// instead of every event (~1 s of CPU at 177,000); the texts its word filter searches are one
// buffer (src/search/textBuffer.ts).
import type Database from 'better-sqlite3';
import type { TimelineEvent } from '../shared/types';
import { eventHaystack, eventKind } from '../shared/timelineFilter';
import { MarksEncoder } from '../shared/timelineMarks';
import { TextStreamEncoder } from './encodeTextStream';

export const eventDateKey = (e: TimelineEvent): string => e.date.padEnd(10, '-');

/** Date, then document order, then extraction order: a stable chronology (ASCII, so SQLite sorts keys the same way). */
export function eventSortKey(e: TimelineEvent, docOrder: number, i: number): string {
  return `${eventDateKey(e)}|${String(docOrder).padStart(6, '0')}|${String(i).padStart(8, '0')}`;
}

/** Events in eventSortKey order; `docOrder`: each document's place in the library. */
export function* sortedEvents(events: readonly TimelineEvent[], docOrder: ReadonlyMap<string, number>): Generator<TimelineEvent> {
  const keyed = events.map((e, i) => ({ e, key: eventSortKey(e, docOrder.get(e.docSlug) ?? 0, i) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { e } of keyed) yield e;
}

/** Writes events, event_partners and timeline (inside the caller's transaction), `events` in eventSortKey order. */
export function writeSortedEvents(db: Database.Database, events: Iterable<TimelineEvent>, partnerIdByName: ReadonlyMap<string, string>): void {
  const insEvent = db.prepare(
    `INSERT INTO events (ord, id, date, precision, end_date, year_from, year_to, category, partners, doc_slug, anchor, summary, quote, date_note)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insEventPartner = db.prepare('INSERT OR IGNORE INTO event_partners (event_id, partner_id) VALUES (?, ?)');
  const marks = new MarksEncoder();
  // Each event's text written and dropped at once: an array of 177,000 of them was the build's peak (issue 19).
  const texts = new TextStreamEncoder();
  let ord = 0;
  for (const e of events) {
    const yearFrom = Number(e.date.slice(0, 4));
    const yearTo = Number((e.end ?? e.date).slice(0, 4));
    insEvent.run(ord++, e.id, e.date, e.precision, e.end ?? null, yearFrom, yearTo, e.category, e.partners.join('\n'), e.docSlug, e.anchor, e.summary, e.quote, e.inferred ?? null);
    for (const name of e.partners) {
      const id = partnerIdByName.get(name);
      if (id) insEventPartner.run(e.id, id);
    }
    marks.add(e, eventKind(e.summary));
    texts.add(eventHaystack(e));
  }
  const encoded = texts.finish();
  db.prepare('INSERT INTO timeline (id, marks, texts, text_ends) VALUES (1, ?, ?, ?)').run(JSON.stringify(marks.finish()), encoded.bytes, encoded.ends);
}
