// What a dated event is about, in one of six categories, read the way a person skimming the
// source would: the words nearest the date first (the event's summary), then the whole source
// sentence, then the headings above it, then what the document as a whole is about.
//
// Within each of those, the rules below are tried in order and the first that matches wins. The
// order settles the overlaps the corpus has:
//   accession before security  – "screening … Chapter 31 'Foreign, security and defence policy'"
//                                is a step of EU accession, not a defence event;
//   security before conflict   – "a military alliance … aimed against Serbia in case a war" is
//                                about the alliance;
//   conflict before diplomatic – "the honorary consulate in Kharkiv was shelled" is the war;
//   people before diplomatic   – "the Ministry of Culture … on the common use of embassies".
// One rule goes first of all: a signed treaty is diplomatic even when it discusses refugees.
// "Security Council" is a UN body, never a defence word.
import type { EventCategory } from '../shared/types';

export interface CategoryRule {
  category: EventCategory;
  /** Matched case-insensitively against the text. */
  pattern: RegExp;
}

export const CATEGORY_RULES: readonly CategoryRule[] = [
  // A treaty signed is a diplomatic act, whatever it goes on to discuss (refugees, borders).
  { category: 'diplomatic', pattern: /\bsigned a Treaty\b|\bTreaty of Peace\b/i },
  {
    category: 'accession',
    pattern:
      /\baccession\b|\bmembership\b|\bfull member\b|\bbec(?:a|o)me a member\b|\bmember of (?:NATO|the EU|the European Union|the alliance|the 15-country|the United Nations)\b|\bMember of NATO\b|\bjoin(?:s|ed|ing)? (?:NATO|the alliance|the European Union|the EU|the North Atlantic)\b|\bjoined\b|\binvitation to join\b|\bNATO entry\b|\bentry into (?:NATO|the EU|the European Union)\b|\bapplied to join\b|\bMembership Action Plan\b|\breceived a MAP\b|\bPartnership for Peace\b|\bscreening\b|\bIntergovernmental Conference\b|\bnegotiations? with Albania\b|\bratif(?:y|ied|ication)\b/i,
  },
  {
    category: 'security',
    pattern:
      /\bdefen[cs]e\b|\bmilitar(?:y|ily)\b|\bair base\b|\bnaval base\b|\bsecurity(?! Council)\b|\barmed forces\b|\bclassified information\b|\bhybrid\b|\bNorth Atlantic Cooperation Council\b|\bNACC\b|\bstrong ally\b|\bstability factor\b/i,
  },
  {
    category: 'conflict',
    pattern:
      /\bwars?\b|\binvasion\b|\binvaded\b|\bshell(?:ed|ing)\b|\brefugees?\b|\bannexation\b|\bconflict\b|\bunrest\b|\bethnic cleansing\b|\bdestabili[sz]e\b|\baggression\b|\bresistance\b|\bhostilit(?:y|ies)\b/i,
  },
  {
    category: 'economy',
    pattern:
      /\beconom(?:y|ic)\b|\btrade\b|\binvest(?:ment|ments|ing)?\b|\bcustoms\b|\bmarket\b|\brailway\b|\benergy\b|\belectricity\b|\binterconnection\b|\bbudget\b|\bmillion\b|\bbillion\b|\bfund\b|\baid\b|\binfrastructure\b|\bport\b|\bmasterplan\b/i,
  },
  {
    category: 'people',
    pattern:
      /\bfree[- ]movement\b|\bborder controls\b|\bcultur(?:e|al)\b|\beducation\b|\bacademic\b|\bprimer\b|\bstudents?\b|\bdiaspora\b|\blanguage\b|\bheritage\b|\bsport\b|\btourism\b|\bearthquake\b|\bhumanitarian\b|\bArvanite\b|\bminorit(?:y|ies)\b|\bpublic support\b|\boverwhelming support\b/i,
  },
  {
    category: 'diplomatic',
    pattern:
      /\brelations?\b|\bdiplomatic\b|\bembass(?:y|ies)\b|\bconsulate\b|\bambassador\b|\brepresentative\b|\benvoy\b|\bvisit(?:ed|s)?\b|\brecogni[sz](?:e|ed|ing|tion)\b|\bindependence\b|\btreaty\b|\bprotocol\b|\bmemorandum\b|\bdeclaration\b|\bresolution\b|\bconfederation\b|\bforeign minister\b/i,
  },
];

/** Documents whose subject decides when nothing nearer does. */
const DOCUMENT_DEFAULTS: Record<string, EventCategory> = {
  'albania-nato-relations': 'security',
  'security-and-defence-partnership-between-the-european-union': 'security',
};

export interface CategoryInput {
  /** The event's one-line summary (the clause around its date). */
  summary: string;
  /** The exact source sentence, row or field. */
  quote: string;
  /** Section headings from the top of the document down to the event's section. */
  headings: readonly string[];
  docSlug: string;
}

/** The category of the first rule that matches `text`, or null. */
export function categoryOfText(text: string): EventCategory | null {
  for (const rule of CATEGORY_RULES) if (rule.pattern.test(text)) return rule.category;
  return null;
}

/**
 * Summary, then quote, then headings (nearest first), then the document's subject; diplomatic
 * when nothing says otherwise (most undated-by-topic events are relations being established).
 */
export function classifyEvent(input: CategoryInput): EventCategory {
  const nearestFirst = [input.summary, input.quote, ...[...input.headings].reverse()];
  for (const text of nearestFirst) {
    const found = categoryOfText(text);
    if (found) return found;
  }
  return DOCUMENT_DEFAULTS[input.docSlug] ?? 'diplomatic';
}
