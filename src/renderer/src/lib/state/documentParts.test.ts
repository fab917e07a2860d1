// A long document a part at a time, over a fake desk: where it opens, what is loaded, stale opens.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../../shared/api';
import type { DocumentPart } from '../../../../shared/api';
import type { DeskDocument, Section } from '../../../../shared/types';
import { DocumentParts, PART } from './documentParts.svelte';

const section = (i: number): Section => ({ anchor: `s${i}`, heading: `Section ${i}`, level: 2, path: [`Section ${i}`], blocks: [] }) as Section;

/** A desk holding documents of `sizes[slug]` sections, answering like getDocumentPart does. */
function fakeDesk(sizes: Record<string, number>) {
  const asked: { slug: string; from?: number; anchor?: string }[] = [];
  const doc = (slug: string, sections: Section[]): DeskDocument => ({ slug, title: slug, kind: 'bilateral', sourceFile: `${slug}.txt`, partners: [], sections }) as DeskDocument;
  const desk = {
    getDocumentPart: async (p: { slug: string; from?: number; anchor?: string; count?: number }): Promise<DocumentPart> => {
      asked.push({ slug: p.slug, ...(p.from !== undefined ? { from: p.from } : {}), ...(p.anchor ? { anchor: p.anchor } : {}) });
      const n = sizes[p.slug];
      if (n === undefined) throw new DeskError('NOT_FOUND', `No document "${p.slug}".`);
      let from = p.from ?? 0;
      if (p.anchor) {
        const at = Number(p.anchor.slice(1));
        if (!p.anchor.startsWith('s') || !(at < n)) throw new DeskError('NOT_FOUND', `No section "${p.anchor}".`);
        from = Math.floor(at / PART) * PART;
      }
      const count = p.count ?? PART;
      const sections = Array.from({ length: Math.max(0, Math.min(count, n - from)) }, (_, i) => section(from + i));
      return { document: doc(p.slug, sections), from, sectionCount: n };
    },
    getDocumentOutline: async (p: { slug: string }) =>
      Array.from({ length: sizes[p.slug] ?? 0 }, (_, i) => ({ anchor: `s${i}`, heading: `Section ${i}`, level: 2 })),
  };
  return { desk, asked };
}

describe('DocumentParts over a fake desk', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens at the part holding the anchor, with a placeholder for every other part', async () => {
    const { desk } = fakeDesk({ long: 3 * PART + 7 });
    const parts = new DocumentParts(desk);
    await parts.open('long', `s${2 * PART + 1}`);
    expect(parts.isLong).toBe(true);
    expect(parts.slots.map((s) => s.sections?.length ?? null)).toEqual([null, null, PART, null]);
    expect([...parts.near]).toEqual([2]);
    expect(parts.head?.slug).toBe('long');
  });

  it('opens at the top when the anchor is not in the document', async () => {
    const { desk, asked } = fakeDesk({ short: 12 });
    const parts = new DocumentParts(desk);
    await parts.open('short', 'no-such-section');
    expect(parts.error).toBeNull();
    expect(asked).toEqual([{ slug: 'short', anchor: 'no-such-section' }, { slug: 'short' }]);
    expect(parts.isLong).toBe(false);
    expect(parts.slots[0]?.sections?.map((s) => s.anchor)).toHaveLength(12);
  });

  it('loads a part once however often it is asked for, and finds an anchor through the outline', async () => {
    const { desk, asked } = fakeDesk({ long: 4 * PART });
    const parts = new DocumentParts(desk);
    await parts.open('long', null);
    await Promise.all([parts.show(1), parts.show(1)]);
    expect(asked.filter((a) => a.from === PART)).toHaveLength(1);
    expect([...parts.near].sort()).toEqual([0, 1]);
    parts.hide(1, 5000);
    expect(parts.near.has(1)).toBe(false);
    expect(parts.heightOf(1)).toBe(5000);
    await vi.advanceTimersByTimeAsync(600); // the outline is asked for once the top is on screen
    expect(parts.outline).toHaveLength(4 * PART);
    expect(await parts.reveal(`s${3 * PART + 4}`)).toBe(true);
    expect(parts.near.has(3)).toBe(true);
    expect(await parts.reveal('nowhere')).toBe(false);
  });

  it('ignores the answer for a document left before it came, and keeps a failure as a DeskError', async () => {
    const { desk } = fakeDesk({ first: 10, second: 20 });
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const slow = {
      ...desk,
      getDocumentPart: async (p: { slug: string; count?: number }) => {
        if (p.slug === 'first') await gate;
        return desk.getDocumentPart(p);
      },
    };
    const parts = new DocumentParts(slow);
    const first = parts.open('first', null);
    await parts.open('second', null);
    release();
    await first;
    expect(parts.head?.slug).toBe('second');
    expect(parts.slots[0]?.sections).toHaveLength(20);

    await parts.open('missing', null);
    expect(parts.head).toBeNull();
    expect(parts.error?.code).toBe('NOT_FOUND');
  });
});
