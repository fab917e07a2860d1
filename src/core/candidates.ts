// Which sentences of a document may fill a partner's comparison cells, and how relevant each is
// to each facet (issue 19). This was the comparison's query-time scan of every document concerning
// the partner (a third of the library for the EU at 5,000 documents); now the build runs it once
// per document (src/ingest/writeLibrary.ts → `candidates`), and compare.ts only ranks the stored
// rows. The rules are those the comparison always used:
//   - scope: `doc` = a document about the partner (not an overview, the partner first), `section`
//     = a section whose headings name the partner, `mention` = a block whose passage names it;
//   - a section headed by a reference list ("See also") is never classified;
//   - belongs(): every sentence of a document about the partner; in its section, sentences whose
//     main subject is not another country; elsewhere, sentences whose main subject is the partner.
// Scores leave out the date bonus: a sentence is dated when one of the partner's events quotes it,
// which depends on the whole library (and on the user's documents beside it), so the comparison
// adds it at query time and bounds it when it ranks (DATE_BONUS).
import type { Block, DeskDocument } from '../shared/types';
import { foldAccents } from '../shared/text';
import { splitSentences } from './sentences';
import { mentionsIn, partnerById, type PartnerDef } from './partners';
import { classifySentence, facetForHeadings, figuresIn, filingOf, isAgreementSentence, OTHER_SUBJECTS, topicFits, topicsOf, type Classification, type Figure, type FigureKind, type TopicFacet } from './facets';

/** The facets filled from classified sentences (the mini timeline comes from events). */
export type CandidateFacet = TopicFacet | 'agreements' | 'key-figures';

export const TOPIC_FACETS: readonly TopicFacet[] = ['relations', 'recognition', 'missions', 'envoys', 'memberships', 'security', 'economy', 'people', 'russia-ukraine'];

/** What a date adds to a candidate's score in each facet (not stored: see above). */
export const DATE_BONUS: Record<CandidateFacet, number> = {
  relations: 1, recognition: 1, missions: 1, envoys: 1, memberships: 1, security: 1, economy: 1, people: 1, 'russia-ukraine': 1,
  agreements: 2,
  'key-figures': 0,
};

export type Scope = 'doc' | 'section' | 'mention';

/** A sentence (or list item) that is a candidate for at least one partner. */
export interface CandidateSentence {
  anchor: string;
  blockId: string;
  text: string;
}

/** One sentence's place in one partner's facet. */
export interface CandidateRow {
  /** Index in the document's `sentences`. */
  sentence: number;
  partnerId: string;
  facet: CandidateFacet;
  /** Relevance without the date bonus. */
  score: number;
  /** Key figures: the figures the sentence states ("€1.2 million · 35 km"). */
  label?: string;
}

/** A stored candidate as the comparison reads it back (Library.partnerCandidates). */
export interface CandidateHit {
  /** Stored score: without the date bonus. */
  score: number;
  /** Reading order across the library (a combined library offsets the user's). */
  order: number;
  docSlug: string;
  anchor: string;
  blockId: string;
  text: string;
  label?: string;
}

