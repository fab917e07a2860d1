// What a relations table's date cell says: established, re-established, severed, de facto /
// de jure — and the one-line summary of such a row.
import { scanDates, type FoundDate } from './dates';
import { findPartnerMentions, partnerById } from '../core/partners';
import { FORMER_HEADING, type TextUnit } from './units';
import { clip } from './summaries';

/** What a "Formal Relations Began" date says: established, re-established, severed, de facto / de jure. */
export type RelationKind = 'established' | 're-established' | 'severed' | 'established de facto' | 'established de jure';

export function relationKindOf(cellText: string, date: FoundDate, previous: FoundDate | undefined): RelationKind {
  const before = cellText.slice(previous ? previous.index + previous.value.text.length : 0, date.index);
  if (/sever|suspend|broke|cut/i.test(before)) return 'severed';
  if (/re-?\s?establish|restor|resum/i.test(before)) return 're-established';
  if (/de\s*facto/i.test(before)) return 'established de facto';
  if (/de\s*jur/i.test(before)) return 'established de jure';
  return 'established';
}

/** Dates of a relations row with what each one says, read from the date cell. */
export function relationDates(unit: TextUnit): { date: FoundDate; kind: RelationKind }[] {
  const info = unit.row!;
  const out: { date: FoundDate; kind: RelationKind }[] = [];
  for (const c of info.dateColumns) {
    const text = info.row.cells[c]?.text ?? '';
    const found = scanDates(text, {}).found;
    found.forEach((f, i) => out.push({ date: f, kind: relationKindOf(text, f, found[i - 1]) }));
  }
  return out;
}

export function relationSummary(unit: TextUnit, f: FoundDate): string {
  const info = unit.row!;
  const kind = relationDates(unit).find((r) => r.date.value.date === f.value.date)?.kind ?? 'established';
  const verb = `Relations ${kind}`;
  if (info.partner) {
    const how = info.partnerFrom === 'note' || info.partnerFrom === 'recovered' ? ' (name recovered from the row’s note)' : '';
    return clip(`${verb} with ${withArticle(info.partner.name)}${how}`, 140);
  }
  const former = unit.section.path.some((p) => FORMER_HEADING.test(p));
  const note = info.noteColumn >= 0 ? info.row.cells[info.noteColumn]?.text ?? '' : '';
  const see = /^See (.+)$/.exec(note)?.[1];
  const where = `${unit.section.heading} table, row ${info.number}`;
  if (former) {
    return clip(`${verb} with a former state not named in the source (${where}${see ? `; see ${see}` : ''})`, 140);
  }
  const about = note && !see ? findPartnerMentions(note).map((id) => partnerById(id)!.name) : [];
  return clip(
    `${verb} with a country not named in the source (${where}${about.length === 1 ? `; its note is about ${about[0]}` : ''})`,
    140,
  );
}

/** "the United States", "the Holy See", "the European Union"; "Egypt". */
export function withArticle(name: string): string {
  const the =
    /^(?:United|Holy|European|Soviet|Ottoman|Warsaw|Council|Organi[sz]ation|World|International|Union|South-East|Central|Dominican|Czech|Democratic|Republic|Federated|State of)\b/.test(name) ||
    /\b(?:Islands|Republic|Emirates)$/.test(name) ||
    /^(?:Netherlands|Bahamas|Gambia|Philippines|Maldives|Comoros|Seychelles|Vatican)$/.test(name);
  return the ? `the ${name}` : name;
}
