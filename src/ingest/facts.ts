// Facts per partner, read from text units: relations established / severed, recognition,
// resident missions, envoys, memberships. Every fact keeps its SourceRef (document, section
// anchor, the exact sentence or table row). Sources that disagree are all kept; choosing one
// (e.g. `established`) is done in extract.ts.
//
// The rules are small and named below; each reads one way the corpus states a fact. Table rows
// and infobox fields are read in structuredFacts.ts; the facts are kept in a FactBook (factBook.ts).
import type { DateValue } from '../shared/types';
import { dateNear, sourceOf, type FactBook } from './factBook';
import { fieldFacts, rowFacts } from './structuredFacts';
import { eventPartners, withArticle, type DocMeta, type TextUnit } from './events';
import { mentionsIn, partnerById, resolvePartner } from '../core/partners';

/** Read every fact of one document into `book`. */
export function collectFacts(units: TextUnit[], meta: DocMeta, book: FactBook): void {
  let previous: TextUnit | null = null;
  for (const unit of units) {
    if (unit.kind === 'row') rowFacts(unit, meta, book);
    else if (unit.kind === 'field') fieldFacts(unit, units, book);
    else {
      relationFacts(unit, meta, book);
      recognitionFacts(unit, book);
      missionFacts(unit, meta, book);
      envoyFacts(unit, book);
      membershipFacts(unit, book, previous);
    }
    previous = unit;
  }
}

// --- relations established / severed --------------------------------------------------------

const ESTABLISHED =
  /\brelations\b[^.]*?\b(?:were|was|had been|have been|has been)\s+(?:officially\s+|formally\s+)?(?:re-?)?established\b|(?<!\bto )\b(?:re-?)?established (?:diplomatic )?relations\b/i;
const SEVERED =
  /\brelations\b[^.]*?\b(?:were|was|had been|have been|has been)\s+(?:officially\s+)?(?:suspended|severed|broken off|cut)\b|\b(?:severed|suspended|broke off|cut) (?:diplomatic )?relations\b/i;

function relationFacts(unit: TextUnit, meta: DocMeta, book: FactBook): void {
  if (unit.dates.length === 0) return;
  for (const [re, list] of [
    [ESTABLISHED, 'establishedSources'],
    [SEVERED, 'severed'],
  ] as const) {
    const m = re.exec(unit.text);
    if (!m) continue;
    const value = dateNear(unit);
    if (!value) continue;
    const withWhom = /\bwith (?:the )?([A-Z][\p{L} ]+?)\b(?: on| in|[.,])/u.exec(unit.text.slice(m.index));
    const named = withWhom ? resolvePartner(withWhom[1]!) : null;
    const partners = named ? [named.id] : eventPartners(unit, meta).filter((id) => partnerById(id)!.kind !== 'organisation' || id === meta.main?.id);
    for (const id of partners) book.of(id)[list].push({ value, source: sourceOf(unit) });
  }
}

// --- recognition --------------------------------------------------------------------------

const RECOGNISES = /\b(?:recogni[sz](?:ed|es|e|ing)|recognition of)\s+(?:the\s+)?(?:(?:declared\s+)?independence\s+of\s+(?:the\s+)?)?/gi;

/** "Albania recognized the independence of Ukraine on January 4, 1992", "…its recognition of the Republic of Kosovo". */
function recognitionFacts(unit: TextUnit, book: FactBook): void {
  if (unit.dates.length === 0) return;
  for (const m of unit.text.matchAll(RECOGNISES)) {
    // Albania must be the one recognising: named before the verb, with no other state in between as subject.
    const before = unit.text.slice(0, m.index);
    if (!/\bAlbania\b/.test(before)) continue;
    const after = unit.text.slice(m.index + m[0].length);
    const object = mentionsIn(after)[0];
    if (!object || object.index !== 0) continue;
    const value = dateNear(unit, m.index);
    if (!value) continue;
    book.of(object.id).recognition.push({ value, source: sourceOf(unit) });
  }
}

// --- resident missions ------------------------------------------------------------------------

