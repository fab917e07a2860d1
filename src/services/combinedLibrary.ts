// The bundled library and the user's documents as one library (issue 18): every read the app
// makes — documents, partners, the timeline, compare, briefings — sees both, and search returns
// one ranked list (src/search/federated.ts). The bundled library is never rebuilt or written;
// the user's is read from its own file (userLibrary.ts). With no documents of the user's, every
// call is the bundled library's own. One file on purpose: it is LibraryView implemented method by
// method, each a short merge of the two libraries' answers, and reads best side by side with it.
import type { DocumentPart, SearchParams, SectionHead, TimelinePage, TimelineParams } from '../shared/api';
import type { DeskDocument, DocumentSummary, LibraryInfo, Partner, PartnerSummary, SearchResponse, Section, TimelineEvent, TimelineMarks, TimelineMatch } from '../shared/types';
import type { DocumentOrigin } from '../shared/userDocuments';
import { expandMarks, MarksEncoder, type StoredMarks } from '../shared/timelineMarks';
import { federatedSearch } from '../search/federated';
import type { Library } from './library';
import type { LibraryView } from './libraryView';
import type { UserLibrary } from './userLibrary';
import { mergePartner, mergePartnerSummary } from '../core/mergePartners';
import type { CandidateFacet, CandidateHit } from '../core/candidates';
import { chronological, type RankedEvent } from '../core/eventRanks';

/** Added to the reading order of the user's candidate sentences: after every bundled sentence (ids stay far below 2^40). */
const USER_ORDER_OFFSET = 2 ** 40;

export class CombinedLibrary implements LibraryView {
  private origins: { hash: string; map: Map<string, DocumentOrigin> } | null = null;
  private marks: { hash: string } & CombinedMarks | null = null;

  constructor(
    private readonly bundled: Library,
    private readonly user: UserLibrary,
  ) {}

  /**
   * The user's library, or null when there is none — or when it cannot be read (made by another
   * version, damaged): then the bundled library goes on alone and `problem` says why, rather than
   * every screen failing (the host rewrites a stale one from its stored documents at start).
   */
  private mine(): Library | null {
    try {
      const lib = this.user.current();
      this.problem = null;
      return lib;
    } catch (err) {
      this.problem = (err as Error).message;
      return null;
    }
  }

  /** Why the user's documents are not shown, when they cannot be read. */
  problem: string | null = null;

  get corpusHash(): string {
    const mine = this.mine();
    return mine ? `${this.bundled.corpusHash}+${mine.corpusHash.slice(0, 16)}` : this.bundled.corpusHash;
  }

  /** Both libraries, the bundled one first; the user's only when the user has added documents. */
  private all(): Library[] {
    const mine = this.mine();
    return mine ? [this.bundled, mine] : [this.bundled];
  }

  private ownerOf(slug: string): Library {
    const mine = this.mine();
    return mine && this.originsOf(mine).has(slug) ? mine : this.bundled;
  }

  private originsOf(mine: Library): Map<string, DocumentOrigin> {
    if (this.origins?.hash !== mine.corpusHash) this.origins = { hash: mine.corpusHash, map: mine.addedDocuments() };
    return this.origins.map;
  }

  addedDocuments(): Map<string, DocumentOrigin> {
    const mine = this.mine();
    return mine ? this.originsOf(mine) : new Map();
  }

  info(): LibraryInfo {
    const [bundled, mine] = this.all().map((l) => l.info());
    if (!mine) return bundled!;
    const c = (k: keyof LibraryInfo['counts']) => bundled!.counts[k] + mine.counts[k];
    return {
      ...bundled!,
      corpusHash: this.corpusHash,
      counts: { documents: c('documents'), sections: c('sections'), passages: c('passages'), partners: this.listPartners().length, events: c('events'), gaps: c('gaps') },
    };
  }

  listDocuments(): DocumentSummary[] {
    const mine = this.mine();
    const bundled = this.bundled.listDocuments();
    if (!mine) return bundled;
    const origins = this.originsOf(mine);
    return [...bundled, ...mine.listDocuments().map((d) => ({ ...d, ...(origins.has(d.slug) ? { added: origins.get(d.slug)! } : {}) }))];
  }

  agreementsAbout(partnerId: string): { slug: string; title: string }[] {
    return this.all().flatMap((l) => l.agreementsAbout(partnerId));
  }

