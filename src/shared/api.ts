// The one contract between the data and every screen. Each method takes one plain params
// object and resolves to plain JSON; every failure is a DeskError with a code from ErrorCode.
// Transports (Electron IPC, the browser edition's HTTP, the CLI) convert errors once, at the edge.
// One file on purpose: it is the contract, read as a whole (every method with its params, errors
// and limits); the data shapes it returns are in types.ts.
import type {
  BriefingSheet,
  Comparison,
  DeskDocument,
  DocumentSummary,
  EventCategory,
  FacetId,
  LibraryInfo,
  Partner,
  PartnerSummary,
  SearchResponse,
  TimelineEvent,
  TimelineMarks,
  TimelineMatch,
} from './types';
import { sqliteCodeOf, storageErrorShape } from './storageErrors';

export interface SearchParams {
  query: string;
  /** 1..200, default 20 */
  limit?: number;
  /** Only passages from this document. */
  docSlug?: string;
  /** Only passages that name this partner (id, name or alias). */
  partner?: string;
  /** Only the documents the user added. */
  mine?: boolean;
}

export interface TimelineParams {
  /** Partner id, name or alias. */
  partner?: string;
  docSlug?: string;
  /** Inclusive years. */
  from?: number;
  to?: number;
  /** Only events in any of these categories. */
  category?: EventCategory[];
  /** Only events whose summary, quote or partners contain every word (accents and case ignored). */
  text?: string;
}

/** At most this many events per `timeline` page. */
export const MAX_TIMELINE_PAGE = 1000;
export const DEFAULT_TIMELINE_PAGE = 200;

export interface TimelinePageParams extends TimelineParams {
  /** Matching events to skip, oldest first; default 0. */
  offset?: number;
  /** 1..MAX_TIMELINE_PAGE, default DEFAULT_TIMELINE_PAGE. */
  limit?: number;
}

/** A page of the matching events, oldest first (issue 19: a page costs what it shows, not the library's 177,000 events). */
export interface TimelinePage {
  /** The library the page is from: a pager that sees it change starts again. */
  corpusHash: string;
  /** How many events match the filters in all. */
  total: number;
  offset: number;
  events: TimelineEvent[];
}

/** At most this many ids per `timelineEvents` call. */
export const MAX_TIMELINE_EVENTS = 500;

export interface CompareParams {
  /** 2 to 4 partner ids, names or aliases (any spelling), each a different partner. */
  partners: string[];
}

export interface BriefingParams {
  /** 1 partner: a single sheet; 2 to 4: a side-by-side sheet (ids, names or aliases). */
  partners: string[];
  /** Item ids (BriefingItem.id) or passage ids (SearchHit.passageId) to force onto the sheet; `note:<id>` pins one of the reader's notes. */
  pinned?: string[];
  /** Item ids to leave off. */
  exclude?: string[];
  /** Topic facets in the order the sheet shows them; the rest follow in the usual order. */
  facetOrder?: FacetId[];
  /** YYYY-MM-DD printed on the sheet; today by default. */
  date?: string;
}

export interface DeskApi {
  info(params?: Record<string, never>): Promise<LibraryInfo>;
  listDocuments(params?: Record<string, never>): Promise<DocumentSummary[]>;
  getDocument(params: { slug: string }): Promise<DeskDocument>;
  /** `count` sections (1..MAX_DOCUMENT_PART, default 50) from `from`, or the part holding `anchor`: how the reader opens long documents. */
  getDocumentPart(params: { slug: string; from?: number; anchor?: string; count?: number }): Promise<DocumentPart>;
  /** Every section's anchor, heading and level, without text: a long document's table of contents. */
  getDocumentOutline(params: { slug: string }): Promise<SectionHead[]>;
  search(params: SearchParams): Promise<SearchResponse>;
  listPartners(params?: Record<string, never>): Promise<PartnerSummary[]>;
  getPartner(params: { id: string }): Promise<Partner>;
  /** A page of full events (`limit` from `offset`) with how many match in all; the CLI pages through them. */
  timeline(params: TimelinePageParams): Promise<TimelinePage>;
  /** Every event as a lean mark (no summary, quote or anchor), column by column: what the timeline view draws from. */
  timelineMarks(params?: Record<string, never>): Promise<TimelineMarks>;
  /** Positions (in timelineMarks order) of the events that match the filters; the view uses it for `text`. */
  timelineMatch(params: TimelineParams): Promise<TimelineMatch>;
  /** Full events by id (1 to MAX_TIMELINE_EVENTS), in the order asked; an unknown id is NOT_FOUND. */
  timelineEvents(params: { ids: string[] }): Promise<TimelineEvent[]>;
  /** Side-by-side facets (relations, missions, memberships, …) of 2–4 partners, each cell quoted from the sources. */
  compare(params: CompareParams): Promise<Comparison>;
  /** A printable briefing sheet for 1–4 partners: key facts, a short timeline, key passages by facet, sources. */
  briefing(params: BriefingParams): Promise<BriefingSheet>;

