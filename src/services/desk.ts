// The handlers: one function per DeskApi method, each validating its params before touching a
// service. Electron IPC, the browser edition's HTTP server and the CLI all call `dispatch`, so
// every transport gets the same validation and the same error envelope.
import { z } from 'zod';
import { DESK_METHODS, DeskError, MAX_TIMELINE_EVENTS, type DeskApi, type DeskMethod, type Envelope } from '../shared/api';
import { Library, type OpenOptions } from './library';
import { EVENT_CATEGORIES } from '../shared/types';
import { UserStore } from './userStore';
import { UserLibrary } from './userLibrary';
import { CombinedLibrary } from './combinedLibrary';
import type { LibraryView } from './libraryView';
import { comparePartners, MAX_PARTNERS, MIN_PARTNERS } from './compare';
import { buildBriefing, MAX_BRIEFING_PARTNERS, MIN_BRIEFING_PARTNERS, PASSAGE_FACETS } from './briefing';
import type { FacetId } from '../shared/types';

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
const timelineParams = z
  .strictObject({
    partner: z.string().trim().min(1).max(200).optional(),
    docSlug: slug.optional(),
    from: year.optional(),
    to: year.optional(),
    category: z.array(z.enum(EVENT_CATEGORIES)).max(EVENT_CATEGORIES.length).optional(),
    text: z.string().max(500).optional(),
  })
  .refine((p) => p.from === undefined || p.to === undefined || p.from <= p.to, { message: '"from" must not be after "to"' });

const schemas = {
  info: none,
  listDocuments: none,
  getDocument: z.strictObject({ slug }),
  search: z.strictObject({
    query: z.string().max(2000),
    limit: z.number().int().min(1).max(200).optional(),
    docSlug: slug.optional(),
    partner: z.string().trim().min(1).max(200).optional(),
    mine: z.boolean().optional(),
  }),
  listPartners: none,
  getPartner: z.strictObject({ id: z.string().trim().min(1).max(200) }),
  timeline: timelineParams,
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
  addBookmark: z.strictObject({ docSlug: slug, anchor, label: z.string().max(300).optional() }),
  removeBookmark: z.strictObject({ docSlug: slug, anchor }),
  getReadingPosition: z.strictObject({ docSlug: slug }),
  setReadingPosition: z.strictObject({ docSlug: slug, anchor, offset: z.number().min(0).max(1) }),
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

  const implementation: { [M in DeskMethod]: (p: z.output<(typeof schemas)[M]>) => Awaited<ReturnType<DeskApi[M]>> | ReturnType<DeskApi[M]> } = {
    info: () => lib().info(),
    listDocuments: () => lib().listDocuments(),
    getDocument: (p) => lib().getDocument(p.slug),
    search: (p) => lib().search(p),
    listPartners: () => lib().listPartners(),
    getPartner: (p) => lib().getPartner(p.id),
    timeline: (p) => lib().timeline(p),
    timelineMarks: () => lib().timelineMarks(),
    timelineMatch: (p) => lib().timelineMatch(p),
    timelineEvents: (p) => lib().timelineEvents(p.ids),
    compare: (p) => comparePartners(lib(), p.partners),
    briefing: (p) => buildBriefing(lib(), p),
    listBookmarks: () => userStore().listBookmarks(),
    addBookmark: (p) => userStore().addBookmark(p.docSlug, p.anchor, p.label ?? bookmarkLabel(lib(), p.docSlug, p.anchor)),
    removeBookmark: (p) => userStore().removeBookmark(p.docSlug, p.anchor),
    getReadingPosition: (p) => userStore().getReadingPosition(p.docSlug),
    setReadingPosition: (p) => userStore().setReadingPosition(p),
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
      return { ok: true, value: await run(parsed.data) };
    } catch (err) {
      const error = DeskError.from(err);
      if (error.code === 'DB_MISSING' || error.code === 'DB_CORRUPT' || error.code === 'DB_STALE') library = view = null;
      return { ok: false, error: error.toJSON() };
    }
  };

  const api = Object.fromEntries(
    DESK_METHODS.map((m) => [
      m,
      async (params: unknown) => {
        const envelope = await dispatch(m, params);
        if (!envelope.ok) throw new DeskError(envelope.error.code, envelope.error.message, envelope.error.hint);
        return envelope.value;
      },
    ]),
  ) as unknown as DeskApi;

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

function bookmarkLabel(library: LibraryView, docSlug: string, anchor: string): string {
  const doc = library.getDocument(docSlug);
  const section = doc.sections.find((s) => s.anchor === anchor);
  if (!section) throw new DeskError('NOT_FOUND', `No section "${anchor}" in "${doc.title}".`);
  return section.level === 0 ? doc.title : `${doc.title} › ${section.path.join(' › ')}`;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
