// Search as you type: debounced, and an answer that arrives after a newer request is dropped.
import { DeskError } from '../../../../shared/api';
import type { DeskApi } from '../../../../shared/api';
import type { SearchHit, SearchResponse } from '../../../../shared/types';
import { desk } from '../desk';
import { MINE } from '../imports/mine';

export interface SearchRequest {
  q: string;
  doc: string | null;
  partner: string | null;
}

export interface ResultGroup {
  docSlug: string;
  docTitle: string;
  hits: SearchHit[];
}

const DEBOUNCE_MS = 150;
const LIMIT = 50;

const same = (a: SearchRequest | null, b: SearchRequest): boolean =>
  !!a && a.q === b.q && a.doc === b.doc && a.partner === b.partner;

/** The desk is passed in, so the state can be tested without a server. */
export class Search {
  constructor(private readonly desk: Pick<DeskApi, 'search'>) {}

  /** What is in the search box right now (may run ahead of the URL while typing). */
  input = $state('');
  request = $state.raw<SearchRequest | null>(null);
  response = $state.raw<SearchResponse | null>(null);
  error = $state.raw<DeskError | null>(null);
  pending = $state(false);

  groups = $derived.by<ResultGroup[]>(() => {
    const out: ResultGroup[] = [];
    for (const hit of this.response?.results ?? []) {
      let g = out.find((x) => x.docSlug === hit.docSlug);
      if (!g) out.push((g = { docSlug: hit.docSlug, docTitle: hit.docTitle, hits: [] }));
      g.hits.push(hit);
    }
    return out;
  });

  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Ask for `req`, debounced; an identical request in flight or answered is not repeated. */
  want(req: SearchRequest, { immediate = false } = {}): void {
    if (same(this.request, req) && (this.pending || this.response || this.error)) return;
    this.request = req;
    clearTimeout(this.#timer);
    if (!req.q.trim()) {
      this.#seq++;
      this.pending = false;
      this.response = null;
      this.error = null;
      return;
    }
    this.pending = true;
    if (immediate) void this.#run(req);
    else this.#timer = setTimeout(() => void this.#run(req), DEBOUNCE_MS);
  }

  retry(): void {
    if (this.request) {
      const req = this.request;
      this.request = null;
      this.want(req, { immediate: true });
    }
  }

  async #run(req: SearchRequest): Promise<void> {
    const seq = ++this.#seq;
    try {
      const response = await this.desk.search({
        query: req.q,
        limit: LIMIT,
        ...(req.doc === MINE ? { mine: true } : req.doc ? { docSlug: req.doc } : {}),
        ...(req.partner ? { partner: req.partner } : {}),
      });
      if (seq !== this.#seq) return;
      this.response = response;
      this.error = null;
    } catch (err) {
      if (seq !== this.#seq) return;
      this.error = DeskError.from(err);
      this.response = null;
    } finally {
      if (seq === this.#seq) this.pending = false;
    }
  }
}

export const search = new Search(desk);