  // The reader's own data (bookmarks, reading positions), kept in a separate user database.
  listBookmarks(params?: Record<string, never>): Promise<Bookmark[]>;
  /** Bookmarks newest first, a page at a time, with the total; each says whether its section still exists. */
  bookmarkPage(params?: BookmarkPageParams): Promise<BookmarkPage>;
  addBookmark(params: { docSlug: string; anchor: string; label?: string }): Promise<Bookmark>;
  removeBookmark(params: { docSlug: string; anchor: string }): Promise<{ removed: boolean }>;
  getReadingPosition(params: { docSlug: string }): Promise<ReadingPosition | null>;
  setReadingPosition(params: ReadingPosition): Promise<{ saved: true }>;

  // The reader's notes on passages (issue 16), in the same user database.
  /** Notes, newest first; only one document's, or only those whose quote, note or title has every word. */
  listNotes(params?: { docSlug?: string; query?: string }): Promise<Note[]>;
  /** A note on a passage, or on the part of it quoted (`quote` must be in the passage's text). */
  addNote(params: NewNote): Promise<Note>;
  updateNote(params: { id: string; body: string }): Promise<Note>;
  removeNote(params: { id: string }): Promise<{ removed: boolean }>;
  /** The notes as Markdown, each with its quote and citation (all, or one document's). */
  exportNotes(params?: { docSlug?: string }): Promise<{ filename: string; markdown: string }>;
  /** What was salvaged when the user database was found damaged in this session; null if it was not. */
  userDataRecovery(params?: Record<string, never>): Promise<UserDataRecovery | null>;
  /** Removes a document the user added (adding goes through each transport's import: a file is no JSON parameter). */
  removeDocument(params: { slug: string }): Promise<{ removed: boolean; title?: string }>;
}

export interface NewNote {
  docSlug: string;
  /** The section and block (passage) the quote is from. */
  anchor: string;
  blockId: string;
  /** The words highlighted: all of the passage's text or a part of it. */
  quote: string;
  body: string;
}

export interface Note extends NewNote {
  id: string;
  /** The citation as it was when the note was made. */
  docTitle: string;
  sectionPath: string[];
  /** The passage's whole text when the note was made. */
  passageText: string;
  createdAt: string;
  updatedAt: string;
  /**
   * Whether the passage still reads as it did: `changed` after a library update altered it (the note
   * keeps the text it was made on, and `currentText` is what the passage says now); `missing` when
   * the passage is no longer in the library.
   */
  status: 'current' | 'changed' | 'missing';
  currentText?: string;
}

/** A damaged user database, moved aside and salvaged into a new one (src/services/userSalvage.ts). */
export interface UserDataRecovery {
  /** Where the damaged file (and its -wal) was moved; kept for a person to look at. */
  damagedCopy: string;
  /** Rows copied into the new file, per table (bookmarks, reading_positions, …). */
  recovered: Record<string, number>;
  /** False when part of the damaged file could not be read. */
  complete: boolean;
  /** When the damage was found (ISO 8601). */
  at: string;
}

export interface Bookmark {
  docSlug: string;
  anchor: string;
  /** What the reader sees in the bookmark list, e.g. "Albania–Kosovo relations › Free Movement". */
  label: string;
  createdAt: string;
  /** Set (bookmarkPage) when its section is no longer in the library: moved or removed by an update. Kept, never dropped. */
  missing?: true;
}

