// What a library's searcher reads of its passages (PassageSource): whole passages for a page of
// results, only the texts for reranking and phrase checks, the folded texts, and which passages
// name a partner. Statements are prepared once per chunk size (issue 19).
import type Database from 'better-sqlite3';
import type { Passage } from '../shared/types';
import type { FoldedWords } from '../search/foldedWords';
import type { PassageSource } from '../search/searcher';
import { parseStored } from './storedJson';

export interface PassageReads {
  /** Document titles by slug, read on the first page of results. */
  titles: () => Map<string, string>;
  folded: () => FoldedWords;
  /** Passage ids per partner, kept by the library between calls. */
  partnerPassages: Map<string, Set<string>>;
}

export function libraryPassages(db: Database.Database, reads: PassageReads): PassageSource {
  let titleMap: Map<string, string> | null = null;
  const titles = { get: (slug: string) => (titleMap ??= reads.titles()).get(slug) };
  // Prepared once per chunk size: a search reads 50 texts to rerank and a page of passages, and
  // preparing (and a partners query per row) cost more than the reads themselves (issue 19).
  const statements = new Map<string, Database.Statement>();
  const inChunks = <R>(sql: (marks: string) => string, ids: readonly string[], each: (rows: R[]) => void): void => {
    // Chunked to stay under SQLite's bound-parameter limit.
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const text = sql(chunk.map(() => '?').join(','));
      let st = statements.get(text);
      if (!st) statements.set(text, (st = db.prepare(text)));
      each(st.all(...chunk) as R[]);
    }
  };
  return {
    getPassages: (ids) => {
      const out = new Map<string, Passage>();
      if (ids.length === 0) return out;
      const partners = new Map<string, string[]>();
      inChunks<{ passage_id: string; name: string }>(
        (marks) => `SELECT pp.passage_id, p.name FROM passage_partners pp JOIN partners p ON p.id = pp.partner_id WHERE pp.passage_id IN (${marks}) ORDER BY p.name`,
        ids,
        (rows) => {
          for (const r of rows) partners.set(r.passage_id, [...(partners.get(r.passage_id) ?? []), r.name]);
        },
      );
      inChunks<{ id: string; doc_slug: string; anchor: string; block_id: string; path: string; text: string }>(
        (marks) => `SELECT id, doc_slug, anchor, block_id, path, text FROM passages WHERE id IN (${marks})`,
        ids,
        (rows) => {
          for (const r of rows) {
            out.set(r.id, {
              id: r.id,
              docSlug: r.doc_slug,
              docTitle: titles.get(r.doc_slug) ?? r.doc_slug,
              anchor: r.anchor,
              blockId: r.block_id,
              sectionPath: parseStored<string[]>(r.path, `passage "${r.id}"`),
              text: r.text,
              partners: partners.get(r.id) ?? [],
            });
          }
        },
      );
      return out;
    },
    getTexts: (ids) => {
      const out = new Map<string, string>();
      inChunks<{ id: string; text: string }>((marks) => `SELECT id, text FROM passages WHERE id IN (${marks})`, ids, (rows) => {
        for (const r of rows) out.set(r.id, r.text);
      });
      return out;
    },
    foldedTexts: () => reads.folded(),
    passageIdsForPartner: (partnerId) => {
      let ids = reads.partnerPassages.get(partnerId);
      if (!ids) {
        ids = new Set((db.prepare('SELECT passage_id FROM passage_partners WHERE partner_id = ?').all(partnerId) as { passage_id: string }[]).map((r) => r.passage_id));
        reads.partnerPassages.set(partnerId, ids);
      }
      return ids;
    },
  };
}