/** Who the document's parts are about: resolved by the build (section_partners, passage_partners). */
export interface DocumentPartners {
  /** Partners of the library; only they have cells. */
  known: (partnerId: string) => boolean;
  /** Section anchor → partners its headings name. */
  headed: ReadonlyMap<string, ReadonlySet<string>>;
  /** Block id → partners a passage of it names. */
  named: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Every candidate sentence of the document, and its rows per partner and facet, in reading order. */
export function candidatesOf(doc: DeskDocument, who: DocumentPartners): { sentences: CandidateSentence[]; rows: CandidateRow[] } {
  const sentences: CandidateSentence[] = [];
  const rows: CandidateRow[] = [];
  const about = doc.kind !== 'overview' && doc.partners[0] !== undefined && who.known(doc.partners[0]) ? doc.partners[0] : null;
  const defs = new Map<string, { def: PartnerDef; names: string[] }>();
  const partner = (id: string) => {
    let p = defs.get(id);
    if (!p) {
      const def = partnerById(id);
      if (!def) return null;
      defs.set(id, (p = { def, names: [def.name, ...def.aliases, ...def.adjectives] }));
    }
    return p;
  };
  for (const section of doc.sections) {
    const headingFacet = facetForHeadings(section.path);
    if (headingFacet === null) continue; // a reference list: its facts come from extraction
    const headed = who.headed.get(section.anchor);
    for (const block of section.blocks) {
      const scopes = new Map<string, Scope>();
      if (about) scopes.set(about, 'doc');
      for (const id of headed ?? []) if (!scopes.has(id)) scopes.set(id, 'section');
      for (const id of who.named.get(block.id) ?? []) if (!scopes.has(id)) scopes.set(id, 'mention');
      if (scopes.size === 0) continue;
      for (const { unit, classifyOnly } of unitsOf(block)) {
        splitSentences(unit).forEach((text, i) => {
          const facts = new SentenceFacts(text);
          let at = -1;
          for (const [id, scope] of scopes) {
            const p = partner(id);
            if (!p || !belongs(text, facts.mentions, scope, id, p.def.kind)) continue;
            const found = rowsFor(facts, i === 0, scope, id, p.names, section.path, classifyOnly ? undefined : headingFacet);
            if (found.length === 0) continue;
            if (at < 0) at = sentences.push({ anchor: section.anchor, blockId: block.id, text }) - 1;
            for (const r of found) rows.push({ sentence: at, partnerId: id, ...r });
          }
        });
      }
    }
  }
  return { sentences, rows };
}

const FIGURE_WEIGHT: Record<FigureKind, number> = { amount: 3, percentage: 3, distance: 3, capacity: 2, count: 1 };

/** What a sentence says whichever partner it is filed for, worked out once (the build asks for each partner it may belong to). */
class SentenceFacts {
  readonly mentions: string[];
  private plain: Classification | undefined;
  private figureList: Figure[] | undefined;
  private agreement: boolean | undefined;
  constructor(readonly text: string) {
    this.mentions = mentionsIn(text).map((m) => m.id);
  }
  /** classifySentence(text, names): the partner's names are masked, which changes nothing when none is in the text. */
  classification(names: readonly string[]): Classification {
    if (names.some((n) => n && this.text.includes(n))) return classifySentence(this.text, names);
    return (this.plain ??= classifySentence(this.text));
  }
  get figures(): Figure[] {
    return (this.figureList ??= figuresIn(this.text));
  }
  get isAgreement(): boolean {
    return (this.agreement ??= isAgreementSentence(this.text));
  }
}

/** The facets one sentence fills for one partner, with its score in each (date bonus left out). */
function rowsFor(
  s: SentenceFacts,
  first: boolean,
  scope: Scope,
  partnerId: string,
  names: readonly string[],
  path: readonly string[],
  headingFacet: TopicFacet | undefined,
): Omit<CandidateRow, 'sentence' | 'partnerId'>[] {
  const { text, mentions } = s;
  const out: Omit<CandidateRow, 'sentence' | 'partnerId'>[] = [];
  const c = s.classification(names);
  const scores = new Map(c.scores);
  const filing = filingOf(text, mentions, partnerId, path);
  const hf = filing.byHeading ? headingFacet : undefined;
  // Named in passing elsewhere, or about another partner: only sentences the classifier is sure about (two cues).
  const strict = scope === 'mention' || !filing.byHeading;
  const topics = topicsOf(hf, c).filter((t) => (!strict || (scores.get(t) ?? 0) >= 2) && topicFits(t, text));
  const inScope = scope === 'mention' ? 0 : 2;
  const named = mentions.includes(partnerId) ? 1 : 0;
  for (const facet of topics) {
    // How relevant a sentence is to a topic facet: cue hits, heading, first in its paragraph, scope, explicit mention (+ its date).
    out.push({ facet, score: Math.min(3, scores.get(facet) ?? 0) + (hf === facet ? 2 : 0) + (first ? 1 : 0) + inScope + named });
  }
  if (s.isAgreement) out.push({ facet: 'agreements', score: inScope + named + (/\bsigned\b/i.test(text) ? 2 : 0) });
  const figures = s.figures;
  if (figures.length > 0) {
    out.push({ facet: 'key-figures', score: Math.min(6, figures.reduce((n, f) => n + FIGURE_WEIGHT[f.kind], 0)) + inScope, label: figures.map((f) => f.text).join(' · ') });
  }
  return out;
}

/**
 * A document about the partner: every sentence. A section headed by the partner: sentences whose
 * main subject is not another country (nor a region like "Arab countries"). Elsewhere: sentences
 * whose main subject is the partner (named most often, and first among equals).
 */
export function belongs(text: string, mentions: readonly string[], scope: Scope, partnerId: string, kind: PartnerDef['kind']): boolean {
  if (scope === 'doc') return true;
  // For a country, organisations named alongside it (NATO, the EU, the UN) do not compete.
  const rivals = kind === 'organisation' ? mentions : mentions.filter((m) => m === partnerId || partnerById(m)?.kind !== 'organisation');
  if (scope === 'section') {
    if (!mentions.includes(partnerId) && OTHER_SUBJECTS.some((re) => re.test(text))) return false;
    return rivals.every((m) => m === partnerId) || mainSubject(rivals) === partnerId;
  }
  return mainSubject(rivals) === partnerId;
}

/** The partner a sentence is mainly about: named most often, the first named among equals. */
export function mainSubject(mentions: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m, (counts.get(m) ?? 0) + 1);
  let best: string | null = null;
  for (const m of mentions) if (best === null || counts.get(m)! > counts.get(best)!) best = m;
  return best;
}

/** Paragraph text, list items, and long prose notes in table rows (never table values or infoboxes). */
export function unitsOf(block: Block): { unit: string; classifyOnly: boolean }[] {
  switch (block.type) {
    case 'paragraph':
      return [{ unit: block.text, classifyOnly: false }];
    case 'list':
      return block.items.map((unit) => ({ unit, classifyOnly: false }));
    case 'table':
      return block.rows.flatMap((r) =>
        r.cells.filter((c) => !c.gap && !/^See\b/.test(c.text) && c.text.split(/\s+/).length >= 8).map((c) => ({ unit: c.text, classifyOnly: true })),
      );
    default:
      return [];
  }
}

/** A quote's words, for "the same sentence": accents, case, bullets, spacing and the final stop do not count. */
export function textKey(text: string): string {
  // ASCII has nothing to fold (NFD/NFC leave it as it is): the common case skips two normalisations.
  return (ASCII.test(text) ? text : foldAccents(text)).toLowerCase().replace(/^[-•◇\s]+/, '').replace(/\s+/g, ' ').replace(/[.\s]+$/, '').trim();
}

const ASCII = /^[\x00-\x7f]*$/;
