// The timeline's text filter, shared by the library service (the `timeline` method's `text`
// param) and the renderer (which filters the loaded events as you type), so both agree.
import type { TimelineEvent } from './types';
import { foldAccents } from './text';

/** Lower-cased, accent-folded words of a filter text; quotes and punctuation are ignored. */
export function filterWords(text: string): string[] {
  return foldAccents(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** An event matches when every word occurs in its summary, quote or partner names. */
export function eventMatcher(text: string): (event: TimelineEvent) => boolean {
  const words = filterWords(text);
  if (words.length === 0) return () => true;
  return (event) => {
    const hay = foldAccents(`${event.summary}\n${event.quote}\n${event.partners.join('\n')}`).toLowerCase();
    return words.every((w) => hay.includes(w));
  };
}
