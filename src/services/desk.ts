// The handlers: one function per DeskApi method, each validating its params before touching a
// service. Electron IPC, the browser edition's HTTP server and the CLI all call `dispatch`, so
// every transport gets the same validation and the same error envelope.
import { z } from 'zod';
import { DEFAULT_TIMELINE_PAGE, DESK_METHODS, DeskError, MAX_BOOKMARK_PAGE, MAX_DOCUMENT_PART, MAX_TIMELINE_EVENTS, MAX_TIMELINE_PAGE, type DeskApi, type DeskMethod, type Envelope } from '../shared/api';
import { deskApiFrom } from '../shared/deskApi';
import { Library, type OpenOptions } from './library';
import { EVENT_CATEGORIES } from '../shared/types';
import { UserStore } from './userStore';
import { bookmarkPage, placeLabel } from './places';
import { UserLibrary } from './userLibrary';
import { CombinedLibrary } from './combinedLibrary';
import type { LibraryView } from './libraryView';
import { comparePartners, MAX_PARTNERS, MIN_PARTNERS } from './compare';
import { buildBriefing, MAX_BRIEFING_PARTNERS, MIN_BRIEFING_PARTNERS, PASSAGE_FACETS } from './briefing';
import type { FacetId } from '../shared/types';
import { MAX_NOTE_CHARS } from './notes';
import { notesFilename, notesMarkdown } from './notesMarkdown';
import { splitNotePins, withPinnedNotes } from './briefingNotes';

export interface DeskOptions extends OpenOptions {
  /** The bundled library database (opened read-only). */
  dbPath: string;
  /** The reader's own database (bookmarks, positions); omitted by the CLI, which has none. */
  userDbPath?: string;
  /** The user's added documents (issue 18), read together with the bundled library. */
  userLibraryPath?: string;
  /** Removes an added document (src/ingest/userLibrary.ts, passed in by the transport's host). */
  removeUserDocument?: (slug: string) => Promise<{ removed: boolean; title?: string }> | { removed: boolean; title?: string };
}

export interface Desk {
  api: DeskApi;
  dispatch(method: string, params: unknown): Promise<Envelope<unknown>>;
  close(): void;
}

const slug = z.string().trim().min(1).max(200);
const anchor = z.string().trim().min(1).max(300);
const year = z.number().int().min(-5000).max(5000);
const none = z.union([z.strictObject({}), z.undefined(), z.null()]).transform(() => ({}));
const timelineFilters = {
  partner: z.string().trim().min(1).max(200).optional(),
  docSlug: slug.optional(),
  from: year.optional(),
  to: year.optional(),
  category: z.array(z.enum(EVENT_CATEGORIES)).max(EVENT_CATEGORIES.length).optional(),
  text: z.string().max(500).optional(),
};
const yearsInOrder = (p: { from?: number; to?: number }) => p.from === undefined || p.to === undefined || p.from <= p.to;
const timelineParams = z.strictObject(timelineFilters).refine(yearsInOrder, { message: '"from" must not be after "to"' });
const timelinePageParams = z
  .strictObject({
    ...timelineFilters,
    offset: z.number().int().min(0).max(100_000_000).optional(),
    limit: z.number().int().min(1).max(MAX_TIMELINE_PAGE, `at most ${MAX_TIMELINE_PAGE} events per page`).optional(),
  })
  .refine(yearsInOrder, { message: '"from" must not be after "to"' });

