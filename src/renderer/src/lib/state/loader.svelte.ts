// One asynchronous load at a time, with stale answers ignored and failures kept as DeskError.
import { DeskError } from '../../../../shared/api';

export class Loader<K, T> {
  value = $state.raw<T | undefined>(undefined);
  error = $state.raw<DeskError | null>(null);
  loading = $state(false);
  key = $state.raw<K | undefined>(undefined);
  #seq = 0;
  #fetch: (key: K) => Promise<T>;

  constructor(fetch: (key: K) => Promise<T>) {
    this.#fetch = fetch;
  }

  /** Load `key` unless it is already loaded (or loading); `force` reloads. */
  async load(key: K, force = false): Promise<void> {
    if (!force && this.key === key && (this.loading || this.value !== undefined)) return;
    const seq = ++this.#seq;
    if (this.key !== key) this.value = undefined;
    this.key = key;
    this.loading = true;
    this.error = null;
    try {
      const value = await this.#fetch(key);
      if (seq === this.#seq) this.value = value;
    } catch (err) {
      if (seq === this.#seq) this.error = DeskError.from(err);
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }

  retry(): Promise<void> {
    return this.load(this.key as K, true);
  }
}
