// Where a date's missing year (or a relative date) came from, as the reader is told it (issue 13):
// "In mid-March" after "In late February 2022" in the paragraph before is 2022-03 with
// `inferred: 'year inferred from an earlier paragraph ("late February 2022")'`; "the following
// day" after "on 17 February 2008" is 2008-02-18, 'counted from "17 February 2008" in the paragraph'.
//
// Relative words must agree with their anchor: "Later, in February, …" after "May 2009" cannot be
// February 2009, so a month that would fall before its anchor in a sentence that says it came
// after ("later", "afterwards", "subsequently", "the following") moves to the next year.
import type { Block, DateValue } from '../shared/types';
import type { FoundDate } from './dates';

/** The statement the reading-order context was taken from. */
export interface Anchor {
  value: DateValue;
  /** The block (paragraph, list) it is in; null for a section heading. */
  block: Block | null;
  heading?: string;
}

const RELATIVE = /\b(?:following|next|previous|preceding|after|before|same)\b/i;
const AFTER_WORDS = /\b(?:later|afterwards|subsequently|the following)\b/i;

/** The found dates with the reason of every inferred year or relative date recorded in `value.inferred`. */
export function recordInference(sentence: string, found: readonly FoundDate[], anchor: Anchor | null, block: Block): FoundDate[] {
  return found.map((f) => {
    if (!f.fromContext || !anchor) return f;
    const quoted = `"${anchor.value.text.replace(/^(?:on|in|since|from|by)\s+/i, '')}"`;
    const where = anchor.block === null ? `the section heading "${anchor.heading ?? ''}"` : anchor.block === block ? `the paragraph (${quoted})` : `an earlier paragraph (${quoted})`;
    if (RELATIVE.test(f.value.text)) {
      const from = anchor.block === null ? where : `${quoted} ${anchor.block === block ? 'in the paragraph' : 'in an earlier paragraph'}`;
      return { ...f, value: { ...f.value, inferred: `counted from ${from}` } };
    }
    let value = f.value;
    if ((value.precision === 'month' || value.precision === 'day') && AFTER_WORDS.test(sentence) && value.date < anchor.value.date.slice(0, value.date.length)) {
      value = { ...value, date: String(Number(value.date.slice(0, 4)) + 1) + value.date.slice(4) };
      return { ...f, value: { ...value, inferred: `year inferred: after ${quoted} in ${anchor.block === block ? 'the paragraph' : 'an earlier paragraph'} ("${AFTER_WORDS.exec(sentence)![0]}")` } };
    }
    return { ...f, value: { ...value, inferred: `year inferred from ${where}` } };
  });
}
