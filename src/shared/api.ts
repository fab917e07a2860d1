// The one contract between the data and every screen. Each method takes one plain params
// object and resolves to plain JSON; every failure is a DeskError with a code from ErrorCode.
// Transports (Electron IPC, the browser edition's HTTP, the CLI) convert errors once, at the edge.
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

/** At most this many ids per `timelineEvents` call. */
export const MAX_TIMELINE_EVENTS = 500;

export interface CompareParams {
  /** 2 to 4 partner ids, names or aliases (any spelling), each a different partner. */
  partners: string[];
}

export interface BriefingParams {
  /** 1 partner: a single sheet; 2 to 4: a side-by-side sheet (ids, names or aliases). */
  partners: string[];
  /** Item ids (BriefingItem.id) or passage ids (SearchHit.passageId) to force onto the sheet. */
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
  search(params: SearchParams): Promise<SearchResponse>;
  listPartners(params?: Record<string, never>): Promise<PartnerSummary[]>;
  getPartner(params: { id: string }): Promise<Partner>;
  timeline(params: TimelineParams): Promise<TimelineEvent[]>;
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
  addBookmark(params: { docSlug: string; anchor: string; label?: string }): Promise<Bookmark>;
  removeBookmark(params: { docSlug: string; anchor: string }): Promise<{ removed: boolean }>;
  getReadingPosition(params: { docSlug: string }): Promise<ReadingPosition | null>;
  setReadingPosition(params: ReadingPosition): Promise<{ saved: true }>;
  /** Removes a document the user added (adding goes through each transport's import: a file is no JSON parameter). */
  removeDocument(params: { slug: string }): Promise<{ removed: boolean; title?: string }>;
}

export interface Bookmark {
  docSlug: string;
  anchor: string;
  /** What the reader sees in the bookmark list, e.g. "Albania–Kosovo relations › Free Movement". */
  label: string;
  createdAt: string;
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
  'addBookmark',
  'removeBookmark',
  'getReadingPosition',
  'setReadingPosition',
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
    const message = err instanceof Error ? err.message : String(err);
    return new DeskError('INTERNAL', message);
  }
}

export function isDeskErrorShape(value: unknown): value is DeskErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as DeskErrorShape).code === 'string' &&
    typeof (value as DeskErrorShape).message === 'string'
  );
}

/** The envelope every transport uses on the wire. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: DeskErrorShape };
