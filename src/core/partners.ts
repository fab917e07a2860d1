// The partner registry: every UN member state, the observer states, Kosovo, the organisations
// the corpus talks about and the former states it names, each with the names and aliases the
// sources use and the adjectives that count as a mention ("Turkish" → Turkey).
//
// Rules of the table:
// - `name` is the display name; `id` is slugify(name) unless given.
// - `aliases` are other names of the same partner; resolvePartner() accepts them, case- and
//   accent-insensitively. They are matched in running text case-sensitively (so "US" but not "us").
// - `adj` are adjectives and demonyms: mentions in running text, never used to resolve a name.
// - Deliberately NOT aliases: "the alliance" (the Kosovo article uses it for a trilateral
//   alliance, not NATO), bare "Korea" and "Congo" (ambiguous), "European" (European Council,
//   Eastern European countries), "Arab" (not a state).
// - Albania is not in the table: it is never a partner of itself.
import type { PartnerKind } from '../shared/types';
import { foldAccents, slugify } from '../shared/text';
import { lookupKey, rankNames, type NameCandidate } from './nameSuggestions';

export interface PartnerDef {
  id: string;
  name: string;
  kind: PartnerKind;
  aliases: string[];
  /** Adjectives and demonyms that count as a mention in running text. */
  adjectives: string[];
}

interface Row {
  name: string;
  kind: PartnerKind;
  aliases?: string[];
  adj?: string[];
  id?: string;
}

const C = (name: string, adj: string[] = [], aliases: string[] = []): Row => ({ name, kind: 'country', adj, aliases });
const O = (name: string, aliases: string[] = [], id?: string): Row => ({ name, kind: 'organisation', aliases, id });
const F = (name: string, adj: string[] = [], aliases: string[] = []): Row => ({ name, kind: 'former-state', adj, aliases });