/** At most this many sections per getDocumentPart call. */
export const MAX_DOCUMENT_PART = 500;

export interface DocumentPart {
  /** The document with only this part's sections. */
  document: DeskDocument;
  /** Index of its first section in the whole document. */
  from: number;
  /** Sections in the whole document. */
  sectionCount: number;
}

export interface SectionHead {
  anchor: string;
  heading: string;
  level: number;
}

/** At most this many bookmarks per bookmarkPage call. */
export const MAX_BOOKMARK_PAGE = 500;

export interface BookmarkPageParams {
  /** Bookmarks to skip (newest first); default 0. */
  offset?: number;
  /** 1..MAX_BOOKMARK_PAGE, default 100. */
  limit?: number;
  /** Only this document's bookmarks. */
  docSlug?: string;
}

export interface BookmarkPage {
  bookmarks: Bookmark[];
  /** How many bookmarks there are in all (in this document, with docSlug). */
  total: number;
  offset: number;
}

export interface ReadingPosition {
  docSlug: string;
  /** The section anchor at the top of the view. */
  anchor: string;
  /** 0..1 progress within that section. */
  offset: number;
}

export type DeskMethod = keyof DeskApi;

export const DESK_METHODS: readonly DeskMethod[] = [
  'info',
  'listDocuments',
  'getDocument',
  'getDocumentPart',
  'getDocumentOutline',
  'search',
  'listPartners',
  'getPartner',
  'timeline',
  'timelineMarks',
  'timelineMatch',
  'timelineEvents',
  'compare',
  'briefing',
  'listBookmarks',
  'bookmarkPage',
  'addBookmark',
  'removeBookmark',
  'getReadingPosition',
  'setReadingPosition',
  'listNotes',
  'addNote',
  'updateNote',
  'removeNote',
  'exportNotes',
  'userDataRecovery',
  'removeDocument',
] as const;

export type ErrorCode =
  | 'BAD_REQUEST' // params failed validation
  | 'UNKNOWN_METHOD'
  | 'NOT_FOUND' // no such document / partner
  | 'DB_MISSING' // bundled database file absent
  | 'DB_CORRUPT' // not a Relations Desk database, or unreadable
  | 'DB_STALE' // built from another corpus or schema version
  | 'INTERNAL';

export const ERROR_CODES: readonly ErrorCode[] = ['BAD_REQUEST', 'UNKNOWN_METHOD', 'NOT_FOUND', 'DB_MISSING', 'DB_CORRUPT', 'DB_STALE', 'INTERNAL'];

export interface DeskErrorShape {
  code: ErrorCode;
  message: string;
  /** Optional hint for a person: what to do next (e.g. the rebuild command). */
  hint?: string;
}

export class DeskError extends Error implements DeskErrorShape {
  readonly code: ErrorCode;
  readonly hint?: string;
  constructor(code: ErrorCode, message: string, hint?: string) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
    if (hint !== undefined) this.hint = hint;
  }
  toJSON(): DeskErrorShape {
    return this.hint === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, hint: this.hint };
  }
  static from(err: unknown): DeskError {
    if (err instanceof DeskError) return err;
    if (isDeskErrorShape(err)) return new DeskError(err.code, err.message, err.hint);
    // SQLite's own codes (SQLITE_CORRUPT, …) are not the contract's: map them to what a person can act on.
    const sqlite = sqliteCodeOf(err);
    if (sqlite) {
      const shape = storageErrorShape(sqlite, err instanceof Error ? err.message : String(err));
      return new DeskError(shape.code, shape.message, shape.hint);
    }
    const message = err instanceof Error ? err.message : String(err);
    return new DeskError('INTERNAL', message);
  }
}

export function isDeskErrorShape(value: unknown): value is DeskErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    (ERROR_CODES as readonly unknown[]).includes((value as DeskErrorShape).code) &&
    typeof (value as DeskErrorShape).message === 'string'
  );
}

/** The envelope every transport uses on the wire. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: DeskErrorShape };
