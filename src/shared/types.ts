// Data shapes shared by ingest, services, transports and the renderer.
// Everything here is plain JSON: it crosses IPC, HTTP and the CLI unchanged.
// One file on purpose: with api.ts it is the contract, read as one vocabulary (a comparison cell
// and a briefing item are made of the same DateValue, SourceRef and Partner); the sections below
// (dates, documents, partners, timeline events, search, comparison, briefing) are its domains.
import type { DocumentOrigin } from './userDocuments';

/** How precisely a date is known. A year is never shown as a day. */
export type Precision = 'day' | 'month' | 'year' | 'decade' | 'range';

/**
 * A date as the source states it. `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`;
 * for `decade` and `range`, `date` is the start and `end` the last year/month/day covered.
 */
export interface DateValue {
  date: string;
  precision: Precision;
  end?: string;
  /** The words in the source this date was read from, e.g. "the following day". */
  text: string;
  /**
   * Set when the source does not state the year (or the date) itself and it was taken from the
   * context: 'year inferred from the paragraph ("late February 2022")', 'counted from "17 February 2008" in the paragraph'.
   */
  inferred?: string;
}

export type DocKind = 'bilateral' | 'overview' | 'agreement';

export const DOC_KIND_LABELS: Record<DocKind, string> = {
  bilateral: 'Bilateral relations',
  overview: 'Overviews',
  agreement: 'Agreements and declarations',
};

/** One table cell. `gap` = the source lost this cell's content (e.g. a stripped flag template). */
export interface TableCell {
  text: string;
  gap?: true;
  /** Text recovered from elsewhere in the row (e.g. the partner name from "See Albania–Egypt relations"). */
  recovered?: true;
}

export interface TableRow {
  cells: TableCell[];
  /** A row like "Ratification by:" that heads the rows after it. */
  subheading?: true;
}

/** Summary of a table's lost content, so a reader can be told once instead of seeing blank rows. */
export interface TableGaps {
  /** Cells marked as gaps. */
  missingCells: number;
  /** Rows with at least one gap. */
  rowsWithGaps: number;
  /** Rows whose cells are all gaps except a running number or a single value. */
  emptyRows: number;
  /** Column headers whose cells are all gaps. */
  emptyColumns: string[];
  /** One sentence for the reader, e.g. "Country names were lost in the source (flag templates stripped) for 166 of 166 rows." */
  note: string;
}

export type Block =
  | { type: 'paragraph'; id: string; text: string; /** "12" for the numbered paragraph "12. …" of a PDF text */ number?: string }
  | { type: 'list'; id: string; style: 'bullet' | 'diamond' | 'numbered'; items: string[] }
  | { type: 'table'; id: string; header: string[]; rows: TableRow[]; gaps?: TableGaps }
  | { type: 'infobox'; id: string; fields: { key: string; value: string }[] }
  | { type: 'term'; id: string; text: string }
  | { type: 'seeAlso'; id: string; items: SeeAlsoItem[] };

export interface SeeAlsoItem {
  title: string;
  /** Slug of the document in this library with that title, or null when it is not in the library. */
  slug: string | null;
}

export interface Section {
  /** Stable within a document: derived from the heading path, de-duplicated with a suffix. */
  anchor: string;
  heading: string;
  /** 0 for the lead (text before the first heading), 2..4 for `==`..`====` / `##`..`####`. */
  level: number;
  /** Headings from the document's top down to this one, excluding the document title. */
  path: string[];
  blocks: Block[];
}

/** A problem found while reading a source file; the build reports every one. */
export interface IngestWarning {
  file: string;
  line?: number;
  code: string;
  message: string;
}

export interface DeskDocument {
  slug: string;
  title: string;
  kind: DocKind;
  sourceFile: string;
  /** Partner ids this document is about (e.g. ['kosovo']), most important first. */
  partners: string[];
  sections: Section[];
  /** Set on a document the user added: where it came from and when (issue 18). */
  added?: DocumentOrigin;
}

export interface DocumentSummary {
  slug: string;
  title: string;
  kind: DocKind;
  partners: string[];
  sections: number;
  passages: number;
  /** Set on a document the user added: where it came from and when (issue 18). */
  added?: DocumentOrigin;
}

