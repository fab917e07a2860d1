// One document → the rows the library file stores for it (documents, sections, section_partners,
// passages with the partners they name) and what the search index reads of each passage. A pure
// function of the document and the library's partners: the build computes it in worker threads
// (buildWorker.ts) and the main thread only writes the rows, in library order (writeLibrary.ts).
// Anything else computed per document for the write step belongs here, so it runs there too.
import type { DeskDocument } from '../shared/types';
import { findPartnerMentions, partnerById } from '../core/partners';
import { passagesOf } from '../core/passages';
import { foldForMatch } from '../search/query';
import { passageId } from '../search/searcher';
import { sectionPartnersOf } from './sectionPartners';
import { documentCandidates, type DocumentCandidates } from './candidatesTable';

/** What every document's rows depend on: the library's partners (extraction.partners). */
export interface RowsContext {
  /** Partner id → display name, for the partners the library has. */
  partnerNames: ReadonlyMap<string, string>;
  /** partnerKeyMap(partners): what a heading naming a partner resolves to. */
  partnerKeys: ReadonlyMap<string, string>;
}

export interface PassageRow {
  id: string;
  anchor: string;
  blockId: string;
  sectionPath: string[];
  text: string;
  /** Partners the passage names (ids, then display names with aliases for the index, issue 13). */
  partnerIds: string[];
  partnerNames: string[];
  /** foldForMatch(text): the phrase checks' text (textBuffer.ts). */
  folded: string;
}

export interface DocumentRows {
  slug: string;
  title: string;
  kind: string;
  sourceFile: string;
  partners: string;
  /** The document without its sections, as JSON (documents.body). */
  body: string;
  /** [anchor, heading, level, path JSON, blocks JSON] per section, in order. */
  sections: [string, string, number, string, string][];
  sectionPartners: [string, string][];
  passages: PassageRow[];
  /** Table cells lost in the source. */
  gaps: number;
  /** Each partner's comparison candidates in this document (issue 19: filed and scored once, here). */
  candidates: DocumentCandidates;
}

export function documentRows(doc: DeskDocument, context: RowsContext, headingCache = new Map<string, string | null>()): DocumentRows {
  const sectionPartners = sectionPartnersOf(doc, context.partnerKeys, headingCache);
  const passages = passageRows(doc, context.partnerNames);
  return {
    slug: doc.slug,
    title: doc.title,
    kind: doc.kind,
    sourceFile: doc.sourceFile,
    partners: JSON.stringify(doc.partners),
    body: JSON.stringify({ ...doc, sections: [] }),
    sections: doc.sections.map((s) => [s.anchor, s.heading, s.level, JSON.stringify(s.path), JSON.stringify(s.blocks)]),
    sectionPartners,
    passages,
    gaps: doc.sections.reduce((m, s) => m + s.blocks.reduce((k, b) => k + (b.type === 'table' && b.gaps ? b.gaps.missingCells : 0), 0), 0),
    candidates: documentCandidates(doc, sectionPartners, passages, (id) => context.partnerNames.has(id)),
  };
}

/** The document's passages, each tagged with the library's partners it names (names and aliases, issue 13). */
export function passageRows(doc: DeskDocument, partnerNames: ReadonlyMap<string, string>): PassageRow[] {
  return passagesOf(doc).map((raw, n) => {
    const partnerIds = findPartnerMentions(`${raw.sectionPath.join(' ')}\n${raw.text}`).filter((id) => partnerNames.has(id));
    return {
      id: passageId(doc.slug, n),
      anchor: raw.anchor,
      blockId: raw.blockId,
      sectionPath: raw.sectionPath,
      text: raw.text,
      partnerIds,
      partnerNames: partnerIds.flatMap((id) => [partnerNames.get(id)!, ...(partnerById(id)?.aliases ?? [])]),
      folded: foldForMatch(raw.text),
    };
  });
}
