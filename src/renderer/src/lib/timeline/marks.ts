// The timeline's marks, fetched once per window and kept across visits to the view: at 177,000
// events they are a few MB, and the library does not change while the app runs (issue 7).
import type { TimelineMark } from '../../../../shared/types';
import { expandMarks } from '../../../../shared/timelineMarks';
import { desk } from '../desk';

export interface LoadedMarks {
  corpusHash: string;
  marks: TimelineMark[];
}

let cached: Promise<LoadedMarks> | null = null;

export function loadMarks(): Promise<LoadedMarks> {
  if (!cached) {
    const p = desk.timelineMarks().then((m) => ({ corpusHash: m.corpusHash, marks: expandMarks(m) }));
    cached = p;
    // A failure is not kept: "Try again" asks again.
    p.catch(() => {
      if (cached === p) cached = null;
    });
  }
  return cached;
}

/** Forget the marks (the library answered for another corpus: it was rebuilt). */
export function forgetMarks(): void {
  cached = null;
}