export type PartnerKind = 'country' | 'organisation' | 'former-state';

export interface SourceRef {
  docSlug: string;
  anchor: string;
  /** The exact source sentence or table row. */
  quote: string;
}

export interface Mission {
  /** 'albania-in-partner' = Albania's mission to the partner; 'partner-in-albania' = the reverse. */
  direction: 'albania-in-partner' | 'partner-in-albania';
  kind: string; // embassy, honorary consulate, accredited from ...
  /** One spelling per place across the library (Pristina, not also Prishtina); see placeAsStated. */
  place: string;
  /** The place as this statement spells it, when that differs from `place` ("Prishtina", "Albania"). */
  placeAsStated?: string;
  source: SourceRef;
}

export interface Envoy {
  name: string;
  title: string;
  /** 'albania' for Albania's envoy, the partner id otherwise. */
  sends: string;
  from?: DateValue;
  to?: DateValue | 'incumbent';
  source: SourceRef;
}

export interface RelationDate {
  value: DateValue;
  source: SourceRef;
  /** What the date is when the source qualifies it: "de facto in 1971 de juro 21 March 1996" states two facts. */
  kind?: 'de facto' | 'de jure' | 're-established';
}

/** One dated step of a partner's relations, for lists that show more than the established date. */
export interface RelationStep {
  kind: 'established' | 'established de facto' | 'established de jure' | 're-established' | 'severed';
  value: DateValue;
}

export interface PartnerSummary {
  id: string;
  name: string;
  kind: PartnerKind;
  aliases: string[];
  established: DateValue | null;
  /** Slugs of documents that mention the partner. */
  documents: string[];
  /**
   * Set when there is more to say than one established date: de facto and de jure dates, a
   * re-establishment, a severance (Iran, 7 September 2022), oldest first.
   */
  relationSteps?: RelationStep[];
}

export interface Partner extends PartnerSummary {
  establishedSources: RelationDate[];
  severed: RelationDate[];
  recognition: RelationDate[];
  missions: Mission[];
  envoys: Envoy[];
  memberships: { name: string; value?: DateValue; source: SourceRef }[];
  /** Number of events in the timeline that involve the partner. */
  events: number;
}

/** What an event is about; one per event, read from its words and section headings (src/ingest/categories.ts). */
export type EventCategory = 'diplomatic' | 'accession' | 'security' | 'conflict' | 'economy' | 'people';

export const EVENT_CATEGORIES: readonly EventCategory[] = ['diplomatic', 'accession', 'security', 'conflict', 'economy', 'people'];

export const EVENT_CATEGORY_LABELS: Record<EventCategory, string> = {
  diplomatic: 'Diplomatic',
  accession: 'Accession and membership',
  security: 'Security and defence',
  conflict: 'Conflict',
  economy: 'Economy and infrastructure',
  people: 'People and culture',
};

export interface TimelineEvent {
  id: string;
  date: string;
  precision: Precision;
  end?: string;
  summary: string;
  /** Canonical partner names. */
  partners: string[];
  docSlug: string;
  anchor: string;
  quote: string;
  category: EventCategory;
  /** Set when the source does not state the event's year (or date) itself: the reason, as DateValue.inferred. */
  inferred?: string;
}

export const PRECISIONS: readonly Precision[] = ['day', 'month', 'year', 'decade', 'range'];

/**
 * What a cluster label counts an event as ("26 ratifications (countries not named in the source)"),
 * read from its summary at build time by eventKind() (src/shared/timelineFilter.ts).
 */
export type EventKind = 'ratification-unnamed' | 'ratification' | 'relations-unnamed' | 'relations' | 'term' | 'other';

export const EVENT_KINDS: readonly EventKind[] = ['ratification-unnamed', 'ratification', 'relations-unnamed', 'relations', 'term', 'other'];

/**
 * An event as the timeline places, filters, lanes and clusters it: no summary, quote or anchor
 * (`timelineEvents` gives those, for the few events on show). A TimelineEvent is one too.
 */
export interface TimelineMark {
  id: string;
  date: string;
  precision: Precision;
  end?: string;
  /** Canonical partner names. */
  partners: string[];
  docSlug: string;
  category: EventCategory;
  /** Set on marks from `timelineMarks`; a TimelineEvent has none and is classified from its summary. */
  kind?: EventKind;
}

