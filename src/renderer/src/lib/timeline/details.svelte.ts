// The full events (summary, quote, anchor) behind the marks on show: the selected one, cluster
// members in the detail panel, list rows, markers' labels. Fetched in batches by id as they come
// into view, kept in a bounded cache; the marks themselves never carry text (issue 7).
import { MAX_TIMELINE_EVENTS, DeskError } from '../../../../shared/api';
import type { TimelineEvent } from '../../../../shared/types';

export type FetchEvents = (ids: string[]) => Promise<TimelineEvent[]>;

/** Wait this long for more wants before asking (a zoom gesture wants many times in a row). */
const BATCH_MS = 40;
/** Cached events kept; the oldest go first. */
const CACHE_LIMIT = 5000;

export class EventDetails {
  /** Bumped when events arrive; reading it makes a reader update then. */
  version = $state(0);
  error = $state.raw<DeskError | null>(null);
  readonly #fetch: FetchEvents | null;
  readonly #cache = new Map<string, TimelineEvent>();
  readonly #pending = new Set<string>();
  readonly #inflight = new Map<string, Promise<void>>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(fetch: FetchEvents | null = null) {
    this.#fetch = fetch;
  }

  /** The full event, if loaded (reactive). */
  get(id: string): TimelineEvent | undefined {
    void this.version;
    return this.#cache.get(id);
  }

  /** Ask for these events soon (batched); does nothing for those loaded or on their way. */
  want(ids: Iterable<string>): void {
    if (!this.#fetch) return;
    for (const id of ids) {
      const cached = this.#cache.get(id);
      if (cached) {
        // Still on show: the most recently wanted are the last to be dropped.
        this.#cache.delete(id);
        this.#cache.set(id, cached);
      } else if (!this.#inflight.has(id)) this.#pending.add(id);
    }
    if (this.#pending.size > 0 && this.#timer === undefined) this.#timer = setTimeout(() => this.#flush(), BATCH_MS);
  }

  /** The full event now (fetching it if needed); undefined if it cannot be had. */
  async load(id: string): Promise<TimelineEvent | undefined> {
    const cached = this.#cache.get(id);
    if (cached || !this.#fetch) return cached;
    if (!this.#inflight.has(id)) {
      this.#pending.add(id);
      this.#flush();
    }
    await this.#inflight.get(id);
    return this.#cache.get(id);
  }

  #flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const ids = [...this.#pending];
    this.#pending.clear();
    for (let i = 0; i < ids.length; i += MAX_TIMELINE_EVENTS) {
      const chunk = ids.slice(i, i + MAX_TIMELINE_EVENTS);
      const done = this.#fetch!(chunk).then(
        (events) => {
          for (const e of events) this.#cache.set(e.id, e);
          for (const key of this.#cache.keys()) {
            if (this.#cache.size <= CACHE_LIMIT) break;
            this.#cache.delete(key);
          }
          this.error = null;
        },
        (err: unknown) => {
          this.error = DeskError.from(err);
        },
      ).finally(() => {
        for (const id of chunk) this.#inflight.delete(id);
        this.version++;
      });
      for (const id of chunk) this.#inflight.set(id, done);
    }
  }
}
