// Which cells of the grid have their quotes open: one by one (each cell's own toggle) or all at
// once (the grid's "Open all quotes"). Keys are "facet:partner".
import { SvelteSet } from 'svelte/reactivity';

export const cellKey = (facet: string, partner: string): string => `${facet}:${partner}`;

export class FoldState {
  readonly #open = new SvelteSet<string>();

  isOpen(key: string): boolean {
    return this.#open.has(key);
  }

  set(key: string, open: boolean): void {
    if (open) this.#open.add(key);
    else this.#open.delete(key);
  }

  /** True when every key given is open. */
  allOpen(keys: readonly string[]): boolean {
    return keys.length > 0 && keys.every((k) => this.#open.has(k));
  }

  openAll(keys: readonly string[]): void {
    for (const k of keys) this.#open.add(k);
  }

  closeAll(): void {
    this.#open.clear();
  }
}