/**
 * Every event of the library as a mark, column by column (issue 7: a fraction of the bytes and
 * of the parsing of TimelineEvent[] at 177,000 events). Entry i of each column belongs to the
 * event at position i of the chronology, oldest first; `timelineMatch` answers with positions.
 * Repeated values are indexes into the small tables. expandMarks() (src/shared/timelineMarks.ts)
 * turns this into TimelineMark[].
 */
export interface TimelineMarks {
  /** The library the positions belong to (a `timelineMatch` answer carries the same). */
  corpusHash: string;
  count: number;
  ids: string[];
  dates: string[];
  /** Index into PRECISIONS. */
  precisions: number[];
  /** [position, end date] for the events that have an end date (decades, periods). */
  ends: [number, string][];
  /** Index into EVENT_CATEGORIES. */
  categories: number[];
  /** Index into EVENT_KINDS. */
  kinds: number[];
  /** Index into docSlugs. */
  docs: number[];
  docSlugs: string[];
  /** Index into partnerSets: each event's partner names. */
  partners: number[];
  partnerSets: string[][];
}

/** The positions (in TimelineMarks order) of the events that match a filter, ascending. */
export interface TimelineMatch {
  corpusHash: string;
  positions: number[];
}

export interface Passage {
  id: string;
  docSlug: string;
  docTitle: string;
  anchor: string;
  /** Id of the block (paragraph, list, table…) the passage comes from, for scrolling to it. */
  blockId: string;
  sectionPath: string[];
  text: string;
  partners: string[];
}

export interface SearchHit {
  passageId: string;
  docSlug: string;
  docTitle: string;
  sectionPath: string[];
  anchor: string;
  /** Id of the block the passage comes from (the reader scrolls to it). */
  blockId: string;
  snippet: string;
  /** [start, end) offsets into `snippet`. */
  highlights: [number, number][];
  score: number;
  /** Set on a partial match: the query's words (or its phrase) this passage does not have as typed. */
  partial?: string[];
}

export interface SearchResponse {
  query: string;
  total: number;
  results: SearchHit[];
  /** Set when the query could not be used as typed and was read differently (e.g. stray syntax). */
  notice?: string;
  /** A query likely to find something when this one found nothing. */
  suggestion?: string;
  /** Words of the query that no passage has as typed ("Mobility"); the hits shown are partial matches. */
  missingWords?: string[];
}

export interface LibraryInfo {
  schemaVersion: number;
  corpusHash: string;
  builtAt: string;
  counts: {
    documents: number;
    sections: number;
    passages: number;
    partners: number;
    events: number;
    gaps: number;
  };
}

// --- Comparison (side-by-side view of 2–4 partners) -------------------------------------------

/** The rows of a comparison, in display order. */
export const FACET_IDS = [
  'relations',
  'recognition',
  'missions',
  'envoys',
  'memberships',
  'agreements',
  'security',
  'economy',
  'people',
  'russia-ukraine',
  'key-figures',
  'timeline',
] as const;

export type FacetId = (typeof FACET_IDS)[number];

/** What a cell with no entries says (the UI and the CLI print it; never an empty cell). */
export const NOT_STATED = 'not stated in this library';

/** One statement in a comparison cell, quoted from the source with a link to its section. */
export interface FacetEntry {
  /** Exact source wording: a sentence, a list item, an infobox value, or a table row's cells joined by " — ". */
  text: string;
  docSlug: string;
  /** Section anchor in that document. */
  anchor: string;
  /** Block (paragraph, list, table) the text is in, for scrolling to it. */
  blockId?: string;
  /** What the entry is, when the data says so: "Partnership for Peace", "Albania's mission in Kosovo", "€700 million". */
  label?: string;
  /** The date the entry states, as precisely as the source gives it. */
  date?: DateValue;
  /** Other places in the library that state the same thing: the first few, best first (a fact is cited, not listed). */
  alsoIn?: SourceRef[];
  /** How many more places state it, counted but not cited (a large library states a fact hundreds of times). */
  alsoInMore?: number;
  /** Set when another source disagrees; a short sentence saying what the other source states. */
  sourcesDiffer?: string;
  /** The entry in a few words, where the extracted fact gives them: "embassy in Prishtina", "Qemal Minxhozi". */
  short?: string;
}

