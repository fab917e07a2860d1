// A library's build-time comparison tables read back (issue 19): each partner's candidate
// sentences per facet (candidates, candidate_sentences, candidate_keys) and its ranked events
// (partner_events). compare.ts and briefing.ts ask these through Library (and CombinedLibrary).
import type Database from 'better-sqlite3';
import { textKey, type CandidateFacet, type CandidateHit } from '../core/candidates';
import { quoteHash, type RankedEvent } from '../core/eventRanks';
import { EVENT_COLUMNS, eventOf, type EventRow } from './libraryTimeline';

export class LibraryCandidates {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /**
   * A partner's comparison candidates for one facet (build-time table `candidates`): the best
   * `limit` by stored score, then reading order. `order` is the sentence's place in the library.
   */
  partnerCandidates(partnerId: string, facet: CandidateFacet, limit: number): CandidateHit[] {
    const rows = this
      .prepared(
        `SELECT c.score, c.sentence_id, c.label, s.doc_slug, s.anchor, s.block_id, s.text FROM candidates c
         JOIN candidate_sentences s ON s.id = c.sentence_id
         WHERE c.partner_id = ? AND c.facet = ? ORDER BY c.score DESC, c.sentence_id LIMIT ?`,
      )
      .raw(true)
      .all(partnerId, facet, limit) as [number, number, string | null, string, string, string, string][];
    return rows.map(([score, order, label, docSlug, anchor, blockId, text]) => ({ score, order, docSlug, anchor, blockId, text, ...(label !== null ? { label } : {}) }));
  }

  /** How many distinct wordings (text keys) a partner's candidates for the facet have. */
  candidateKeyCount(partnerId: string, facet: CandidateFacet): number {
    return this.prepared('SELECT count(DISTINCT key_id) FROM candidates WHERE partner_id = ? AND facet = ?').pluck().get(partnerId, facet) as number;
  }

  /** The wordings among `keys` (every one, when absent) that the partner's candidates for the facet have. */
  candidateKeys(partnerId: string, facet: CandidateFacet, keys?: readonly string[]): string[] {
    if (keys === undefined) {
      const texts = this
        .prepared('SELECT s.text FROM candidates c JOIN candidate_sentences s ON s.id = c.sentence_id WHERE c.partner_id = ? AND c.facet = ?')
        .pluck()
        .all(partnerId, facet) as string[];
      return [...new Set(texts.map(textKey))];
    }
    // One statement for any number of wordings (was one per chunk of 500, prepared each time: issue 19).
    return this.prepared(
      `SELECT k.key FROM candidate_keys k WHERE k.key IN (SELECT value FROM json_each(?))
       AND EXISTS (SELECT 1 FROM candidates c WHERE c.partner_id = ? AND c.facet = ? AND c.key_id = k.id)`,
    )
      .pluck()
      .all(JSON.stringify(keys), partnerId, facet) as string[];
  }

  /** How many events a partner has (its timeline's length), from the build-time ranks. */
  partnerEventCount(partnerId: string): number {
    return this.prepared('SELECT count(*) FROM partner_events WHERE partner_id = ?').pluck().get(partnerId) as number;
  }

  /** A partner's first `limit` events by a build-time rank (compare's importance, the briefing's score), then oldest first. */
  partnerEventsRanked(partnerId: string, by: 'importance' | 'score', limit: number): RankedEvent[] {
    const column = by === 'importance' ? 'importance' : 'score';
    return this.rankedEvents(`pe.partner_id = ? ORDER BY pe.${column} DESC, pe.event_ord LIMIT ?`, column, [partnerId, limit]);
  }

  /** For each wording (textKey) that one of the partner's events quotes: the oldest such event. */
  partnerEventsQuoting(partnerId: string, keys: readonly string[]): Map<string, RankedEvent> {
    const wanted = new Map<number, Set<string>>();
    for (const k of keys) {
      const h = quoteHash(k);
      const same = wanted.get(h);
      if (same) same.add(k);
      else wanted.set(h, new Set([k]));
    }
    const out = new Map<string, RankedEvent>();
    // The oldest event of each hash, from the index alone (a sentence a synthetic library repeats in
    // hundreds of documents is quoted by hundreds of events, and reading them all was a tenth of a
    // comparison: issue 19). The hash found it; the wording decides.
    const oldest = this.prepared(
      `SELECT pe.quote_hash, min(pe.event_ord) FROM partner_events pe
       WHERE pe.partner_id = ? AND pe.quote_hash IN (SELECT value FROM json_each(?)) GROUP BY pe.quote_hash`,
    )
      .raw(true)
      .all(partnerId, JSON.stringify([...wanted.keys()])) as [number, number][];
    const firsts = this.rankedEvents(`pe.partner_id = ? AND pe.event_ord IN (SELECT value FROM json_each(?))`, 'score', [partnerId, JSON.stringify(oldest.map(([, ord]) => ord))]);
    const unsettled: number[] = [];
    for (const r of firsts) {
      const key = textKey(r.event.quote);
      const h = quoteHash(key); // = its quote_hash
      const same = wanted.get(h)!;
      if (same.has(key)) out.set(key, r);
      // Another wording with the same hash (rare): that hash's events are read in full, oldest first.
      if (same.size > 1 || !same.has(key)) unsettled.push(h);
    }
    if (unsettled.length > 0) {
      const rows = this.rankedEvents(`pe.partner_id = ? AND pe.quote_hash IN (SELECT value FROM json_each(?)) ORDER BY pe.event_ord`, 'score', [partnerId, JSON.stringify([...new Set(unsettled)])]);
      for (const r of rows) {
        const key = textKey(r.event.quote);
        if (wanted.get(quoteHash(key))?.has(key) && !out.has(key)) out.set(key, r);
      }
    }
    return out;
  }

  /** Those of `ids` that are the partner's events, oldest first. */
  partnerEventsAmong(partnerId: string, ids: readonly string[]): RankedEvent[] {
    const out: RankedEvent[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      out.push(...this.rankedEvents(`pe.partner_id = ? AND e.id IN (${chunk.map(() => '?').join(',')})`, 'score', [partnerId, ...chunk]));
    }
    return out.sort((a, b) => a.ord - b.ord);
  }

  private rankedEvents(where: string, rank: 'importance' | 'score', args: (string | number)[]): RankedEvent[] {
    const rows = this
      .prepared(`SELECT ${EVENT_COLUMNS}, e.ord, pe.${rank} FROM partner_events pe JOIN events e ON e.ord = pe.event_ord WHERE ${where}`)
      .raw(true)
      .all(...args) as [...EventRow, number, number][];
    return rows.map((r) => ({ event: eventOf(r.slice(0, -2) as EventRow), ord: r[r.length - 2] as number, rank: r[r.length - 1] as number, lib: 0 }));
  }

  /** A statement prepared once: a comparison asks the same few queries hundreds of times. */
  private prepared(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }
}
