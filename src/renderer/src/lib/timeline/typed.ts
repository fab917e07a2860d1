// Typed-array helpers for the layout (issue 7: wide zoom steps over 100,000s of markers): reused
// buffers, binary search, and a sort of indexes by value without a comparator.

/** Buffers reused from one layout to the next (a wide zoom step lays out 100,000s of markers). */
export class Scratch {
  #floats: Float64Array[] = [];
  #ints: Int32Array[] = [];
  /** Float buffer number `i`, at least n long (contents undefined). */
  floats(i: number, n: number): Float64Array {
    const b = this.#floats[i];
    if (b && b.length >= n) return b;
    return (this.#floats[i] = new Float64Array(Math.max(n, 2 * (b?.length ?? 512))));
  }
  ints(i: number, n: number): Int32Array {
    const b = this.#ints[i];
    if (b && b.length >= n) return b;
    return (this.#ints[i] = new Int32Array(Math.max(n, 2 * (b?.length ?? 512))));
  }
}

/** First k with values[k] >= t. */
export function firstAtLeast(values: Float64Array, t: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Indexes of `values` in order of value, then of index. A native sort of numeric keys (the value
 * to `resolution`, then the index) does the work; insertion then orders values closer than
 * `resolution` exactly. Comparator sorts of 100,000s of indexes cost 10× more (issue 7).
 */
export function sortedIndexes(values: Float64Array, resolution: number): Int32Array {
  const n = values.length;
  const out = new Int32Array(n);
  if (n === 0) return out;
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < n; j++) {
    min = Math.min(min, values[j]!);
    max = Math.max(max, values[j]!);
  }
  const idx = 2 ** Math.ceil(Math.log2(n + 1));
  const keys = new Float64Array(n);
  if (Math.ceil((max - min) / resolution + 1) * idx < 2 ** 53) {
    for (let j = 0; j < n; j++) keys[j] = Math.round((values[j]! - min) / resolution) * idx + j;
    keys.sort();
    for (let j = 0; j < n; j++) out[j] = keys[j]! % idx;
  } else {
    // Too wide a range for exact keys: sort by index of a plain comparator sort instead.
    out.set(Array.from({ length: n }, (_, j) => j).sort((a, b) => values[a]! - values[b]! || a - b));
    return out;
  }
  for (let j = 1; j < n; j++) {
    const v = out[j]!;
    let i = j;
    while (i > 0 && (values[out[i - 1]!]! > values[v]! || (values[out[i - 1]!]! === values[v]! && out[i - 1]! > v))) {
      out[i] = out[i - 1]!;
      i--;
    }
    out[i] = v;
  }
  return out;
}