const schemas = {
  info: none,
  listDocuments: none,
  getDocument: z.strictObject({ slug }),
  getDocumentPart: z.strictObject({ slug, from: z.number().int().min(0).optional(), anchor: anchor.optional(), count: z.number().int().min(1).max(MAX_DOCUMENT_PART).optional() }),
  getDocumentOutline: z.strictObject({ slug }),
  search: z.strictObject({
    query: z.string().max(2000),
    limit: z.number().int().min(1).max(200).optional(),
    docSlug: slug.optional(),
    partner: z.string().trim().min(1).max(200).optional(),
    mine: z.boolean().optional(),
  }),
  listPartners: none,
  getPartner: z.strictObject({ id: z.string().trim().min(1).max(200) }),
  timeline: timelinePageParams,
  timelineMarks: none,
  timelineMatch: timelineParams,
  timelineEvents: z.strictObject({
    ids: z
      .array(z.string().trim().min(1).max(100))
      .min(1, 'ids must name at least one event')
      .max(MAX_TIMELINE_EVENTS, `at most ${MAX_TIMELINE_EVENTS} ids per call`),
  }),
  compare: z.strictObject({
    partners: z
      .array(z.string().trim().min(1).max(200))
      .superRefine((a, ctx) => {
        if (a.length < MIN_PARTNERS || a.length > MAX_PARTNERS) ctx.addIssue({ code: 'custom', message: `compare needs ${MIN_PARTNERS} to ${MAX_PARTNERS} partners, got ${a.length}` });
      }),
  }),
  briefing: z.strictObject({
    partners: z
      .array(z.string().trim().min(1).max(200))
      .superRefine((a, ctx) => {
        if (a.length < MIN_BRIEFING_PARTNERS || a.length > MAX_BRIEFING_PARTNERS) ctx.addIssue({ code: 'custom', message: `a briefing needs ${MIN_BRIEFING_PARTNERS} to ${MAX_BRIEFING_PARTNERS} partners, got ${a.length}` });
      }),
    pinned: z.array(z.string().trim().min(1).max(300)).max(100).optional(),
    exclude: z.array(z.string().trim().min(1).max(300)).max(500).optional(),
    facetOrder: z.array(z.enum(PASSAGE_FACETS as [FacetId, ...FacetId[]])).max(PASSAGE_FACETS.length).optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD').optional(),
  }),
  listBookmarks: none,
  bookmarkPage: z.union([z.strictObject({ offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(MAX_BOOKMARK_PAGE).optional(), docSlug: slug.optional() }), z.undefined(), z.null()]).transform((p) => p ?? {}),
  addBookmark: z.strictObject({ docSlug: slug, anchor, label: z.string().max(300).optional() }),
  removeBookmark: z.strictObject({ docSlug: slug, anchor }),
  getReadingPosition: z.strictObject({ docSlug: slug }),
  setReadingPosition: z.strictObject({ docSlug: slug, anchor, offset: z.number().min(0).max(1) }),
  listNotes: z.strictObject({ docSlug: slug.optional(), query: z.string().max(500).optional() }).nullish().transform((p) => p ?? {}),
  addNote: z.strictObject({ docSlug: slug, anchor, blockId: z.string().trim().min(1).max(300), quote: z.string().trim().min(1, 'quote must not be empty').max(MAX_NOTE_CHARS), body: z.string().max(MAX_NOTE_CHARS) }),
  updateNote: z.strictObject({ id: z.string().trim().min(1).max(100), body: z.string().max(MAX_NOTE_CHARS) }),
  removeNote: z.strictObject({ id: z.string().trim().min(1).max(100) }),
  exportNotes: z.strictObject({ docSlug: slug.optional() }).nullish().transform((p) => p ?? {}),
  userDataRecovery: none,
  removeDocument: z.strictObject({ slug }),
} satisfies Record<DeskMethod, z.ZodType>;

