// One mission, one place name (issue 13): spelling variants of a city are one mission
// ("Embassy of Albania, Pristina" and "Albania has an embassy in Prishtina"), and a mission in
// "Albania" is the one in Tirana when another statement places the same mission there ("The
// Embassy of Ukraine in Albania" / "Ukraine has an embassy in Tirana"). The place shown is the
// spelling most statements use; a statement's own spelling stays in its quote and in `placeAsStated`.
import type { Mission } from '../shared/types';
import { foldAccents } from '../shared/text';

/** Pristina / Prishtina / Priština → "pristina". */
export function placeKey(place: string): string {
  return foldAccents(place).toLowerCase().replace(/h/g, '').replace(/[^a-z]/g, '');
}

/** The missions with one spelling per place; statements keep their own wording in `placeAsStated`. */
export function unifyMissionPlaces(missions: readonly Mission[]): Mission[] {
  const group = (m: Mission) => `${m.direction}|${m.kind.toLowerCase()}`;
  const keyOf = (m: Mission): string => {
    const key = placeKey(m.place);
    if (m.direction !== 'partner-in-albania' || key !== 'albania') return key;
    // "in Albania": the capital only when another statement of the same mission says Tirana.
    return missions.some((o) => group(o) === group(m) && placeKey(o.place) === 'tirana') ? 'tirana' : key;
  };
  const spellings = new Map<string, Map<string, number>>();
  for (const m of missions) {
    const k = `${group(m)}|${keyOf(m)}`;
    const counts = spellings.get(k) ?? new Map<string, number>();
    if (placeKey(m.place) === keyOf(m)) counts.set(m.place, (counts.get(m.place) ?? 0) + 1);
    spellings.set(k, counts);
  }
  return missions.map((m) => {
    const counts = spellings.get(`${group(m)}|${keyOf(m)}`)!;
    // Most used spelling; the first stated among equals (Map keeps insertion order).
    let best = m.place;
    let n = -1;
    for (const [place, c] of counts) if (c > n) [best, n] = [place, c];
    return best === m.place ? m : { ...m, place: best, placeAsStated: m.place };
  });
}
