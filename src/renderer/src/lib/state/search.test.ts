// Search as you type over a fake desk: debounce, stale answers dropped, filters, failures.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../../shared/api';
import type { SearchHit, SearchResponse } from '../../../../shared/types';
import { MINE } from '../imports/mine';
import { Search, type SearchRequest } from './search.svelte';

type Params = { query: string; limit?: number; docSlug?: string; partner?: string; mine?: boolean };

const hit = (docSlug: string, blockId: string) => ({ docSlug, docTitle: docSlug.toUpperCase(), blockId }) as SearchHit;
const answer = (query: string, results: SearchHit[]): SearchResponse => ({ query, total: results.length, results });
const req = (q: string, doc: string | null = null, partner: string | null = null): SearchRequest => ({ q, doc, partner });

/** A desk whose replies the test releases one by one, in any order. */
function heldDesk() {
  const calls: { params: Params; resolve: (r: SearchResponse) => void; reject: (e: unknown) => void }[] = [];
  const desk = {
    search: (params: Params) => new Promise<SearchResponse>((resolve, reject) => calls.push({ params, resolve, reject })),
  };
  return { desk, calls };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('Search over a fake desk', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('drops an answer that arrives after a newer request was made', async () => {
    const { desk, calls } = heldDesk();
    const s = new Search(desk);
    s.want(req('kos'), { immediate: true });
    s.want(req('kosovo'), { immediate: true });
    calls[1]!.resolve(answer('kosovo', [hit('albania-kosovo', 'b1')]));
    await settle();
    calls[0]!.resolve(answer('kos', [hit('stale', 'b9')]));
    await settle();
    expect(s.response?.query).toBe('kosovo');
    expect(s.groups.map((g) => g.docSlug)).toEqual(['albania-kosovo']);
    expect(s.pending).toBe(false);
  });

  it('waits for typing to pause, then asks once, with the filters the request names', async () => {
    vi.useFakeTimers();
    const { desk, calls } = heldDesk();
    const s = new Search(desk);
    s.want(req('gr'));
    s.want(req('greece', MINE, 'greece'));
    expect(calls).toHaveLength(0);
    expect(s.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls.map((c) => c.params)).toEqual([{ query: 'greece', limit: 50, mine: true, partner: 'greece' }]);
    s.want(req('greece', MINE, 'greece'));
    s.want(req('greece', 'albania-greece'), { immediate: true });
    expect(calls.at(-1)?.params).toEqual({ query: 'greece', limit: 50, docSlug: 'albania-greece' });
    expect(calls).toHaveLength(2);
  });

  it('groups hits by document in the order they came', async () => {
    const { desk, calls } = heldDesk();
    const s = new Search(desk);
    s.want(req('treaty'), { immediate: true });
    calls[0]!.resolve(answer('treaty', [hit('a', '1'), hit('b', '2'), hit('a', '3')]));
    await settle();
    expect(s.groups.map((g) => [g.docSlug, g.hits.map((h) => h.blockId)])).toEqual([
      ['a', ['1', '3']],
      ['b', ['2']],
    ]);
  });

  it('keeps a failure as a DeskError, retries it, and an empty box clears everything', async () => {
    const { desk, calls } = heldDesk();
    const s = new Search(desk);
    s.want(req('nato'), { immediate: true });
    calls[0]!.reject({ code: 'DB_STALE', message: 'The library was built from another corpus.' });
    await settle();
    expect(s.error).toBeInstanceOf(DeskError);
    expect(s.error?.code).toBe('DB_STALE');
    expect(s.pending).toBe(false);
    s.retry();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(answer('nato', [hit('nato', '1')]));
    await settle();
    expect(s.error).toBeNull();
    expect(s.response?.total).toBe(1);
    s.want(req('   '));
    expect(s.response).toBeNull();
    expect(s.pending).toBe(false);
    expect(calls).toHaveLength(2);
  });
});
