import { describe, expect, it } from 'vitest';
import { pickSpread, type ScoredEntry } from './pickSpread';

type E = { docSlug: string; anchor: string; text: string };

/** The rule as compare.ts first wrote it: a scan of every entry left per pick. */
function reference(scored: ScoredEntry<E>[]): E[] {
  const left = [...scored];
  const out: E[] = [];
  const perSection = new Map<string, number>();
  const seen = new Set<string>();
  while (left.length > 0) {
    let bi = 0;
    let best = -Infinity;
    left.forEach((s, i) => {
      const v = s.score - 2 * (perSection.get(`${s.entry.docSlug}#${s.entry.anchor}`) ?? 0);
      if (v > best || (v === best && s.order < left[bi]!.order)) {
        best = v;
        bi = i;
      }
    });
    const [s] = left.splice(bi, 1);
    if (seen.has(s!.entry.text)) continue;
    seen.add(s!.entry.text);
    const sk = `${s!.entry.docSlug}#${s!.entry.anchor}`;
    perSection.set(sk, (perSection.get(sk) ?? 0) + 1);
    out.push(s!.entry);
  }
  return out;
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('pickSpread', () => {
  it('takes the same entries in the same order as the scan it replaces (500 random cases: ties, repeated words, repeated orders)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const r = random(seed);
      const n = Math.floor(r() * 80);
      const scored: ScoredEntry<E>[] = Array.from({ length: n }, (_, i) => ({
        entry: { docSlug: `d${Math.floor(r() * 4)}`, anchor: `s${Math.floor(r() * 3)}`, text: `t${Math.floor(r() * n * 0.7)}` },
        score: Math.floor(r() * 10),
        order: r() < 0.1 ? 7 : i * 3 - Math.floor(r() * 40),
      }));
      expect(pickSpread(scored, (e) => e.text), `seed ${seed}`).toEqual(reference(scored));
    }
  });

  it('spreads over sections (a second pick from a section costs 2) and drops words already taken', () => {
    const e = (anchor: string, text: string) => ({ docSlug: 'd', anchor, text });
    const picked = pickSpread(
      [
        { entry: e('a', 'a1'), score: 5, order: 1 },
        { entry: e('a', 'a2'), score: 4, order: 2 },
        { entry: e('b', 'b1'), score: 3, order: 3 },
        { entry: e('b', 'a1'), score: 9, order: 0 },
      ],
      (x) => x.text,
    );
    expect(picked.map((x) => `${x.anchor}:${x.text}`)).toEqual(['b:a1', 'a:a2', 'b:b1']);
  });
});
