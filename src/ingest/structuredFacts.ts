// Facts stated by structure rather than prose: table rows (a partner per row, with its dates)
// and infobox fields (Party1/Party2, Mission1/2, Envoy1/2).
import type { RelationDate } from '../shared/types';
import { resolvePartner } from '../core/partners';
import { relationDates, type DocMeta, type TextUnit } from './events';
import { sourceOf, type FactBook } from './factBook';

// --- tables -----------------------------------------------------------------------------------

export function rowFacts(unit: TextUnit, meta: DocMeta, book: FactBook): void {
  const info = unit.row!;
  const header = info.table.header.map((h) => h.replace(/<[^>]+>/g, '').trim());
  const isRelations = info.dateColumns.some((c) => /relations? (?:began|established)|established/i.test(header[c] ?? ''));
  const isTerm = info.dateColumns.some((c) => /term/i.test(header[c] ?? ''));
  const label = info.row.cells[info.labelColumn];
  const labelText = label && !label.gap ? label.text : '';

  if (isRelations) {
    if (!info.partner) return;
    for (const { date, kind } of relationDates(unit)) {
      const qualified = kind === 'established de facto' ? 'de facto' : kind === 'established de jure' ? 'de jure' : kind === 're-established' ? kind : undefined;
      const fact: RelationDate = { value: date.value, source: sourceOf(unit), ...(qualified ? { kind: qualified } : {}) };
      if (kind === 'severed') book.of(info.partner.id).severed.push(fact);
      else book.of(info.partner.id).establishedSources.push(fact);
    }
    return;
  }

  if (isTerm && labelText && meta.main) {
    // NATO "Representatives": | 1 | Artur Kuko | 2009 | 5 December 2013 |
    const cells = info.dateColumns.map((c) => info.row.cells[c]?.text ?? '');
    const [from, to] = [unit.dates[0]?.value, cells.slice(1).some((t) => /incumbent|present/i.test(t)) ? ('incumbent' as const) : unit.dates[1]?.value];
    const role = unit.section.heading.replace(/ies$/, 'y').replace(/s$/, '');
    book.of(meta.main.id).envoys.push({
      name: labelText,
      title: `${role} of Albania to ${meta.main.name}`,
      sends: 'albania',
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      source: sourceOf(unit),
    });
    return;
  }

  // A dated milestone row in a document about an organisation ("| Partnership for Peace | 1994-02-23 |").
  if (labelText && !info.subheading && meta.main?.kind === 'organisation' && unit.dates[0]) {
    book.of(meta.main.id).memberships.push({ name: labelText, value: unit.dates[0].value, source: sourceOf(unit) });
  }
}

// --- infobox ------------------------------------------------------------------------------

/** Party1/Party2, Mission1/2 ("Embassy of Albania, Pristina"), Envoy1/2 with Envoytitle1/2. */
export function fieldFacts(unit: TextUnit, units: TextUnit[], book: FactBook): void {
  const field = unit.field!;
  const fields = new Map(
    units.filter((u) => u.block === unit.block && u.field).map((u) => [u.field!.key.toLowerCase(), u.field!.value]),
  );
  const party = (n: string) => fields.get(`party${n}`) ?? '';
  const isAlbania = (name: string) => /^(?:the )?(?:republic of )?albania$/i.test(name.trim());
  const other = (n: string) => resolvePartner(party(n === '1' ? '2' : '1'));

  const mission = /^mission(\d)$/i.exec(field.key);
  if (mission) {
    const m = /^(Embassy|Consulate(?:[- ]General)?|Honorary consulate|Mission|Permanent Mission)\s+of\s+(.+?),\s*(.+)$/i.exec(field.value);
    if (!m) return;
    const from = m[2]!;
    const partner = isAlbania(from) ? other(mission[1]!) ?? resolveOther(party) : resolvePartner(from);
    if (!partner) return;
    book.of(partner.id).missions.push({
      direction: isAlbania(from) ? 'albania-in-partner' : 'partner-in-albania',
      kind: m[1]!.toLowerCase(),
      place: m[3]!.trim(),
      source: sourceOf(unit),
    });
    return;
  }

  const envoy = /^envoy(\d)$/i.exec(field.key);
  if (envoy && field.value.trim()) {
    const n = envoy[1]!;
    const sender = party(n);
    const partner = isAlbania(sender) ? other(n) : resolvePartner(sender);
    if (!partner) return;
    book.of(partner.id).envoys.push({
      name: field.value.trim(),
      title: fields.get(`envoytitle${n}`) ?? 'Envoy',
      sends: isAlbania(sender) ? 'albania' : partner.id,
      source: sourceOf(unit),
    });
  }
}

function resolveOther(party: (n: string) => string) {
  return resolvePartner(party('2')) ?? resolvePartner(party('1'));
}
