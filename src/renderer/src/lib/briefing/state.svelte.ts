// The composer's state: the query lives in the URL (see url.ts); this class reads it, loads the
// sheet for it and writes every change back to the URL, so back/forward undo a change.
import type { BriefingSheet } from '../../../../shared/types';
import type { FacetId, PaperSize } from '../../../../shared/types';
import type { DeskApi } from '../../../../shared/api';
import { Loader } from '../state/loader.svelte';
import { briefingHref, briefingParams, EMPTY_BRIEFING, moveFacet, NOTE_MAX, parseBriefingQuery, toggle, type BriefingQuery } from './url';

/** Goes to a URL of the app; `replace` rewrites the current history entry (the router's `go`). */
export type Navigate = (href: string, options: { replace: boolean }) => void;

/** The desk and the router are passed in, so the state can be tested without a server or a window. */
export class BriefingState {
  constructor(
    private readonly desk: Pick<DeskApi, 'briefing'>,
    private readonly navigate: Navigate,
  ) {}

  query = $state.raw<BriefingQuery>(EMPTY_BRIEFING);
  readonly sheet = new Loader<string, BriefingSheet>((key) => this.desk.briefing(JSON.parse(key)));
  /** The request the current query makes; the note and the paper do not change it. */
  readonly key = $derived(JSON.stringify(briefingParams(this.query)));

  /**
   * The sheet on show: the last one loaded, kept while an edit (a removal, a new order) reloads it,
   * so the preview and the composer's lists do not blink and keyboard focus stays where it was.
   */
  shown = $state.raw<BriefingSheet | undefined>(undefined);

  /** Called with the route's query string on every navigation. */
  async read(queryString: string): Promise<void> {
    const before = this.query.partners.join(',');
    this.query = parseBriefingQuery(queryString);
    if (this.query.partners.join(',') !== before) this.shown = undefined;
    if (this.query.partners.length === 0) return;
    const key = this.key;
    await this.sheet.load(key);
    if (this.key === key && this.sheet.value) this.shown = this.sheet.value;
  }

  #go(patch: Partial<BriefingQuery>, replace = false): void {
    this.navigate(briefingHref({ ...this.query, ...patch }), { replace });
  }

  choosePartner(id: string): void {
    this.#go({ partners: id ? [id] : [], pinned: [], excluded: [] });
  }
  setPaper(paper: PaperSize): void {
    this.#go({ paper }, true);
  }
  setNote(note: string): void {
    this.#go({ note: note.slice(0, NOTE_MAX) }, true);
  }
  remove(id: string): void {
    this.#go({ excluded: [...this.query.excluded, id], pinned: this.query.pinned.filter((p) => p !== id) });
  }
  restoreAll(): void {
    this.#go({ excluded: [] });
  }
  togglePin(id: string): void {
    this.#go({ pinned: toggle(this.query.pinned, id) });
  }
  pin(id: string): void {
    if (!this.query.pinned.includes(id)) this.#go({ pinned: [...this.query.pinned, id], excluded: this.query.excluded.filter((x) => x !== id) });
  }
  move(facet: FacetId, by: -1 | 1): void {
    this.#go({ order: moveFacet(this.query.order, facet, by) });
  }
  setOrder(order: FacetId[]): void {
    this.#go({ order });
  }
  resetOrder(): void {
    this.#go({ order: [] });
  }
}
