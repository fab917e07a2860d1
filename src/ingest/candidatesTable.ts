// Writes each document's comparison candidates (src/core/candidates.ts) as it is written: the
// sentences once, their distinct wordings (text keys) once, and a row per partner and facet.
// Sentence ids follow the order documents are added in, which is the library's reading order.
import type Database from 'better-sqlite3';
import type { DeskDocument } from '../shared/types';
import { candidatesOf, textKey, type CandidateRow, type CandidateSentence } from '../core/candidates';

/** One document's candidates: computed with its other rows (documentRows.ts, in a worker), written here. */
export interface DocumentCandidates {
  sentences: CandidateSentence[];
  /** textKey of each sentence (its wording), computed beside it. */
  keys: string[];
  rows: CandidateRow[];
}

/**
 * `headed`: [partner, anchor] of the document's sections headed by a partner (sectionPartnersOf);
 * `passages`: the document's passages with the partners each names (as passage_partners has them);
 * `known`: the library's partners.
 */
export function documentCandidates(
  doc: DeskDocument,
  headed: readonly (readonly [string, string])[],
  passages: readonly { blockId: string; partnerIds: readonly string[] }[],
  known: (id: string) => boolean,
): DocumentCandidates {
  const byAnchor = new Map<string, Set<string>>();
  for (const [id, anchor] of headed) byAnchor.set(anchor, (byAnchor.get(anchor) ?? new Set()).add(id));
  const byBlock = new Map<string, Set<string>>();
  for (const p of passages) for (const id of p.partnerIds) byBlock.set(p.blockId, (byBlock.get(p.blockId) ?? new Set()).add(id));
  const { sentences, rows } = candidatesOf(doc, { known, headed: byAnchor, named: byBlock });
  return { sentences, keys: sentences.map((c) => textKey(c.text)), rows };
}

export class CandidatesWriter {
  private readonly insSentence;
  private readonly insKey;
  private readonly insRow;
  private readonly keyId;
  private nextSentence = 1;
  private nextKey = 1;

  constructor(db: Database.Database) {
    this.insSentence = db.prepare('INSERT INTO candidate_sentences (id, doc_slug, anchor, block_id, text) VALUES (?,?,?,?,?)');
    this.keyId = db.prepare('SELECT id FROM candidate_keys WHERE key = ?').pluck();
    this.insKey = db.prepare('INSERT INTO candidate_keys (key, id) VALUES (?,?)');
    this.insRow = db.prepare('INSERT INTO candidates (partner_id, facet, score, sentence_id, key_id, label) VALUES (?,?,?,?,?,?)');
  }

  /** The next document's candidates (library order: sentence ids follow it). */
  write(docSlug: string, { sentences, keys, rows }: DocumentCandidates): void {
    const ids: number[] = [];
    const keyIds: number[] = [];
    for (const [i, s] of sentences.entries()) {
      const id = this.nextSentence++;
      this.insSentence.run(id, docSlug, s.anchor, s.blockId, s.text);
      const key = keys[i]!;
      // Looked up in the file, not held in a map: the build's memory stays flat (issue 19).
      let k = this.keyId.get(key) as number | undefined;
      if (k === undefined) this.insKey.run(key, (k = this.nextKey++));
      ids.push(id);
      keyIds.push(k);
    }
    for (const r of rows) this.insRow.run(r.partnerId, r.facet, r.score, ids[r.sentence]!, keyIds[r.sentence]!, r.label ?? null);
  }
}
