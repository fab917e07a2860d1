// partnerEventsQuoting finds a quoted sentence's oldest event from the quote index (one row per
// hash) and reads a hash's events in full only when the hash is shared by another wording: these
// cases are checked on a small library written here, against a scan of every event.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textKey } from '../core/candidates';
import { quoteHash } from '../core/eventRanks';
import { LibraryCandidates } from './libraryCandidates';

/** Two different wordings (their own text keys) with the same quoteHash: the first pair found, always the same. */
let colliding: [string, string] | undefined;
function collidingWordings(): [string, string] {
  return (colliding ??= findColliding());
}
function findColliding(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const key = `albania and the partner signed agreement ${i}`;
    const h = quoteHash(key);
    const other = seen.get(h);
    if (other !== undefined) return [other, key];
    seen.set(h, key);
  }
}

let db: Database.Database;
let ord = 0;

/** An event of `partner` quoting `quote`, later in the chronology than every one before it. */
function addEvent(partner: string, quote: string): number {
  ord += 1;
  db.prepare(
    `INSERT INTO events (ord, id, date, precision, end_date, category, partners, doc_slug, anchor, summary, quote, date_note)
     VALUES (?, ?, ?, 'year', NULL, 'other', ?, 'doc', 'lead', 'summary', ?, NULL)`,
  ).run(ord, `e${ord}`, `${1900 + ord}`, partner, quote);
  db.prepare('INSERT INTO partner_events (partner_id, event_ord, importance, score, quote_hash) VALUES (?, ?, 0, 0, ?)').run(partner, ord, quoteHash(textKey(quote)));
  return ord;
}

/** What partnerEventsQuoting answers, by a scan of every event of the partner, oldest first. */
function scanned(partner: string, keys: readonly string[]): Map<string, number> {
  const rows = db.prepare('SELECT e.ord, e.quote FROM partner_events pe JOIN events e ON e.ord = pe.event_ord WHERE pe.partner_id = ? ORDER BY e.ord').all(partner) as { ord: number; quote: string }[];
  const out = new Map<string, number>();
  for (const r of rows) {
    const k = textKey(r.quote);
    if (keys.includes(k) && !out.has(k)) out.set(k, r.ord);
  }
  return out;
}

const asked = (partner: string, keys: readonly string[]) => new Map([...new LibraryCandidates(db).partnerEventsQuoting(partner, keys)].map(([k, r]) => [k, r.ord]));

beforeEach(() => {
  db = new Database(':memory:');
  db.exec(`
    CREATE TABLE events (ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, date TEXT NOT NULL, precision TEXT NOT NULL, end_date TEXT,
      category TEXT NOT NULL, partners TEXT NOT NULL, doc_slug TEXT NOT NULL, anchor TEXT NOT NULL, summary TEXT NOT NULL, quote TEXT NOT NULL, date_note TEXT);
    CREATE TABLE partner_events (partner_id TEXT NOT NULL, event_ord INTEGER NOT NULL, importance INTEGER NOT NULL, score INTEGER NOT NULL,
      quote_hash INTEGER NOT NULL, PRIMARY KEY (partner_id, event_ord)) WITHOUT ROWID;
    CREATE INDEX partner_events_by_quote ON partner_events (partner_id, quote_hash, event_ord);`);
  ord = 0;
});
afterEach(() => db.close());

describe('partnerEventsQuoting: the oldest event quoting each wording', () => {
  it('gives the oldest of the events quoting a wording, whatever its spacing and case, and only the partner’s', () => {
    addEvent('greece', 'Relations were established in 1971.');
    const first = addEvent('turkey', 'Relations were established in 1923.');
    addEvent('turkey', 'relations  were established in 1923');
    addEvent('turkey', 'Another sentence.');
    const keys = [textKey('Relations were established in 1923.'), textKey('Relations were established in 1971.'), textKey('Never quoted.')];
    expect(asked('turkey', keys)).toEqual(new Map([[keys[0]!, first]]));
    expect(asked('turkey', keys)).toEqual(scanned('turkey', keys));
  });

  it('finds a wording whose hash another, older, wording shares', () => {
    const [a, b] = collidingWordings();
    expect(quoteHash(a)).toBe(quoteHash(b));
    addEvent('turkey', a); // the oldest event of the hash quotes the other wording
    const mine = addEvent('turkey', b);
    addEvent('turkey', b);
    expect(asked('turkey', [b])).toEqual(new Map([[b, mine]]));
    expect(asked('turkey', [a, b])).toEqual(scanned('turkey', [a, b]));
    expect(asked('turkey', [a, b]).size).toBe(2);
  });

  it('gives nothing for a wording only a colliding one is quoted in', () => {
    const [a, b] = collidingWordings();
    addEvent('turkey', a);
    expect(asked('turkey', [b])).toEqual(new Map());
  });

  it('answers hundreds of wordings at once', () => {
    const quotes = Array.from({ length: 1200 }, (_, i) => `Sentence number ${i} about the partner.`);
    for (const q of quotes) addEvent('nato', q);
    for (const q of quotes.slice(0, 300)) addEvent('nato', q);
    const keys = quotes.filter((_, i) => i % 2 === 0).map(textKey);
    const found = asked('nato', keys);
    expect(found.size).toBe(600);
    expect(found).toEqual(scanned('nato', keys));
  });
});