// prettier-ignore
const ROWS: Row[] = [
  // --- UN member states ---------------------------------------------------------------------
  C('Afghanistan', ['Afghan']),
  C('Algeria', ['Algerian']),
  C('Andorra', ['Andorran']),
  C('Angola', ['Angolan']),
  C('Antigua and Barbuda'),
  C('Argentina', ['Argentine', 'Argentinian']),
  C('Armenia', ['Armenian']),
  C('Australia', ['Australian']),
  C('Austria', ['Austrian']),
  C('Azerbaijan', ['Azerbaijani']),
  C('Bahamas', [], ['The Bahamas']),
  C('Bahrain', ['Bahraini']),
  C('Bangladesh', ['Bangladeshi']),
  C('Barbados'),
  C('Belarus', ['Belarusian']),
  C('Belgium', ['Belgian']),
  C('Belize'),
  C('Benin'),
  C('Bhutan'),
  C('Bolivia', ['Bolivian']),
  C('Bosnia and Herzegovina', ['Bosnian'], ['Bosnia-Herzegovina', 'Bosnia']),
  C('Botswana'),
  C('Brazil', ['Brazilian']),
  C('Brunei'),
  C('Bulgaria', ['Bulgarian']),
  C('Burkina Faso'),
  C('Burundi'),
  C('Cabo Verde', [], ['Cape Verde']),
  C('Cambodia', ['Cambodian']),
  C('Cameroon'),
  C('Canada', ['Canadian']),
  C('Central African Republic'),
  C('Chad'),
  C('Chile', ['Chilean']),
  C('China', ['Chinese'], ["People's Republic of China", 'PRC']),
  C('Colombia', ['Colombian']),
  C('Comoros'),
  C('Republic of the Congo', [], ['Congo-Brazzaville']),
  C('Democratic Republic of the Congo', [], ['DR Congo', 'DRC', 'Congo-Kinshasa']),
  C('Costa Rica'),
  C("Côte d'Ivoire", [], ['Ivory Coast']),
  C('Croatia', ['Croatian']),
  C('Cuba', ['Cuban']),
  C('Cyprus', ['Cypriot']),
  C('Czech Republic', ['Czech'], ['Czechia']),
  C('Denmark', ['Danish']),
  C('Djibouti'),
  C('Dominica'),
  C('Dominican Republic'),
  C('East Timor', [], ['Timor-Leste']),
  C('Ecuador'),
  C('Egypt', ['Egyptian']),
  C('El Salvador'),
  C('Equatorial Guinea'),
  C('Eritrea'),
  C('Estonia', ['Estonian']),
  C('Eswatini', [], ['Swaziland']),
  C('Ethiopia', ['Ethiopian']),
  C('Fiji'),
  C('Finland', ['Finnish']),
  C('France', ['French']),
  C('Gabon'),
  C('Gambia', [], ['The Gambia']),
  C('Georgia', ['Georgian']),
  C('Germany', ['German'], ['Federal Republic of Germany']),
  C('Ghana', ['Ghanaian']),
  C('Greece', ['Greek', 'Greeks', 'Hellenic'], ['Hellenic Republic']),
  C('Grenada'),
  C('Guatemala'),
  C('Guinea'),
  C('Guinea-Bissau'),
  C('Guyana'),
  C('Haiti'),
  C('Honduras'),
  C('Hungary', ['Hungarian']),
  C('Iceland', ['Icelandic']),
  C('India', ['Indian']),
  C('Indonesia', ['Indonesian']),
  C('Iran', ['Iranian'], ['Islamic Republic of Iran']),
  C('Iraq', ['Iraqi']),
  C('Ireland', ['Irish']),
  C('Israel', ['Israeli']),
  C('Italy', ['Italian']),
  C('Jamaica'),
  C('Japan', ['Japanese']),
  C('Jordan', ['Jordanian']),
  C('Kazakhstan'),
  C('Kenya', ['Kenyan']),
  C('Kiribati'),
  C('North Korea', [], ['DPRK', "Democratic People's Republic of Korea"]),
  C('South Korea', [], ['Republic of Korea']),
  C('Kuwait', ['Kuwaiti']),
  C('Kyrgyzstan'),
  C('Laos'),
  C('Latvia', ['Latvian']),
  C('Lebanon', ['Lebanese']),
  C('Lesotho'),
  C('Liberia'),
  C('Libya', ['Libyan']),
  C('Liechtenstein'),
  C('Lithuania', ['Lithuanian']),
  C('Luxembourg'),
  C('Madagascar'),
  C('Malawi'),
  C('Malaysia', ['Malaysian']),
  C('Maldives'),
  C('Mali'),
  C('Malta', ['Maltese']),
  C('Marshall Islands'),
  C('Mauritania'),
  C('Mauritius'),
  C('Mexico', ['Mexican']),
  C('Micronesia', [], ['Federated States of Micronesia']),
  C('Moldova', ['Moldovan']),
  C('Monaco'),
  C('Mongolia', ['Mongolian']),
  C('Montenegro', ['Montenegrin']),
  C('Morocco', ['Moroccan']),
  C('Mozambique'),
  C('Myanmar', [], ['Burma']),
  C('Namibia'),
  C('Nauru'),
  C('Nepal'),
  C('Netherlands', ['Dutch'], ['The Netherlands', 'Holland']),
  C('New Zealand'),
  C('Nicaragua'),
  C('Niger'),
  C('Nigeria', ['Nigerian']),
  C('North Macedonia', ['Macedonian'], ['Republic of Macedonia', 'Macedonia', 'Republic of North Macedonia']),
  C('Norway', ['Norwegian']),
  C('Oman'),
  C('Pakistan', ['Pakistani']),
  C('Palau'),
  C('Panama'),
  C('Papua New Guinea'),
  C('Paraguay'),
  C('Peru', ['Peruvian']),
  C('Philippines', ['Filipino']),
  C('Poland', ['Polish']),
  C('Portugal', ['Portuguese']),
  C('Qatar', ['Qatari']),
  C('Romania', ['Romanian']),
  C('Russia', ['Russian'], ['Russian Federation']),
  C('Rwanda'),
  C('Saint Kitts and Nevis'),
  C('Saint Lucia'),
  C('Saint Vincent and the Grenadines'),
  C('Samoa'),
  C('San Marino'),
  C('São Tomé and Príncipe'),
  C('Saudi Arabia', ['Saudi']),
  C('Senegal'),
  C('Serbia', ['Serbian', 'Serb', 'Serbs']),
  C('Seychelles'),
  C('Sierra Leone'),
  C('Singapore'),
  C('Slovakia', ['Slovak'], ['Slovak Republic']),
  C('Slovenia', ['Slovenian', 'Slovene']),
  C('Solomon Islands'),
  C('Somalia'),
  C('South Africa', ['South African']),
  C('South Sudan'),
  C('Spain', ['Spanish']),
  C('Sri Lanka'),
  C('Sudan'),
  C('Suriname'),
  C('Sweden', ['Swedish']),
  C('Switzerland', ['Swiss']),
  C('Syria', ['Syrian']),
  C('Tajikistan'),
  C('Tanzania'),
  C('Thailand', ['Thai']),
  C('Togo'),
  C('Tonga'),
  C('Trinidad and Tobago'),
  C('Tunisia', ['Tunisian']),
  C('Turkey', ['Turkish'], ['Türkiye', 'Republic of Türkiye']),
  C('Turkmenistan'),
  C('Tuvalu'),
  C('Uganda'),
  C('Ukraine', ['Ukrainian', 'Ukrainians']),
  C('United Arab Emirates', [], ['UAE']),
  C('United Kingdom', ['British'], ['UK', 'U.K.', 'Great Britain', 'Britain']),
  C('United States', ['American'], ['US', 'U.S.', 'USA', 'U.S.A.', 'United States of America', 'America']),
  C('Uruguay'),
  C('Uzbekistan'),
  C('Vanuatu'),
  C('Venezuela', ['Venezuelan']),
  C('Vietnam', ['Vietnamese'], ['Viet Nam']),
  C('Yemen'),
  C('Zambia'),
  C('Zimbabwe'),
  // --- observers and partially recognised states --------------------------------------------
  C('Holy See', [], ['Vatican', 'Vatican City']),
  C('Palestine', ['Palestinian'], ['State of Palestine']),
  C('Kosovo', ['Kosovar', 'Kosovars', 'Kosovan'], ['Kosova', 'Republic of Kosovo', 'Republic of Kosova']),
  // --- organisations ----------------------------------------------------------------------------
  O('NATO', ['North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation']),
  O('European Union', ['EU']),
  O('United Nations', ['UN']),
  O('OSCE', ['Organization for Security and Co-operation in Europe']),
  O('Council of Europe', ['CoE']),
  // "BSCE" is how the Ukraine article spells the organisation's abbreviation.
  O('Organization of the Black Sea Economic Cooperation', ['BSEC', 'BSCE', 'Black Sea Economic Cooperation'], 'bsec'),
  O('Organisation of Islamic Cooperation', ['OIC', 'Organization of Islamic Cooperation'], 'oic'),
  O('World Trade Organization', ['WTO'], 'wto'),
  O('International Monetary Fund', ['IMF'], 'imf'),
  O('World Bank', ['WB'], 'world-bank'),
  O('Interpol'),
  O('UNESCO'),
  O('Central European Free Trade Agreement', ['CEFTA'], 'cefta'),
  O('Union for the Mediterranean', ['UfM'], 'ufm'),
  O('Organisation internationale de la Francophonie', ['OIF', 'Francophonie'], 'oif'),
  O('South-East European Cooperation Process', ['SEECP'], 'seecp'),
  O('Warsaw Pact'),
  // --- former states ----------------------------------------------------------------------------
  F('Soviet Union', ['Soviet'], ['USSR', 'Union of Soviet Socialist Republics']),
  F('Yugoslavia', ['Yugoslav'], ['Socialist Federal Republic of Yugoslavia', 'Federal Republic of Yugoslavia', 'SFRY']),
  F('Austria-Hungary', ['Austro-Hungarian'], ['Austro-Hungarian Empire']),
  F('Czechoslovakia', ['Czechoslovak']),
  F('East Germany', [], ['German Democratic Republic', 'GDR']),
  F('West Germany'),
  F('Ottoman Empire', ['Ottoman']),
];

