// Which sections are headed by a partner: a heading anywhere on the section's path that is the
// partner's id, name or an alias, in any spelling (what Library.resolvePartnerId accepts). Stored
// as `section_partners`, so a comparison reads the documents that concern a partner instead of
// resolving every heading of the library (issue 19).
import type { DeskDocument, Partner } from '../shared/types';
import { nameKey } from '../shared/text';

/** nameKey of each partner's id, name and aliases → its id; the first partner (by id) to claim a key keeps it, as partner_keys does. */
export function partnerKeyMap(partners: readonly Partner[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const p of [...partners].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    for (const k of [p.id, p.name, ...p.aliases]) if (!keys.has(nameKey(k))) keys.set(nameKey(k), p.id);
  }
  return keys;
}

/** The partner a heading names, with Library.resolvePartnerId's rule ("the EU" is "EU"). */
export function headingPartner(heading: string, keys: ReadonlyMap<string, string>): string | null {
  const key = nameKey(heading);
  return keys.get(key) ?? keys.get(key.replace(/^the /, '')) ?? null;
}

/** [partner id, anchor] for every section of the document headed by a partner. */
export function sectionPartnersOf(doc: Pick<DeskDocument, 'sections'>, keys: ReadonlyMap<string, string>, cache = new Map<string, string | null>()): [string, string][] {
  const rows: [string, string][] = [];
  for (const section of doc.sections) {
    const ids = new Set<string>();
    for (const h of section.path) {
      let id = cache.get(h);
      if (id === undefined) cache.set(h, (id = headingPartner(h, keys)));
      if (id !== null) ids.add(id);
    }
    for (const id of ids) rows.push([id, section.anchor]);
  }
  return rows;
}