  getDocument(slug: string): DeskDocument {
    return this.ownerOf(slug).getDocument(slug);
  }

  getDocumentPart(slug: string, opts: { from?: number; anchor?: string; count: number }): DocumentPart {
    return this.ownerOf(slug).getDocumentPart(slug, opts);
  }

  documentOutline(slug: string): SectionHead[] {
    return this.ownerOf(slug).documentOutline(slug);
  }

  findSection(slug: string, anchor: string): { docTitle: string; level: number; path: string[] } | null {
    return this.ownerOf(slug).findSection(slug, anchor);
  }

  section(slug: string, anchor: string): Section | null {
    return this.ownerOf(slug).section(slug, anchor);
  }

  documentTitle(slug: string): string | null {
    return this.ownerOf(slug).documentTitle(slug);
  }

  /** Both files' pages checked: null when every page of each reads. */
  quickCheck(): string | null {
    return this.all().reduce<string | null>((found, lib) => found ?? lib.quickCheck(), null);
  }

  /** The bundled documents concerning the partner, then the user's (each library knows its own). */
  documentsConcerning(partnerId: string): DocumentSummary[] {
    const mine = this.mine();
    const bundled = this.bundled.documentsConcerning(partnerId);
    if (!mine) return bundled;
    const origins = this.originsOf(mine);
    return [...bundled, ...mine.documentsConcerning(partnerId).map((d) => ({ ...d, ...(origins.has(d.slug) ? { added: origins.get(d.slug)! } : {}) }))];
  }

