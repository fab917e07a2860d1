// The CLI's timeline, printed a page at a time: the same output as the whole list printed at once.
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { TimelinePage } from '../shared/api';
import type { TimelineEvent } from '../shared/types';
import { Library } from '../services/library';
import { formatDate, formatTable } from './format';
import { printTimeline } from './timeline';

const lib = Library.open(inject('dbPath'));
const events = lib.timeline({});
afterAll(() => lib.close());

/** A handler that answers at most `size` events a page, and records what it was asked. */
function pager(list: TimelineEvent[], size: number, corpusHash = () => 'h') {
  const asked: { offset: number; limit: number }[] = [];
  const fetch = async (p: Record<string, unknown>): Promise<TimelinePage> => {
    const offset = p.offset as number;
    const limit = Math.min(size, p.limit as number);
    asked.push({ offset, limit: p.limit as number });
    return { corpusHash: corpusHash(), total: list.length, offset, events: list.slice(offset, offset + limit) };
  };
  return { fetch, asked };
}

async function printed(list: TimelineEvent[], size: number, json: boolean, max?: number): Promise<string> {
  const out: string[] = [];
  await printTimeline({ fetch: pager(list, size).fetch, filters: {}, json, out: (t) => out.push(t), ...(max !== undefined ? { max } : {}) });
  return out.join('\n');
}

const shown = ({ date, precision, end, summary, partners, docSlug, anchor, quote, category }: TimelineEvent) => ({ date, precision, ...(end ? { end } : {}), summary, category, partners, docSlug, anchor, quote });

describe('printTimeline', () => {
  it.each([1, 2, 7, 186, 1000])('prints JSON byte for byte as JSON.stringify(events, null, 2), in pages of %i', async (size) => {
    expect(await printed(events, size, true)).toBe(JSON.stringify(events.map(shown), null, 2));
  });

  it('prints [] for no events, and an array of one for one', async () => {
    expect(await printed([], 10, true)).toBe('[]');
    expect(JSON.parse(await printed(events.slice(0, 1), 10, true))).toEqual([shown(events[0]!)]);
  });

  it('prints the table the whole list makes when its widths are reached on the first page', async () => {
    const table = formatTable(['date', 'precision', 'summary', 'partners'], events.map((e) => [formatDate(e), e.precision, e.summary, e.partners.join(', ')]));
    expect(await printed(events, 1000, false)).toBe(table);
    // Later pages may widen a column, never drop a row.
    expect((await printed(events, 5, false)).split('\n')).toHaveLength(events.length + 2);
  });

  it('prints a 200,000-row table (the whole list at once overflowed the stack at 5,000 documents)', async () => {
    const many = Array.from({ length: 200_000 }, (_, i) => events[i % events.length]!);
    expect(formatTable(['a'], many.map((e) => [e.date])).split('\n')).toHaveLength(200_002);
    expect((await printed(many, 1000, false)).split('\n')).toHaveLength(200_002);
  });

  it('asks for no more than --limit, and stops there', async () => {
    const { fetch, asked } = pager(events, 1000);
    const out: string[] = [];
    expect(await printTimeline({ fetch, filters: {}, max: 12, json: true, out: (t) => out.push(t) })).toBe(12);
    expect(asked).toEqual([{ offset: 0, limit: 12 }]);
    expect(JSON.parse(out.join('\n'))).toHaveLength(12);
  });

  it('stops with a clear error when the library changes between two pages', async () => {
    let calls = 0;
    const { fetch } = pager(events, 50, () => (calls++ === 0 ? 'a' : 'b'));
    await expect(printTimeline({ fetch, filters: {}, json: false, out: () => {} })).rejects.toThrow(/library changed while the timeline was printed/);
  });
});
