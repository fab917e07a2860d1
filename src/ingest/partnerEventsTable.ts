// Each partner's events ranked once at build time (issue 19): the comparison's mini timeline and
// the briefing's short timeline read a partner's best few events, and a quoted sentence's date
// is looked up by its wording, instead of reading all of a partner's events (7,000 for the EU
// at 5,000 documents) per request. Read back from the events and documents already written, so
// it follows their order (events.ord) whatever wrote them; held as typed arrays, not objects.
import type Database from 'better-sqlite3';
import type { TimelineEvent } from '../shared/types';
import { textKey } from '../core/candidates';
import { eventImportance, eventScore, quoteHash } from '../core/eventRanks';

/** Writes partner_events from events, event_partners and documents (inside the caller's transaction). */
export function writePartnerEvents(db: Database.Database): void {
  const firstPartner = new Map<string, string | null>();
  for (const [slug, kind, partners] of db.prepare('SELECT slug, kind, partners FROM documents').raw(true).iterate() as IterableIterator<[string, string, string]>) {
    firstPartner.set(slug, kind === 'overview' ? null : ((JSON.parse(partners) as string[])[0] ?? null));
  }
  const count = db.prepare('SELECT count(*) FROM events').pluck().get() as number;
  // Both ranks add 1 for a document about the partner and nothing else depends on the partner.
  const importance = new Int32Array(count);
  const score = new Int32Array(count);
  const hash = new Int32Array(count);
  const docOf: (string | null)[] = new Array<string | null>(count).fill(null);
  const events = db.prepare('SELECT ord, summary, quote, precision, category, partners, doc_slug FROM events').raw(true).iterate() as IterableIterator<
    [number, string, string, TimelineEvent['precision'], TimelineEvent['category'], string, string]
  >;
  for (const [ord, summary, quote, precision, category, names, docSlug] of events) {
    const e = { summary, quote, precision, category, partners: names === '' ? [] : names.split('\n') };
    importance[ord] = eventImportance(e, false);
    score[ord] = eventScore(e, false);
    hash[ord] = quoteHash(textKey(quote));
    docOf[ord] = firstPartner.get(docSlug) ?? null;
  }
  const ins = db.prepare('INSERT INTO partner_events (partner_id, event_ord, importance, score, quote_hash) VALUES (?,?,?,?,?)');
  const ordsOf = db.prepare('SELECT e.ord FROM event_partners ep JOIN events e ON e.id = ep.event_id WHERE ep.partner_id = ? ORDER BY e.ord').pluck();
  const partners = db.prepare('SELECT DISTINCT partner_id FROM event_partners').pluck().all() as string[];
  for (const id of partners) {
    for (const ord of ordsOf.all(id) as number[]) {
      const about = docOf[ord] === id ? 1 : 0;
      ins.run(id, ord, importance[ord]! + about, score[ord]! + about, hash[ord]!);
    }
  }
}