export interface ComparisonPartner {
  id: string;
  name: string;
  kind: PartnerKind;
}

export interface ComparisonFacet {
  id: FacetId;
  label: string;
  /** Keyed by partner id; an empty array means NOT_STATED. */
  cells: Record<string, FacetEntry[]>;
  /** Per partner id: entries left out of the capped cell, when any were (timeline: the partner's other dated events). */
  more?: Record<string, number>;
}

export interface Comparison {
  /** In the order they were asked for. */
  partners: ComparisonPartner[];
  /** Every facet, in FacetId order, each with a cell for every partner. */
  facets: ComparisonFacet[];
}

// --- Briefing sheet (a printable one- to three-page summary of 1–4 partners) -------------------

export type PaperSize = 'a4' | 'letter';

/** The footer line of every printed briefing page. */
export const BRIEFING_FOOTER_NOTE = 'prepared offline from the Relations Desk library';

/** One entry of the sheet's numbered sources list. */
export interface BriefingSource {
  /** 1-based number the sheet cites as [n]. */
  n: number;
  docSlug: string;
  docTitle: string;
  anchor: string;
  /** Headings down to the section; empty for a document's introduction. */
  sectionPath: string[];
}

/** A quoted statement on the sheet: a key fact, a timeline event or a passage. */
export interface BriefingItem {
  /** Stable across builds of the same corpus: what `pinned` and `exclude` name. A pinned passage keeps its passage id. */
  id: string;
  /** Exact source wording (possibly shortened with "…"); for a timeline event, its summary. */
  text: string;
  /** What the entry is: "Relations established", "Albania in Kosovo", "Partnership for Peace". */
  label?: string;
  date?: DateValue;
  /** The number of its entry in `BriefingSheet.sources`. */
  source: number;
  /** Other sources stating the same fact (FacetEntry.alsoIn), by number: one entry citing all of them. */
  alsoSources?: number[];
  /** How many more sources state it, not numbered (FacetEntry.alsoInMore). */
  alsoMore?: number;
  pinned?: true;
  sourcesDiffer?: string;
  /**
   * A timeline event's rank among the partner's events on the sheet, 1 the most important: a
   * sheet shortened to fit its pages leaves the highest numbers off first. Not on pinned items.
   */
  importance?: number;
}

/** A row of the sheet: a facet, with one cell per partner id. */
export interface BriefingRow {
  id: FacetId | 'pinned';
  label: string;
  cells: Record<string, BriefingItem[]>;
  /** Per partner id: entries of the comparison left off the sheet to keep it short. */
  more?: Record<string, number>;
}

export interface BriefingSheet {
  /** One partner: a sheet of sections; 2–4: facets as rows, partners as columns. */
  layout: 'single' | 'side-by-side';
  /** "Albania–Kosovo: briefing" */
  title: string;
  /** YYYY-MM-DD, the day it was prepared. */
  date: string;
  partners: ComparisonPartner[];
  /** The library it was prepared from: short corpus hash and build date, e.g. "corpus 3f9a2c1b0d4e · built 2026-01-01". */
  corpus: { hash: string; builtAt: string; label: string };
  /** Relations, recognition, missions, envoys, memberships: the extracted facts, each quoted. */
  facts: BriefingRow[];
  /** Per partner id: the most important dated events, oldest first. */
  timeline: Record<string, BriefingItem[]>;
  /** Key passages by facet, in `facetOrder`; rows with nothing for any partner are left out. */
  facets: BriefingRow[];
  /** Every topic facet in the order used (the requested order, then the rest). */
  facetOrder: FacetId[];
  sources: BriefingSource[];
  /** Pinned or excluded ids that matched nothing on this sheet. */
  unknownIds: string[];
  /** The reader's own notes pinned onto the sheet (`note:<id>` in `pinned`), with their quotes. */
  notes?: BriefingNote[];
}

export interface BriefingNote {
  id: string;
  quote: string;
  body: string;
  /** "Albania–Kosovo relations › History" */
  citation: string;
  /** Set when the passage has changed since the note was made (the quote is the text it was made on). */
  changed?: true;
}
