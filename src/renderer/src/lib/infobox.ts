// An infobox as Wikipedia shows it, from the template fields the source kept: the bilateral
// relations box's Party1/Party2, Mission1/2 and Envoytitle1/2 + Envoy1/2 become "Albania — Kosovo",
// "Embassy of Albania, Pristina" and "Ambassador of Albania: Qemal Minxhozi". Layout fields (map,
// size, image, caption…) are not content and are dropped; any other field keeps its value under
// its name made readable ("date_signed" → "Date signed").

export interface InfoboxField {
  key: string;
  value: string;
}

export interface InfoboxView {
  /** "Albania — Kosovo", or null when the box names no parties or title. */
  title: string | null;
  /** Labelled groups of values, in the source's order. */
  rows: { label: string; values: string[] }[];
}

/** Fields that place or size a picture: the picture itself is not in the library. */
const LAYOUT = /^(map|image|size|image_?size|map_?size|width|height|caption|alt|image_?caption|map_?caption|map_?width|mapsize|imagesize|logo|flag|coordinates|pushpin.*|location_?map.*|marker.*|title_?style|style|embed|module)\d*$/i;

/** "Envoytitle1" → { base: "envoytitle", n: 1 }. */
function numbered(key: string): { base: string; n: number } | null {
  const m = /^([a-z_ ]+?)\s*(\d+)$/i.exec(key.trim());
  return m ? { base: m[1]!.toLowerCase().replace(/[_ ]+$/, ''), n: Number(m[2]) } : null;
}

/** "date_signed" → "Date signed"; "Envoytitle" → "Envoytitle". */
export function readableKey(key: string): string {
  const s = key.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function presentInfobox(fields: readonly InfoboxField[]): InfoboxView {
  const content = fields.filter((f) => f.value.trim() !== '' && !LAYOUT.test(f.key.trim()));
  const byBase = new Map<string, Map<number, string>>();
  for (const f of content) {
    const k = numbered(f.key);
    if (!k) continue;
    let m = byBase.get(k.base);
    if (!m) byBase.set(k.base, (m = new Map()));
    m.set(k.n, f.value.trim());
  }
  const parties = byBase.get('party') ?? byBase.get('country');
  const partyName = (n: number): string | undefined => parties?.get(n);
  const explicitTitle = content.find((f) => /^(title|name)$/i.test(f.key.trim()))?.value.trim();
  const title = parties && parties.size > 0 ? [...parties.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v).join(' — ') : explicitTitle?.replace(/\s*[–—-]\s*/g, ' — ') ?? null;

  const rows: InfoboxView['rows'] = [];
  const row = (label: string): string[] => {
    let r = rows.find((x) => x.label === label);
    if (!r) rows.push((r = { label, values: [] }));
    return r.values;
  };
  for (const f of content) {
    const key = f.key.trim();
    const value = f.value.trim();
    if (/^(title|name)$/i.test(key) && title !== null) continue; // shown as the box's title
    const k = numbered(key);
    if (k && (k.base === 'party' || k.base === 'country') && parties) continue;
    if (k && k.base === 'envoytitle') continue; // read with its envoy
    if (k && k.base === 'mission') {
      row(content.some((g) => numbered(g.key)?.base === 'mission' && numbered(g.key)?.n !== k.n) ? 'Diplomatic missions' : 'Diplomatic mission').push(value);
      continue;
    }
    if (k && k.base === 'envoy') {
      const role = byBase.get('envoytitle')?.get(k.n);
      const party = partyName(k.n);
      const who = party ? `${role ?? 'Envoy'} of ${party}` : role;
      row(content.some((g) => numbered(g.key)?.base === 'envoy' && numbered(g.key)?.n !== k.n) ? 'Envoys' : 'Envoy').push(who ? `${who}: ${value}` : value);
      continue;
    }
    if (k && k.base !== 'envoy') {
      // Another numbered pair (e.g. Leader1/Leader2): one row, each value with its party.
      const party = partyName(k.n);
      row(readableKey(k.base)).push(party ? `${party}: ${value}` : value);
      continue;
    }
    row(readableKey(key)).push(value);
  }
  return { title, rows };
}
