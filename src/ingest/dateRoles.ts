// Not every date in a sentence is the date of something that happened (issue 13):
//
// - a period label names a budget, school or fiscal year, or a programme: "As part of Albania's
//   2026 budget planning, the railway project has entered a new phase" is not a 2026 event, and
//   "a common primer for the 2012–13 academic year … was approved" happened in May 2012;
// - a plan or expectation dates a goal: "NATO hoped to have it completed by … April 2009", "which
//   was expected to have commenced by the end of 2018", "€370 million proposed for allocation in
//   2026", leaders "ready to take part in a … peace summit in Switzerland in the spring of 2024".
//   Nothing happened on that date, so the timeline leaves it out (the sentence stays in the
//   reader, search and comparison, undated). A date before the plan word is when the plan was
//   made ("In August 2018, Rama announced that NATO plans to build …") and stays.
//
// Neither kind moves the reading-order context: a later "in May" never takes a budget's year.
import { clausesOf } from './clauses';
import type { FoundDate } from './dates';

const LABEL_AFTER = /^[\s’'s]*(?:state |annual |national )?(?:budget|fiscal year|financial year|academic year|school year|budget year|season|census)\b/i;
const LABEL_BEFORE = /\b(?:fiscal|financial|academic|school|budget) year\s*$|\b(?:Vision|Agenda|Horizon|Strategy)\s*$/i;

/** Words that make what follows a goal, not a fact. */
const PLAN_CUE =
  /\b(?:hope[sd]?|hoping|expect(?:s|ed|ing)?|plan(?:s|ned)? to|aim(?:s|ed|ing)? (?:to|at)|intend(?:s|ed)? to|target(?:s|ed)?|scheduled|envisaged|foreseen|proposed (?:for|to)|pending|is to be|are to be|will|would|shall|goal|deadline|forecast|projected|(?:ready|prepared|set|due) to)\b/i;
/** The date must be what the goal is set for: "… by the end of 2018", "… in April 2009". */
const TARGET_PREPOSITION = /\b(?:by|in|for|until|before|around|within)\s+$/i;

export type DateRole = 'event' | 'label' | 'plan';

/** What a found date is in its sentence. */
export function dateRole(sentence: string, f: FoundDate, all: readonly FoundDate[]): DateRole {
  const before = sentence.slice(0, f.index);
  const after = sentence.slice(f.index + f.value.text.length);
  if (LABEL_AFTER.test(after) || LABEL_BEFORE.test(before)) return 'label';
  const clause = clausesOf(sentence, all).find((c) => f.index >= c.start && f.index < c.end);
  const lead = sentence.slice(clause?.start ?? 0, f.index);
  if (PLAN_CUE.test(lead) && TARGET_PREPOSITION.test(lead)) return 'plan';
  return 'event';
}

/** The dates of a sentence that date something that happened. */
export function eventDates(sentence: string, found: readonly FoundDate[]): FoundDate[] {
  return found.filter((f) => dateRole(sentence, f, found) === 'event');
}
