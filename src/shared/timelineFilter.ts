// The timeline's text filter and cluster kinds, shared by the builder (which stores each event's
// folded text and kind), the library service (the `text` param of `timeline`/`timelineMatch`) and
// the renderer, so that all of them agree.
import type { EventKind, TimelineEvent } from './types';
import { foldAccents } from './text';

/** Lower-cased, accent-folded words of a filter text; quotes and punctuation are ignored. */
export function filterWords(text: string): string[] {
  return foldAccents(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

type Searchable = Pick<TimelineEvent, 'summary' | 'quote' | 'partners'>;

/** What the text filter looks in: summary, quote and partner names, folded and lower-cased. */
export function eventHaystack(event: Searchable): string {
  return foldAccents(`${event.summary}\n${event.quote}\n${event.partners.join('\n')}`).toLowerCase();
}

/** An event matches when every word occurs in its summary, quote or partner names. */
export function eventMatcher(text: string): (event: Searchable) => boolean {
  const words = filterWords(text);
  if (words.length === 0) return () => true;
  return (event) => {
    const hay = eventHaystack(event);
    return words.every((w) => hay.includes(w));
  };
}

/**
 * What a cluster label counts an event as. Stored per event at build time: a change here needs
 * INGEST_VERSION bumped (src/core/schema.ts).
 */
export function eventKind(summary: string): EventKind {
  const unnamed = /not named in the source/.test(summary);
  if (/\bratified\b|\bratification\b/i.test(summary)) return unnamed ? 'ratification-unnamed' : 'ratification';
  if (/^Relations (?:re-)?established|^Relations severed/.test(summary)) return unnamed ? 'relations-unnamed' : 'relations';
  if (/: term as .+ (?:begins|ends)$/.test(summary)) return 'term';
  return 'other';
}