export function createDesk(options: DeskOptions): Desk {
  let library: Library | null = null;
  let view: LibraryView | null = null;
  let user: UserStore | null = null;
  const mine = options.userLibraryPath ? new UserLibrary(options.userLibraryPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) : null;

  // Opened on demand, so a library rebuilt while the app runs is picked up on the next call.
  const lib = (): LibraryView => {
    if (!library) {
      library = Library.open(options.dbPath, options);
      view = mine ? new CombinedLibrary(library, mine) : library;
    }
    return view!;
  };
  const userStore = (): UserStore => {
    if (!options.userDbPath) throw new DeskError('BAD_REQUEST', 'Bookmarks and reading positions are not available here.');
    user ??= new UserStore(options.userDbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    return user;
  };
  const notes = () => userStore().notes((s) => lib().getDocument(s));

  const implementation: { [M in DeskMethod]: (p: z.output<(typeof schemas)[M]>) => Awaited<ReturnType<DeskApi[M]>> | ReturnType<DeskApi[M]> } = {
    info: () => lib().info(),
    listDocuments: () => lib().listDocuments(),
    getDocument: (p) => lib().getDocument(p.slug),
    getDocumentPart: (p) => lib().getDocumentPart(p.slug, { count: p.count ?? 50, ...(p.from !== undefined ? { from: p.from } : {}), ...(p.anchor !== undefined ? { anchor: p.anchor } : {}) }),
    getDocumentOutline: (p) => lib().documentOutline(p.slug),
    search: (p) => lib().search(p),
    listPartners: () => lib().listPartners(),
    getPartner: (p) => lib().getPartner(p.id),
    timeline: ({ offset, limit, ...filters }) => lib().timelinePage(filters, offset ?? 0, limit ?? DEFAULT_TIMELINE_PAGE),
    timelineMarks: () => lib().timelineMarks(),
    timelineMatch: (p) => lib().timelineMatch(p),
    timelineEvents: (p) => lib().timelineEvents(p.ids),
    compare: (p) => comparePartners(lib(), p.partners),
    briefing: (p) => {
      const { params, noteIds } = splitNotePins(p);
      return withPinnedNotes(buildBriefing(lib(), params), noteIds, noteIds.length > 0 && options.userDbPath ? notes() : null);
    },
    listBookmarks: () => userStore().listBookmarks(),
    bookmarkPage: (p) => bookmarkPage(userStore(), lib, p),
    // Checked against the library even with a label of the caller's: a bookmark must point somewhere.
    addBookmark: (p) => {
      const label = placeLabel(lib(), p.docSlug, p.anchor);
      return userStore().addBookmark(p.docSlug, p.anchor, p.label ?? label);
    },
    removeBookmark: (p) => userStore().removeBookmark(p.docSlug, p.anchor),
    getReadingPosition: (p) => userStore().getReadingPosition(p.docSlug),
    setReadingPosition: (p) => {
      placeLabel(lib(), p.docSlug, p.anchor);
      return userStore().setReadingPosition(p);
    },
    userDataRecovery: () => (options.userDbPath ? userStore().recovery : null),
    listNotes: (p) => notes().list(p),
    addNote: (p) => notes().add(p),
    updateNote: (p) => notes().update(p.id, p.body),
    removeNote: (p) => notes().remove(p.id),
    exportNotes: (p) => ({ filename: notesFilename(p.docSlug), markdown: notesMarkdown(notes().list(p)) }),
    removeDocument: (p) => removeAdded(p.slug),
  };

  const removeAdded = async (slug: string): Promise<{ removed: boolean; title?: string }> => {
    if (!options.removeUserDocument) throw new DeskError('BAD_REQUEST', 'Documents cannot be removed here.');
    const result = await options.removeUserDocument(slug);
    if (!result.removed) throw new DeskError('NOT_FOUND', `No document "${slug}" among the documents you added.`);
    return result;
  };

  const dispatch = async (method: string, params: unknown): Promise<Envelope<unknown>> => {
    try {
      if (!(DESK_METHODS as readonly string[]).includes(method)) {
        throw new DeskError('UNKNOWN_METHOD', `Unknown method "${method}". Known methods: ${DESK_METHODS.join(', ')}.`);
      }
      const m = method as DeskMethod;
      const parsed = schemas[m].safeParse(params);
      if (!parsed.success) {
        throw new DeskError('BAD_REQUEST', `Invalid arguments for ${m}: ${describeIssues(parsed.error)}`);
      }
      const run = implementation[m] as (p: unknown) => unknown;
      try {
        return { ok: true, value: await run(parsed.data) };
      } catch (err) {
        // A user DB damaged after it was opened is salvaged into a new file, then the call runs again.
        if (!user?.recoverIfDamaged(err)) throw err;
        return { ok: true, value: await run(parsed.data) };
      }
    } catch (err) {
      const error = DeskError.from(err);
      if (error.code === 'DB_MISSING' || error.code === 'DB_CORRUPT' || error.code === 'DB_STALE') {
        // Closed, not left half-open: the next call opens the file afresh (rebuilt or not).
        library?.close();
        library = view = null;
      }
      return { ok: false, error: error.toJSON() };
    }
  };

  const api = deskApiFrom(async (method, params) => {
    const envelope = await dispatch(method, params);
    if (!envelope.ok) throw new DeskError(envelope.error.code, envelope.error.message, envelope.error.hint);
    return envelope.value;
  });

  return {
    api,
    dispatch,
    close: () => {
      library?.close();
      mine?.close();
      user?.close();
      library = null;
      view = null;
      user = null;
    },
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
