// The few words a comparison cell answers with, for the facts whose structure the extraction
// knows (a mission's kind and place, an envoy's name): "embassy in Prishtina", "accredited from
// Warsaw, Poland". The renderer shows them as the cell's one-line answer, the quote folded below.
import type { Envoy, Mission } from '../shared/types';

/** "embassy in Prishtina"; "accredited from Warsaw, Poland"; "honorary consulate in Kharkiv". */
export function missionPhrase(m: Pick<Mission, 'kind' | 'place'>): string {
  const kind = m.kind.trim().toLowerCase();
  if (/accredited/.test(kind)) return `accredited from ${m.place}`;
  return `${kind} in ${m.place}`;
}

/**
 * The distinct missions one entry states ("accredited from Warsaw, Poland; honorary consulate in
 * Kharkiv"); of two spellings of a place (Pristina / Prishtina), the one the entry's text uses.
 */
export function missionsPhrase(missions: readonly Omit<Mission, 'source'>[], text: string): string {
  const fold = (place: string) => place.toLowerCase().replace(/h/g, '').replace(/[^a-z]/g, '');
  // A place as the entry's text spells it, when that is a spelling of the same name (Prishtina for
  // Pristina), never another place the statement named (Albania for Tirana).
  const spelled = (m: Omit<Mission, 'source'>): Omit<Mission, 'source'> =>
    m.placeAsStated && fold(m.placeAsStated) === fold(m.place) && text.includes(m.placeAsStated) ? { ...m, place: m.placeAsStated } : m;
  const inText = (m: Pick<Mission, 'place'>) => (text.includes(m.place) ? 0 : 1);
  // As the comparison groups them: spellings without "h", and a partner's mission "in Albania" is the one in Tirana.
  const sameKey = (m: Omit<Mission, 'source'>) => {
    const place = fold(m.place);
    return `${m.direction}|${m.kind.toLowerCase()}|${m.direction === 'partner-in-albania' && place === 'albania' ? 'tirana' : place}`;
  };
  const best = new Map<string, Omit<Mission, 'source'>>();
  for (const m of missions.map(spelled).sort((a, b) => inText(a) - inText(b))) if (!best.has(sameKey(m))) best.set(sameKey(m), m);
  const order = missions.map(spelled).map(sameKey);
  return [...best.entries()].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])).map(([, m]) => missionPhrase(m)).join('; ');
}

/** An envoy's name, with the term when the source gives it: "Visho Ajazi (since 5 December 2017)". */
export function envoyPhrase(e: Pick<Envoy, 'name' | 'from' | 'to'>, formatDate: (d: NonNullable<Envoy['from']>) => string): string {
  if (e.to === 'incumbent') return e.from ? `${e.name} (since ${formatDate(e.from)})` : `${e.name} (incumbent)`;
  if (e.from && e.to) return `${e.name} (${formatDate(e.from)} – ${formatDate(e.to)})`;
  return e.name;
}