export const PARTNERS: readonly PartnerDef[] = ROWS.map((r) => ({
  id: r.id ?? slugify(r.name),
  name: r.name,
  kind: r.kind,
  aliases: r.aliases ?? [],
  adjectives: r.adj ?? [],
}));

const BY_ID = new Map(PARTNERS.map((p) => [p.id, p]));

/** nameKey(name | alias | id) → partner. Leading "the " is ignored. */
const BY_KEY = new Map<string, PartnerDef>();
for (const p of PARTNERS) {
  for (const n of [p.name, ...p.aliases, p.id]) {
    const key = lookupKey(n);
    const existing = BY_KEY.get(key);
    if (existing && existing !== p) throw new Error(`Partner alias "${n}" is used by ${existing.id} and ${p.id}`);
    BY_KEY.set(key, p);
  }
}

export function partnerById(id: string): PartnerDef | null {
  return BY_ID.get(id) ?? null;
}

/** The partner named by `nameOrAlias` (name, alias or id; accents, dashes, case and a leading "the" ignored). */
export function resolvePartner(nameOrAlias: string): PartnerDef | null {
  const key = lookupKey(nameOrAlias);
  if (!key || key === 'albania' || key === 'republic of albania') return null;
  return BY_KEY.get(key) ?? BY_KEY.get(key.replace(/'s$/, '')) ?? null;
}

// --- mentions in running text ----------------------------------------------------------------

interface Surface {
  /** Accent-folded form matched against accent-folded text. */
  text: string;
  partner: PartnerDef;
}

const SURFACES: Surface[] = PARTNERS.flatMap((p) =>
  [p.name, ...p.aliases, ...p.adjectives].map((text) => ({ text: foldAccents(text), partner: p })),
).sort((a, b) => b.text.length - a.text.length);

const SURFACE_BY_TEXT = new Map(SURFACES.map((s) => [s.text, s.partner]));

const ANY_DASH = /[\u2010-\u2015\u2212-]/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Longest surface first, so that "Equatorial Guinea" wins over "Guinea" and "Republic of Kosova"
 * over "Kosova". Word boundaries are letters and digits on either side ("Georgian" is its own
 * adjective; "Dominica" does not match inside "Dominican").
 *
 * This is the alternation `(?<![\p{L}\p{N}])(?:longest|…|shortest)(?![\p{L}\p{N}])` (flags gu)
 * run as a scan: surfaces are bucketed by their first character (all are ASCII and start with a
 * capital), so only positions holding such a character are tried, and only against the surfaces
 * starting with it, in the same longest-first order — the same matches, found far faster.
 */
const SURFACES_BY_FIRST = new Map<number, string[]>();
for (const s of SURFACES) {
  const c = s.text.charCodeAt(0);
  if (!SURFACES_BY_FIRST.has(c)) SURFACES_BY_FIRST.set(c, []);
  SURFACES_BY_FIRST.get(c)!.push(s.text);
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

function isWordCodePoint(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/** Is there a letter or digit just before `i` (the code point ending there)? */
function wordBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return isWordCodePoint(text.codePointAt(i - 2)!);
  }
  return isWordCodePoint(low);
}

/** Is there a letter or digit starting at `i`? */
function wordAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  return isWordCodePoint(text.codePointAt(i)!);
}

/** [index, surface] of every mention in accent- and dash-folded text, in order, not overlapping. */
function scanSurfaces(folded: string): [number, string][] {
  const out: [number, string][] = [];
  const n = folded.length;
  for (let i = 0; i < n; ) {
    const candidates = SURFACES_BY_FIRST.get(folded.charCodeAt(i));
    if (candidates && !wordBefore(folded, i)) {
      let hit: string | undefined;
      for (const s of candidates) {
        if (folded.startsWith(s, i) && !wordAt(folded, i + s.length)) {
          hit = s;
          break;
        }
      }
      if (hit !== undefined) {
        out.push([i, hit]);
        i += hit.length;
        continue;
      }
    }
    i++;
  }
  return out;
}

export interface Mention {
  id: string;
  /** Offset in the text passed in. */
  index: number;
  text: string;
}

/** Every mention of a partner in `text`, in reading order. Accents and dash variants are folded. */
export function mentionsIn(text: string): Mention[] {
  // ASCII text has no accents or other dashes: folding would return it unchanged.
  const folded = ASCII_ONLY.test(text) ? text : foldAccents(text).replace(ANY_DASH, '-');
  const out: Mention[] = [];
  for (const [index, surface] of scanSurfaces(folded)) {
    // "U.S." is matched with its full stop; other surfaces must not swallow trailing punctuation.
    const partner = SURFACE_BY_TEXT.get(surface);
    if (!partner) continue;
    out.push({ id: partner.id, index, text: text.slice(index, index + surface.length) });
  }
  return out;
}

/** Partner ids mentioned in `text`, in order of first mention. "Albania" itself is never a partner. */
export function findPartnerMentions(text: string): string[] {
  const seen = new Set<string>();
  for (const m of mentionsIn(text)) seen.add(m.id);
  return [...seen];
}

// --- suggestions -------------------------------------------------------------------------------

/** Each partner's name, aliases and adjectives as lookup keys, computed once. */
const SUGGESTION_KEYS: NameCandidate[] = PARTNERS.map((p) => ({ name: p.name, keys: [p.name, ...p.aliases, ...p.adjectives].map(lookupKey) }));

/** The closest partner names to `input`, best first (for "unknown partner" errors). */
export function suggestPartners(input: string, n = 5): string[] {
  return rankNames(input, SUGGESTION_KEYS, n);
}