  listPartners(): PartnerSummary[] {
    const byId = new Map<string, PartnerSummary>();
    for (const lib of this.all()) for (const p of lib.listPartners()) byId.set(p.id, byId.has(p.id) ? mergePartnerSummary(byId.get(p.id)!, p) : p);
    return [...byId.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  resolvePartnerId(nameOrId: string): string | null {
    for (const lib of this.all()) {
      const id = lib.resolvePartnerId(nameOrId);
      if (id) return id;
    }
    return null;
  }

  requirePartnerId(nameOrId: string): string {
    return this.resolvePartnerId(nameOrId) ?? this.bundled.requirePartnerId(nameOrId);
  }

  getPartner(nameOrId: string): Partner {
    const id = this.requirePartnerId(nameOrId);
    const found = this.all().filter((l) => l.resolvePartnerId(id) !== null).map((l) => l.getPartner(id));
    return found.reduce((a, b) => mergePartner(a, b));
  }

  suggestPartners(input: string, n = 3): string[] {
    return [...new Set(this.all().flatMap((l) => l.suggestPartners(input, n)))].slice(0, n);
  }

  timeline(params: TimelineParams): TimelineEvent[] {
    const parts = this.forEach(params, (lib, p) => lib.timeline(p));
    return parts.length === 1 ? parts[0]! : mergeByDate(parts);
  }

  timelineMarks(): TimelineMarks {
    return this.combinedMarks().marks;
  }

  timelineMatch(params: TimelineParams): TimelineMatch {
    const libs = this.all();
    if (libs.length === 1) return this.bundled.timelineMatch(params);
    const { marks, positions } = this.combinedMarks();
    const out: number[] = [];
    libs.forEach((lib, k) => {
      const p = this.scoped(lib, params);
      if (p) for (const at of lib.timelineMatch(p).positions) out.push(positions[k]![at]!);
    });
    return { corpusHash: marks.corpusHash, positions: out.sort((a, b) => a - b) };
  }

  /** A page of the one chronology: the matching positions of both, then only the page's events read. */
  timelinePage(params: TimelineParams, offset: number, limit: number): TimelinePage {
    if (this.all().length === 1) return this.bundled.timelinePage(params, offset, limit);
    const { corpusHash, positions } = this.timelineMatch(params);
    return { corpusHash, total: positions.length, offset, events: this.timelineAt(Int32Array.from(positions.slice(offset, offset + limit))) };
  }

  timelineAt(positions: Int32Array): TimelineEvent[] {
    const libs = this.all();
    if (libs.length === 1) return this.bundled.timelineAt(positions);
    const { origin } = this.combinedMarks();
    // origin: ≥ 0 a bundled position, < 0 the user's (−1 − position); each library's part stays ascending.
    const at = (keep: (o: number) => boolean, local: (o: number) => number) => Int32Array.from(Array.from(positions, (p) => origin[p]!).filter(keep), local);
    const bundled = libs[0]!.timelineAt(at((o) => o >= 0, (o) => o));
    const mine = libs[1]!.timelineAt(at((o) => o < 0, (o) => -1 - o));
    let i = 0;
    let j = 0;
    return Array.from(positions, (p) => (origin[p]! >= 0 ? bundled[i++]! : mine[j++]!));
  }

  timelineEvents(ids: readonly string[]): TimelineEvent[] {
    const libs = this.all();
    if (libs.length === 1) return this.bundled.timelineEvents(ids);
    const mine = new Set(libs[1]!.timelineMarks().ids);
    const unique = [...new Set(ids)];
    const found = new Map<string, TimelineEvent>();
    for (const [lib, wanted] of [[libs[0]!, unique.filter((id) => !mine.has(id))], [libs[1]!, unique.filter((id) => mine.has(id))]] as const) {
      if (wanted.length > 0) for (const e of lib.timelineEvents(wanted)) found.set(e.id, e);
    }
    return unique.map((id) => found.get(id)!);
  }

  passageBlocksNaming(partnerId: string): { docSlug: string; anchor: string; blockId: string }[] {
    return this.all().flatMap((l) => l.passageBlocksNaming(partnerId));
  }

  /** Both libraries' best candidates in one ranking; the user's sentences read after every bundled one. */
  partnerCandidates(partnerId: string, facet: CandidateFacet, limit: number): CandidateHit[] {
    const mine = this.mine();
    const bundled = this.bundled.partnerCandidates(partnerId, facet, limit);
    if (!mine) return bundled;
    const theirs = mine.partnerCandidates(partnerId, facet, limit).map((c) => ({ ...c, order: c.order + USER_ORDER_OFFSET }));
    return [...bundled, ...theirs].sort((a, b) => b.score - a.score || a.order - b.order).slice(0, limit);
  }

  /** Distinct wordings over both libraries: a sentence in both counts once. */
  candidateKeyCount(partnerId: string, facet: CandidateFacet): number {
    const mine = this.mine();
    const bundled = this.bundled.candidateKeyCount(partnerId, facet);
    if (!mine) return bundled;
    const theirs = mine.candidateKeys(partnerId, facet);
    return bundled + theirs.length - this.bundled.candidateKeys(partnerId, facet, theirs).length;
  }

  candidateKeys(partnerId: string, facet: CandidateFacet, keys?: readonly string[]): string[] {
    return [...new Set(this.all().flatMap((l) => l.candidateKeys(partnerId, facet, keys)))];
  }

  partnerEventCount(partnerId: string): number {
    return this.all().reduce((n, l) => n + l.partnerEventCount(partnerId), 0);
  }

  /** Both libraries' best events in one ranking: rank, then one chronology (bundled first on equal dates). */
  partnerEventsRanked(partnerId: string, by: 'importance' | 'score', limit: number): RankedEvent[] {
    const parts = this.all().map((l, k) => l.partnerEventsRanked(partnerId, by, limit).map((r) => ({ ...r, lib: k })));
    if (parts.length === 1) return parts[0]!;
    return parts.flat().sort((a, b) => b.rank - a.rank || chronological(a, b)).slice(0, limit);
  }

  /** The oldest event quoting each wording, in the combined chronology. */
  partnerEventsQuoting(partnerId: string, keys: readonly string[]): Map<string, RankedEvent> {
    const out = new Map<string, RankedEvent>();
    this.all().forEach((l, k) => {
      for (const [key, r] of l.partnerEventsQuoting(partnerId, keys)) {
        const mine = { ...r, lib: k };
        const known = out.get(key);
        if (!known || chronological(mine, known) < 0) out.set(key, mine);
      }
    });
    return out;
  }

  partnerEventsAmong(partnerId: string, ids: readonly string[]): RankedEvent[] {
    return this.all()
      .flatMap((l, k) => l.partnerEventsAmong(partnerId, ids).map((r) => ({ ...r, lib: k })))
      .sort(chronological);
  }

  search(params: SearchParams): SearchResponse {
    const mine = this.mine();
    if (!mine) {
      if (params.mine) return { query: params.query, total: 0, results: [], notice: 'You have not added any documents yet.' };
      return this.bundled.search(params);
    }
    const { mine: onlyMine, ...rest } = params;
    if (params.docSlug !== undefined) return this.ownerOf(params.docSlug).search(rest);
    const partnerId = params.partner !== undefined ? this.requirePartnerId(params.partner) : undefined;
    const libs = (onlyMine ? [mine] : this.all()).filter((l) => partnerId === undefined || l.resolvePartnerId(partnerId) !== null);
    if (libs.length === 0) return { query: params.query, total: 0, results: [] };
    const query = { ...rest, ...(partnerId !== undefined ? { partner: partnerId } : {}) };
    if (libs.length === 1 && onlyMine) return libs[0]!.search(query);
    return federatedSearch(
      libs.map((lib) => ({ searcher: lib.getSearcher(), run: (federation) => lib.search(query, federation) })),
      params.query,
      params.limit ?? 20,
    );
  }

  /** Runs `read` on each library the params can concern (a document's owner; those that know the partner). */
  private forEach<T>(params: TimelineParams, read: (lib: Library, params: TimelineParams) => T): T[] {
    if (params.partner !== undefined) this.requirePartnerId(params.partner);
    const out: T[] = [];
    for (const lib of this.all()) {
      const p = this.scoped(lib, params);
      if (p) out.push(read(lib, p));
    }
    return out;
  }

  /** The params for one library, or null when it cannot hold what they ask for. */
  private scoped(lib: Library, params: TimelineParams): TimelineParams | null {
    if (params.docSlug !== undefined && this.ownerOf(params.docSlug) !== lib) return null;
    if (params.partner !== undefined) {
      const id = this.requirePartnerId(params.partner);
      if (lib.resolvePartnerId(id) === null) return null;
      return { ...params, partner: id };
    }
    return params;
  }

  /** Both libraries' marks in one chronology (bundled first on equal dates), cached per pair of libraries. */
  private combinedMarks(): CombinedMarks {
    const libs = this.all();
    if (libs.length === 1) {
      const marks = this.bundled.timelineMarks();
      const positions = Int32Array.from(marks.ids.keys());
      return { marks, positions: [positions, new Int32Array(0)], origin: positions };
    }
    const hash = this.corpusHash;
    if (this.marks?.hash !== hash) {
      const [a, b] = libs.map((l) => expandMarks(l.timelineMarks()));
      const enc = new MarksEncoder();
      const positions: [Int32Array, Int32Array] = [new Int32Array(a!.length), new Int32Array(b!.length)];
      const key = (date: string) => date.padEnd(10, '-');
      let i = 0;
      let j = 0;
      while (i < a!.length || j < b!.length) {
        const takeA = j >= b!.length || (i < a!.length && key(a![i]!.date) <= key(b![j]!.date));
        const mark = takeA ? a![i]! : b![j]!;
        positions[takeA ? 0 : 1][takeA ? i++ : j++] = enc.finish().count;
        const { kind, ...rest } = mark;
        enc.add(rest, kind ?? 'other');
      }
      const origin = new Int32Array(a!.length + b!.length);
      positions[0].forEach((at, i) => (origin[at] = i));
      positions[1].forEach((at, i) => (origin[at] = -1 - i));
      this.marks = { hash, marks: { corpusHash: hash, ...(enc.finish() as StoredMarks) }, positions, origin };
    }
    return this.marks;
  }
}

/** Both libraries' marks as one chronology; `positions[k][i]`: where library k's event i is in it; `origin`: the way back. */
interface CombinedMarks {
  marks: TimelineMarks;
  positions: [Int32Array, Int32Array];
  /** Per combined position: the bundled library's position (≥ 0), or −1 − the user's. */
  origin: Int32Array;
}

/** Events of several libraries in one chronology (each list is already in date order). */
function mergeByDate(parts: TimelineEvent[][]): TimelineEvent[] {
  const key = (e: TimelineEvent) => e.date.padEnd(10, '-');
  return parts
    .flatMap((events, k) => events.map((e, i) => ({ e, k, i })))
    .sort((x, y) => (key(x.e) < key(y.e) ? -1 : key(x.e) > key(y.e) ? 1 : x.k - y.k || x.i - y.i))
    .map((x) => x.e);
}
