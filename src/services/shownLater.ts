// Parts of a comparison entry worked out only if the entry is shown (issue 19): a fact's block and
// its "sources differ" note were worked out for every entry, thousands past a cell's cap at 5,000
// documents. An entry holds a stand-in (a string no block id or note can be) in the key's place,
// so the shown entry's keys keep the order they had when the value was worked out at once.
import type { FacetEntry } from '../shared/types';

export class ShownLater {
  private readonly pending = new Map<string, () => string | undefined>();

  /** A stand-in for `fill()`, worked out by `settle` (`undefined`: the key is dropped). */
  later(fill: () => string | undefined): string {
    const token = `\u0000${this.pending.size}`;
    this.pending.set(token, fill);
    return token;
  }

  /** The entry with its stand-ins worked out, in place (a value of `undefined`: the key is dropped, as if never set). */
  readonly settle = (e: FacetEntry): FacetEntry => {
    for (const key of ['blockId', 'sourcesDiffer'] as const) {
      const fill = e[key] === undefined ? undefined : this.pending.get(e[key]);
      if (!fill) continue;
      const value = fill();
      if (value === undefined) delete e[key];
      else e[key] = value;
    }
    return e;
  };
}
