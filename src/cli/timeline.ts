// `relations-desk timeline`: the events a page at a time, each page printed as it comes (issue 19:
// 174,000 events at 5,000 documents were one 70 MB answer, held twice before a line was printed).
// Memory stays that of one page, the first rows show at once, and `| head` stops it early.
import { MAX_TIMELINE_PAGE, type TimelinePage } from '../shared/api';
import type { TimelineEvent } from '../shared/types';
import { columnWidths, formatDate, formatRows } from './format';

export interface TimelineOutput {
  /** A page of events from the handlers (`timeline`), which check the filters. */
  fetch: (params: Record<string, unknown>) => Promise<TimelinePage>;
  /** As typed on the command line (TimelineParams once the handlers accept them). */
  filters: Record<string, unknown>;
  /** Print at most this many events. */
  max?: number;
  json: boolean;
  /** One or more whole lines, without the last newline; a promise when the reader is behind (then awaited). */
  out: (text: string) => unknown;
}

const HEADERS = ['date', 'precision', 'summary', 'partners'];

/**
 * Prints the events oldest first: as JSON, the same array `JSON.stringify(events, null, 2)` would
 * give; as text, a table whose columns widen when a later page has a longer cell. Returns how many
 * events were printed.
 */
export async function printTimeline(o: TimelineOutput): Promise<number> {
  const max = o.max ?? Infinity;
  let printed = 0;
  let corpusHash: string | null = null;
  let widths: number[] | null = null;
  // JSON: the last line of a page (its last event's "}") waits to know whether a comma follows it.
  let pending: string | null = null;
  for (;;) {
    const limit = Math.min(MAX_TIMELINE_PAGE, max - printed);
    if (limit <= 0) break;
    const page = await o.fetch({ ...o.filters, offset: printed, limit });
    // Rebuilt between two pages, the library would be read from the middle of another chronology.
    if (corpusHash !== null && page.corpusHash !== corpusHash) throw new Error('The library changed while the timeline was printed; run the command again.');
    corpusHash = page.corpusHash;
    if (o.json && page.events.length > 0) {
      // One stringify per page: its elements come out indented and separated as the whole array's.
      const body = JSON.stringify(page.events.map(shown), null, 2).slice(2, -2);
      const cut = body.lastIndexOf('\n');
      await o.out(`${pending === null ? '[' : `${pending},`}\n${body.slice(0, cut)}`);
      pending = body.slice(cut + 1);
    } else if (!o.json) {
      const rows = page.events.map((e) => [formatDate(e), e.precision, e.summary, e.partners.join(', ')]);
      const first = widths === null;
      widths = columnWidths(HEADERS, rows, widths ?? undefined);
      const lines = formatRows(rows, widths);
      if (first) lines.unshift(...formatRows([HEADERS, widths.map((w) => '-'.repeat(w))], widths));
      await o.out(lines.join('\n'));
    }
    printed += page.events.length;
    if (page.events.length === 0 || printed >= page.total) break;
  }
  if (o.json) await o.out(pending === null ? '[]' : `${pending}\n]`);
  return printed;
}

/** What the CLI prints of an event (its id and the date's note are the app's, not the reader's). */
function shown({ date, precision, end, summary, partners, docSlug, anchor, quote, category }: TimelineEvent) {
  return { date, precision, ...(end ? { end } : {}), summary, category, partners, docSlug, anchor, quote };
}

