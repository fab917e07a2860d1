// The comparison's "keep the best entries, spread over sections" rule (compare.ts `pick`), in
// O(n log n) instead of a scan of every entry left per pick (issue 19: a partner named in 30,000
// passages has thousands of candidates per facet, and the scan took 11 s of a briefing).
//
// The rule: repeatedly take the entry of highest value, where value = score − 2 × (entries already
// taken from its section); ties go to the lower `order`, then to the earlier entry in the input.
// An entry whose words (keyOf) were already taken is dropped without counting for its section.
// Values only ever go down, so a max-heap on stored values with lazy re-evaluation ("lazy greedy")
// yields exactly the same sequence: an entry at the top whose stored value is still current beats
// every other entry, whose current value is at most its stored one.

export interface ScoredEntry<E extends { docSlug: string; anchor: string }> {
  entry: E;
  score: number;
  order: number;
}

export function pickSpread<E extends { docSlug: string; anchor: string }>(scored: readonly ScoredEntry<E>[], keyOf: (entry: E) => string): E[] {
  const n = scored.length;
  const section = scored.map((s) => `${s.entry.docSlug}#${s.entry.anchor}`);
  const value = Float64Array.from(scored, (s) => s.score);
  const order = Float64Array.from(scored, (s) => s.order);
  // Heap of indices; a above b when its value is higher, then its order lower, then its index.
  const heap = Int32Array.from({ length: n }, (_, i) => i);
  const above = (a: number, b: number): boolean => value[a]! > value[b]! || (value[a] === value[b] && (order[a]! < order[b]! || (order[a] === order[b] && a < b)));
  let size = n;
  const down = (at: number): void => {
    const x = heap[at]!;
    for (;;) {
      const l = 2 * at + 1;
      if (l >= size) break;
      const r = l + 1;
      const c = r < size && above(heap[r]!, heap[l]!) ? r : l;
      if (!above(heap[c]!, x)) break;
      heap[at] = heap[c]!;
      at = c;
    }
    heap[at] = x;
  };
  for (let i = (size >> 1) - 1; i >= 0; i--) down(i);

  const perSection = new Map<string, number>();
  const seen = new Set<string>();
  const out: E[] = [];
  while (size > 0) {
    const top = heap[0]!;
    const current = scored[top]!.score - 2 * (perSection.get(section[top]!) ?? 0);
    if (current < value[top]!) {
      value[top] = current; // taken from its section since it was stored: sift down and look again
      down(0);
      continue;
    }
    heap[0] = heap[--size]!;
    down(0);
    const key = keyOf(scored[top]!.entry);
    if (seen.has(key)) continue;
    seen.add(key);
    perSection.set(section[top]!, (perSection.get(section[top]!) ?? 0) + 1);
    out.push(scored[top]!.entry);
  }
  return out;
}