const PLACE = String.raw`(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)*(?:, \p{Lu}[\p{L}'’-]+)?)`;
const SUBJECT = String.raw`(Albania|\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)*)`;
const MISSION_KIND = '(honorary consulate|consulate[- ]general|consulate|embassy)';
const ACCREDITED = new RegExp(String.raw`\b${SUBJECT} is accredited to (?:the )?${PLACE} from its ${MISSION_KIND} in ${PLACE}`, 'gu');
const HAS_MISSION = new RegExp(String.raw`(?:\b${SUBJECT} )?\b(?:has|opened|operates|maintains)(?: also)? an? ${MISSION_KIND} in ${PLACE}`, 'gu');
const EMBASSY_OF = new RegExp(String.raw`\b(Embassy|Consulate) of ${SUBJECT} in ${PLACE}`, 'gu');

function missionFacts(unit: TextUnit, meta: DocMeta, book: FactBook): void {
  const text = unit.text;
  const add = (subject: string, kind: string, place: string, accreditedTo?: string) => {
    const source = sourceOf(unit);
    if (/^Albania$/.test(subject)) {
      const partner = (accreditedTo ? resolvePartner(accreditedTo) : null) ?? meta.main;
      if (!partner) return;
      book.of(partner.id).missions.push({ direction: 'albania-in-partner', kind, place, source });
    } else {
      const partner = resolvePartner(subject);
      if (!partner) return;
      book.of(partner.id).missions.push({ direction: 'partner-in-albania', kind, place, source });
    }
  };

  let lastSubject: string | null = /^Albania\b/.test(text) ? 'Albania' : null;
  const covered: [number, number][] = [];
  for (const m of text.matchAll(ACCREDITED)) {
    add(m[1]!, `accredited from its ${m[3]!.toLowerCase()}`, m[4]!, m[2]!);
    lastSubject = m[1]!;
    covered.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(HAS_MISSION)) {
    if (covered.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const subject = m[1] && (m[1] === 'Albania' || resolvePartner(m[1])) ? m[1] : lastSubject;
    if (!subject) continue;
    add(subject, m[2]!.toLowerCase(), m[3]!);
    lastSubject = subject;
  }
  for (const m of text.matchAll(EMBASSY_OF)) {
    const place = m[3]!;
    // "The Embassy of Ukraine in Albania": the place is the host country.
    add(m[2]!, m[1]!.toLowerCase(), place);
  }
}

// --- envoys ---------------------------------------------------------------------------------

const PERSON = String.raw`(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,3})`;
const AMBASSADOR_IS = new RegExp(String.raw`\b(?:current |former )?ambassador to (?:the )?([\p{Lu}][\p{L}. ]+?) is ${PERSON}`, 'giu');
const AMBASSADOR_NAME = new RegExp(String.raw`\bAmbassador to (?:the )?(UN|United Nations|EU|European Union|NATO|OSCE) ${PERSON}`, 'gu');
const HEAD_OF_MISSION = new RegExp(
  String.raw`\b(?:new )?(Head of (?:the )?Albanian (?:diplomatic )?mission in (\p{Lu}\p{L}+)),? ${PERSON},? (?:was|has been|is) appointed`,
  'giu',
);

function envoyFacts(unit: TextUnit, book: FactBook): void {
  const text = unit.text;
  const add = (partnerName: string, title: string, name: string, from?: DateValue) => {
    const partner = resolvePartner(partnerName);
    if (!partner) return;
    book.of(partner.id).envoys.push({ name, title, sends: 'albania', ...(from ? { from } : {}), source: sourceOf(unit) });
  };
  for (const m of text.matchAll(AMBASSADOR_IS)) add(m[1]!, `Ambassador to ${article(m[1]!)}${m[1]}`, m[2]!);
  for (const m of text.matchAll(AMBASSADOR_NAME)) add(m[1]!, `Ambassador to ${article(m[1]!)}${m[1]}`, m[2]!);
  for (const m of text.matchAll(HEAD_OF_MISSION)) add(m[2]!, m[1]!, m[3]!, dateNear(unit, m.index));
}

const article = (org: string) => (/^(?:UN|United Nations|EU|European Union)$/.test(org) ? 'the ' : '');

// --- memberships ------------------------------------------------------------------------------

interface MembershipRule {
  name: string;
  partner: string;
  re: RegExp;
  /** Only in a section with this heading. */
  section?: RegExp;
}

/** Dated steps of Albania's memberships, as the corpus words them. */
const MEMBERSHIP_RULES: MembershipRule[] = [
  { name: 'North Atlantic Cooperation Council', partner: 'nato', re: /\bjoined (?:the )?(?:North Atlantic Cooperation Council|NACC)\b/ },
  { name: 'North Atlantic Cooperation Council', partner: 'nato', re: /^Albania joined in\b/, section: /North Atlantic Cooperation Council/ },
  { name: 'Partnership for Peace', partner: 'nato', re: /\b(?:entered|joined|signed)\b[^.]*?\bPartnership for Peace\b/ },
  { name: 'Membership Action Plan', partner: 'nato', re: /\breceived an? (?:Membership Action Plan|MAP)\b/ },
  { name: 'Invitation to join', partner: 'nato', re: /\breceived an invitation to join\b/ },
  { name: 'Accession protocol', partner: 'nato', re: /\bsigned accession protocols? for Albania\b/ },
  { name: 'Application to join NATO', partner: 'nato', re: /\bAlbania\b[^.]*?\bapplied to join NATO\b/ },
  { name: 'Member of NATO', partner: 'nato', re: /\bbecame a full member\b|\baccession of Albania to NATO took place\b/ },
  // "Since Albania's NATO entry in May 2009": another source's date for the same milestone.
  { name: 'Member of NATO', partner: 'nato', re: /\bAlbania's NATO entry\b|\bAlbania joined NATO\b|\bAlbania became a (?:full )?member of NATO\b/ },
  {
    name: 'UN Security Council (non-permanent member)',
    partner: 'united-nations',
    re: /\bAlbania was voted to become a member of the [\w-]+ (?:United Nations|UN) Security Council\b/,
  },
  { name: 'EU accession: decision to open negotiations endorsed', partner: 'european-union', re: /\bendorsed the Council's decision to open accession negotiations\b/ },
  { name: 'EU accession: first Intergovernmental Conference', partner: 'european-union', re: /\bfirst Intergovernmental Conference on accession negotiations\b/ },
  { name: 'EU accession: second Intergovernmental Conference', partner: 'european-union', re: /\bsecond Intergovernmental Conference on accession negotiations\b/ },
  { name: 'EU accession: screening completed', partner: 'european-union', re: /\bscreening process\b[^.]*?\bwere completed\b/ },
  {
    name: 'EU crisis management operations: participation framework agreement',
    partner: 'european-union',
    re: /\bAgreement establishing a framework for the participation of Albania in the EU crisis management operations\b/,
  },
];

/** Undated statements of membership: "Both countries are members of the BSCE, OSCE, and Council of Europe." */
const MEMBER_OF = /\b(?:Albania is (?:a )?member of|Both countries are members of|Albania is member in)\s+(?:the )?(.+?)(?:, for which\b|[.:]?$)/;
/** The list introduced by "Albania is member in these international organizations:". */
const LIST_INTRO = /\bmember (?:in|of) (?:these|the following) (?:international )?organi[sz]ations:?$/i;

function membershipFacts(unit: TextUnit, book: FactBook, previous: TextUnit | null): void {
  const source = sourceOf(unit);
  for (const rule of MEMBERSHIP_RULES) {
    if (rule.section && !rule.section.test(unit.section.heading)) continue;
    const m = rule.re.exec(unit.text);
    if (!m) continue;
    const value = dateNear(unit, m.index + m[0].length / 2);
    if (!value) continue;
    book.of(rule.partner).memberships.push({ name: rule.name, value, source });
  }
  if (/\bStabilisation and Association Agreement\b/.test(unit.text) && /\bRelations between the EU and Albania are based on\b/.test(unit.text)) {
    book.of('european-union').memberships.push({ name: 'Stabilisation and Association Agreement', source });
  }

  const listed = previous && previous.block !== unit.block && LIST_INTRO.test(previous.text) ? unit.text : MEMBER_OF.exec(unit.text)?.[1];
  if (!listed) return;
  const seen = new Set<string>();
  for (const token of listed.split(/,\s*|\s+and\s+/)) {
    const p = resolvePartner(token.replace(/\s*\(.*\)$/, '').replace(/\.$/, ''));
    if (!p || p.kind !== 'organisation' || seen.has(p.id)) continue;
    seen.add(p.id);
    book.of(p.id).memberships.push({ name: `Member of ${withArticle(p.name)}`, source });
  }
}
