// `npm run corpus:synth -- --docs N --out DIR [--seed S]`
//
// A deterministic synthetic corpus in the two formats of corpus/ (the wiki-style export and the
// Markdown converted from a PDF), for benchmarking at scale. Same seed → same bytes.
//
// Realism, not lorem ipsum: prose is (a) real sentences from corpus/ with the partner swapped,
// (b) sentences recombined from corpus/ by an order-2 word chain, and (c) dated templates that
// use every date form the ingest parser handles (ISO, "23 February 1994", "January 4, 1992",
// "March 2014", "in 1994", "the 1990s", "early 2023", "mid-March", "2022–23", "the following
// day"). Partners are the real registry (src/core/partners.ts); people, towns and projects are
// made from Albanian-looking syllables so the vocabulary grows with the corpus as real text does.
// Structure: wiki articles with 2–4 heading levels, infoboxes, pipe tables whose name cells are
// lost (with "See Albania–X relations" notes), lists, `;Term` lines and See also lists; PDF
// declarations with a bold ALL-CAPS title, `## **Heading**`, numbered paragraphs, `- ◇` bullets
// and paragraphs split by page breaks.
//
// One file on purpose: every document is drawn from one seeded stream (rng → Dice → Writer), and
// "same seed → same bytes" holds only while the draws stay in the same order; with the material,
// the word lists and the two document writers side by side, a change that would reorder the
// draws is in view. Sections: randomness, material from corpus/, word lists, generation.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PARTNERS, type PartnerDef } from '../src/core/partners';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REAL_CORPUS_DIR = join(ROOT, 'corpus');

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: small, fast, and the same on every platform. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Zipf-ish pick: early items much more often, as with word and partner frequencies. */
  zipf<T>(items: readonly T[], s = 1.1): T {
    const u = this.next();
    const n = items.length;
    const i = Math.floor(n * Math.pow(u, 1 + s));
    return items[Math.min(n - 1, i)]!;
  }
}

// ---------------------------------------------------------------------------------------------
// Material from the real corpus

interface Material {
  sentences: string[];
  chain: Map<string, string[]>;
  starts: string[];
}

const STRUCTURE_LINE = /^(\||=|#|-|;|\*|Infobox\b)/;

function loadMaterial(corpusDir: string): Material {
  const files = readdirSync(corpusDir).filter((f) => !f.startsWith('.')).sort();
  const paragraphs: string[] = [];
  for (const f of files) {
    const text = readFileSync(join(corpusDir, f), 'utf8');
    for (const raw of text.split('\n')) {
      const line = raw.trim().replace(/^\d{1,3}\.\s+/, '');
      if (line.length < 60 || STRUCTURE_LINE.test(line)) continue;
      paragraphs.push(line.replace(/\*\*/g, ''));
    }
  }
  const sentences: string[] = [];
  for (const p of paragraphs) {
    for (const s of p.split(/(?<=[.!?])\s+(?=[A-Z“"])/)) {
      if (s.length >= 40 && s.length <= 420 && /[.!?]$/.test(s)) sentences.push(s);
    }
  }
  // Order-2 word chain over the same sentences: recombines real phrasing into new sentences.
  const chain = new Map<string, string[]>();
  const starts: string[] = [];
  for (const s of sentences) {
    const words = s.split(/\s+/);
    if (words.length < 6) continue;
    starts.push(`${words[0]} ${words[1]}`);
    for (let i = 0; i + 2 <= words.length; i++) {
      const key = `${words[i]} ${words[i + 1]}`;
      const next = words[i + 2] ?? '\u0000';
      const list = chain.get(key);
      if (list) list.push(next);
      else chain.set(key, [next]);
    }
  }
  return { sentences, chain, starts };
}

// ---------------------------------------------------------------------------------------------
// Word lists

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS_IN = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const TOPICS = [
  'trade', 'energy', 'tourism', 'agriculture', 'education', 'culture', 'defence', 'security', 'transport',
  'infrastructure', 'investment', 'migration', 'health', 'science', 'digital', 'customs', 'fisheries',
  'justice', 'border management', 'civil protection', 'water management', 'cyber security', 'heritage',
  'sport', 'youth exchange', 'maritime', 'railways', 'telecommunications', 'mining', 'textiles',
];
const ACTS = [
  'signed a memorandum of understanding on', 'agreed to deepen cooperation in', 'opened negotiations on',
  'held consultations on', 'ratified an agreement on', 'launched a joint programme on',
  'discussed closer cooperation in', 'exchanged notes on', 'adopted a joint declaration on',
  'reviewed the implementation of the agreement on', 'established a working group on',
];
const ROLES = [
  'Prime Minister', 'President', 'Foreign Minister', 'Minister of Defence', 'Minister of Economy',
  'Speaker of Parliament', 'Ambassador', 'Deputy Foreign Minister', 'Minister of Culture',
  'Minister for Europe and Foreign Affairs', 'Chief of the General Staff', 'Minister of Tourism',
];
const BODIES = [
  'a parliamentary delegation', 'a trade mission', 'a military delegation', 'a group of investors',
  'the joint economic commission', 'a cultural delegation', 'the intergovernmental committee',
  'representatives of both foreign ministries', 'a delegation of students', 'the chamber of commerce',
];
const VERBS_PAST = [
  'visited', 'welcomed', 'hosted', 'condemned', 'supported', 'recognised', 'praised', 'criticised',
  'received', 'thanked', 'congratulated', 'invited',
];
const NOUNS = [
  'embassy', 'consulate', 'treaty', 'protocol', 'convention', 'declaration', 'summit', 'visit',
  'agreement', 'resolution', 'delegation', 'partnership', 'dialogue', 'commission', 'scholarship',
  'pipeline', 'highway', 'port', 'airport', 'exhibition', 'festival', 'seminar', 'exercise', 'mission',
  'referendum', 'sanction', 'loan', 'grant', 'credit line', 'joint venture', 'free trade zone',
];
const ALB_PLACES = [
  'Tirana', 'Durrës', 'Vlorë', 'Shkodër', 'Korçë', 'Gjirokastër', 'Berat', 'Elbasan', 'Fier', 'Kukës',
  'Sarandë', 'Lezhë', 'Kuçovë', 'Përmet', 'Pogradec', 'Krujë', 'Himarë', 'Tepelenë', 'Librazhd', 'Bulqizë',
];
const ALB_PEOPLE = [
  'Edi Rama', 'Ilir Meta', 'Bajram Begaj', 'Sali Berisha', 'Olta Xhaçka', 'Igli Hasani', 'Elisa Spiropali',
  'Ditmir Bushati', 'Gent Cakaj', 'Lulzim Basha', 'Niko Peleshi', 'Ferit Hoxha', 'Suela Janina',
  'Enver Hoxha', 'Ramiz Alia', 'Fatos Nano', 'Pandeli Majko', 'Besnik Mustafaj', 'Arta Dade', 'Lindita Nikolla',
];
const SYL_FIRST = ['Ar', 'Be', 'Dri', 'El', 'Gë', 'Ili', 'Ke', 'Le', 'Mi', 'Ne', 'Or', 'Pë', 'Ro', 'Se', 'Ta', 'Va', 'Xhe', 'Za', 'Bu', 'Fla'];
const SYL_MID = ['ben', 'sni', 'tan', 'ri', 'jo', 'nu', 'ra', 'la', 'dë', 'ço', 'vi', 'ka', 'mir', 'to', 'ni'];
const SYL_LAST = ['i', 'a', 'ë', 'on', 'in', 'ta', 'or', 'im', 'ana', 'jan'];
const SURNAME_END = ['aj', 'ku', 'ri', 'ni', 'llari', 'ja', 'çi', 'maj', 'lla', 'hoxha'];
const PERIODS = ['1912–1939', '1939–1944', '1944–1990', '1990–1997', '1997–2009', 'since 2009'];

// ---------------------------------------------------------------------------------------------
// Generation

export interface SynthOptions {
  docs: number;
  seed?: number;
  /** Where the real sentences come from (default: corpus/). */
  corpusDir?: string;
}

export interface SynthFile {
  file: string;
  text: string;
}

/** Partners a synthetic library is about: countries and organisations, most-talked-about first. */
function partnerPool(): PartnerDef[] {
  const countries = PARTNERS.filter((p) => p.kind === 'country' && p.name !== 'Albania');
  const orgs = PARTNERS.filter((p) => p.kind === 'organisation');
  // A fixed "importance" order: neighbours and big powers first, then the registry order.
  const first = ['Kosovo', 'Greece', 'Italy', 'North Macedonia', 'Montenegro', 'Serbia', 'Turkey', 'United States', 'Germany', 'United Kingdom', 'France', 'Ukraine', 'Russia', 'China', 'Austria', 'Croatia'];
  const byName = new Map(countries.map((p) => [p.name, p]));
  const head = first.map((n) => byName.get(n)).filter((p): p is PartnerDef => Boolean(p));
  const rest = countries.filter((p) => !first.includes(p.name));
  return [...head, ...rest, ...orgs];
}

class Writer {
  readonly d: Dice;
  private year = 2000;
  private month = 0;

  constructor(
    seed: number,
    private readonly m: Material,
    private readonly pool: PartnerDef[],
  ) {
    this.d = new Dice(rng(seed));
  }

  personName(): string {
    const d = this.d;
    if (d.chance(0.25)) return d.pick(ALB_PEOPLE);
    const first = d.pick(SYL_FIRST) + (d.chance(0.6) ? d.pick(SYL_MID) : '') + d.pick(SYL_LAST);
    const last = d.pick(SYL_FIRST) + d.pick(SYL_MID) + d.pick(SURNAME_END);
    return `${first} ${last}`;
  }

  placeName(): string {
    const d = this.d;
    if (d.chance(0.6)) return d.pick(ALB_PLACES);
    return d.pick(SYL_FIRST) + d.pick(SYL_MID) + d.pick(['ë', 'a', 'i', 'ovë', 'ec', 'shtë']);
  }

  otherPartner(not: PartnerDef): PartnerDef {
    for (;;) {
      const p = this.d.zipf(this.pool, 0.8);
      if (p !== not) return p;
    }
  }

  // --- dates, in every form the parser reads --------------------------------------------------
  private day(): string {
    this.month = this.d.int(0, 11);
    const day = this.d.int(1, DAYS_IN[this.month]!);
    return this.d.chance(0.55) ? `${day} ${MONTHS[this.month]} ${this.year}` : `${MONTHS[this.month]} ${day}, ${this.year}`;
  }

  iso(): string {
    const month = this.d.int(1, 12);
    const day = this.d.int(1, DAYS_IN[month - 1]!);
    return `${this.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }

  advanceYear(): number {
    this.year = Math.min(2025, this.year + this.d.int(0, 3));
    return this.year;
  }

  startYear(from: number): void {
    this.year = from;
  }

  datedSentence(x: PartnerDef): string {
    const d = this.d;
    const X = x.name;
    const adj = x.adjectives[0] ?? X;
    const topic = d.pick(TOPICS);
    const y = this.advanceYear();
    switch (d.int(0, 11)) {
      case 0:
        return `On ${this.day()}, Albania and ${X} ${d.pick(ACTS)} ${topic}.`;
      case 1: {
        const first = `The ${adj} ${d.pick(ROLES)} ${this.personName()} ${d.pick(VERBS_PAST)} ${this.placeName()} on ${this.day()}.`;
        return `${first} ${d.pick(['A joint press conference was held', 'The two sides signed a protocol on ' + topic, 'Talks continued'])} the following day.`;
      }
      case 2:
        return `In ${MONTHS[d.int(0, 11)]} ${y}, ${d.pick(BODIES)} from ${X} ${d.pick(VERBS_PAST)} ${d.pick(['Tirana', this.placeName()])} to discuss ${topic}.`;
      case 3:
        return `${d.pick(['Diplomatic relations', 'Formal relations', 'Consular relations'])} between Albania and ${X} were ${d.pick(['established', 're-established', 'restored'])} in ${y}.`;
      case 4: {
        const decade = Math.floor(y / 10) * 10 - d.pick([0, 10, 20, 30]);
        return `During the ${decade}s, ${d.pick(['trade', 'contact', 'cultural exchange', 'cooperation'])} between Albania and ${X} ${d.pick(['grew steadily', 'was limited', 'was frozen', 'expanded rapidly'])}.`;
      }
      case 5:
        return `In ${d.pick(['early', 'late'])} ${y === 2025 ? 2024 : y}, the ${d.pick(ROLES)} of ${X} announced plans to open ${d.pick(['an embassy', 'a consulate', 'a trade office', 'a cultural centre'])} in ${d.pick(['Tirana', this.placeName()])}.`;
      case 6: {
        const month = MONTHS[d.int(0, 11)]!;
        return `In ${month} ${y}, ${X} ${d.pick(VERBS_PAST)} the ${d.pick(NOUNS)} on ${topic}. In mid-${MONTHS[(MONTHS.indexOf(month) + 1) % 12]}, a second round of talks took place in ${this.placeName()}.`;
      }
      case 7:
        return `Albania and ${X} served together on the ${d.pick(['United Nations Security Council', 'OSCE Chairmanship troika', 'Human Rights Council', 'board of the Council of Europe Development Bank'])} in ${y - 1}–${String(y % 100).padStart(2, '0')}.`;
      case 8:
        return `The ${d.pick(NOUNS)} entered into force on ${this.iso()}, after ratification by both parliaments.`;
      case 9:
        return `Albania recognised ${X}'s ${d.pick(['independence', 'new government', 'territorial integrity'])} on ${this.day()}.`;
      case 10:
        return `In ${y}, ${this.personName()} was appointed ${d.pick(['ambassador', 'chargé d’affaires', 'honorary consul'])} of Albania to ${X}.`;
      default:
        return `By ${MONTHS[d.int(0, 11)]} ${y}, ${d.int(2, 900)} ${d.pick(['students', 'refugees', 'companies', 'workers', 'tourists'])} from ${X} had ${d.pick(['arrived in', 'settled in', 'registered in', 'visited'])} ${this.placeName()}.`;
    }
  }

  // --- prose ----------------------------------------------------------------------------------
  realSentence(x: PartnerDef): string {
    const s = this.d.pick(this.m.sentences);
    return s.replace(/\b(Kosovo|Ukraine|Turkey|Greece|Italy)\b/g, x.name);
  }

  chainSentence(x: PartnerDef): string {
    const d = this.d;
    let key = d.pick(this.m.starts);
    const words = key.split(' ');
    for (let i = 0; i < 45; i++) {
      const next = this.m.chain.get(key);
      if (!next) break;
      const w = d.pick(next);
      if (w === '\u0000') break;
      words.push(w);
      key = `${words[words.length - 2]} ${w}`;
      if (words.length >= 12 && /[.!?]$/.test(w)) break;
    }
    let s = words.join(' ');
    if (!/[.!?]$/.test(s)) s = s.replace(/[,;:]$/, '') + '.';
    return s.replace(/\b(Kosovo|Ukraine)\b/g, x.name);
  }

  /** A sentence with new vocabulary: people, places and projects the real corpus never named. */
  freshSentence(x: PartnerDef): string {
    const d = this.d;
    const topic = d.pick(TOPICS);
    switch (d.int(0, 3)) {
      case 0:
        return `${this.personName()}, ${d.pick(ROLES).toLowerCase()} of ${x.name}, met ${this.personName()} in ${this.placeName()} to discuss ${topic} and ${d.pick(TOPICS)}.`;
      case 1:
        return `The ${this.placeName()}–${this.placeName()} ${d.pick(['highway', 'pipeline', 'railway', 'interconnector', 'ferry line'])} is financed jointly by Albania and ${x.name}.`;
      case 2:
        return `${x.name} funds the ${this.placeName()} ${d.pick(['school', 'hospital', 'water plant', 'museum', 'library', 'port terminal'])}, managed by ${this.personName()}.`;
      default:
        return `Cooperation in ${topic} is coordinated by the ${d.pick(['joint committee', 'embassy', 'chamber of commerce', 'working group'])} in ${this.placeName()}.`;
    }
  }

  sentence(x: PartnerDef): string {
    const r = this.d.next();
    if (r < 0.35) return this.realSentence(x);
    if (r < 0.6) return this.chainSentence(x);
    if (r < 0.85) return this.datedSentence(x);
    return this.freshSentence(x);
  }

  paragraph(x: PartnerDef, min = 2, max = 6): string {
    const n = this.d.int(min, max);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.sentence(x));
    return out.join(' ');
  }
}

const WIKI_SECTIONS: [string, string[]][] = [
  ['History', ['Early contacts', 'Interwar period', 'Communist era', 'Post–Cold War relations', 'Recent developments']],
  ['Political relations', ['High-level visits', 'Recognition', 'Multilateral cooperation']],
  ['Economic relations', ['Trade', 'Investment', 'Energy', 'Tourism']],
  ['Cultural relations', ['Education', 'Diaspora', 'Religion']],
  ['Security cooperation', ['Defence agreements', 'Peacekeeping', 'Law enforcement']],
  ['Migration', ['Refugees', 'Visa policy']],
];

function wikiDoc(w: Writer, x: PartnerDef, title: string): string {
  const d = w.d;
  const out: string[] = [`= ${title} =`, ''];
  if (d.chance(0.7)) {
    out.push('Infobox');
    out.push(`- Map: Albania ${x.name} Locator.svg`, `- Size: ${d.pick([250, 300, 350])}px`);
    out.push(`- Party1: Albania`, `- Party2: ${x.name}`);
    if (d.chance(0.6)) out.push(`- Mission1: Embassy of Albania, ${x.name}`, `- Mission2: Embassy of ${x.name}, Tirana`);
    if (d.chance(0.5)) out.push(`- Envoytitle1: Ambassador`, `- Envoy1: ${w.personName()}`);
    out.push('');
  }
  w.startYear(d.int(1912, 1995));
  out.push(w.paragraph(x, 3, 6), '');
  if (d.chance(0.6)) out.push(w.paragraph(x, 2, 4), '');

  const sections = [...WIKI_SECTIONS].sort(() => d.next() - 0.5).slice(0, d.int(2, 5));
  for (const [h2, subs] of sections) {
    out.push(`== ${h2} ==`, '');
    if (d.chance(0.7)) out.push(w.paragraph(x), '');
    for (const h3 of subs.slice(0, d.int(1, Math.min(3, subs.length)))) {
      out.push(`=== ${h3} ===`);
      out.push(w.paragraph(x), '');
      if (d.chance(0.5)) out.push(w.paragraph(x, 2, 5), '');
      if (d.chance(0.25)) {
        out.push(`==== ${d.pick(['Agreements', 'Visits', 'Incidents', 'Aid', 'Statements'])} ====`);
        out.push(w.paragraph(x, 2, 4), '');
      }
      if (d.chance(0.3)) {
        for (let i = d.int(2, 6); i > 0; i--) out.push(`- ${d.chance(0.5) ? w.datedSentence(x) : w.freshSentence(x)}`);
        out.push('');
      }
    }
    if (d.chance(0.2)) {
      out.push(`;${d.pick(['Disputes', 'International conflicts', 'Agreements in force', 'Trade figures'])}`);
      out.push(w.paragraph(x, 1, 3), '');
    }
  }

  if (d.chance(0.55)) {
    // A table whose name cells were lost with the flag templates, names left in the notes.
    out.push(`== ${d.pick(['Diplomatic relations', 'Agreements', 'Ratification', 'Missions'])} ==`, '');
    out.push('| Country | Formal Relations Began | Notes |');
    for (let i = d.int(3, 14); i > 0; i--) {
      const y = w.d.int(1912, 2024);
      const date = d.chance(0.3) ? '' : d.chance(0.5) ? String(y) : d.chance(0.5) ? `${d.int(1, 28)} ${MONTHS[d.int(0, 11)]} ${y}` : w.iso();
      const other = w.otherPartner(x);
      const note = d.chance(0.6) ? `See Albania–${other.name} relations` : d.chance(0.5) ? '' : w.freshSentence(other);
      const name = d.chance(0.15) ? other.name : '';
      out.push(`| ${name} | ${date} | ${note} |`);
    }
    out.push('');
  }

  out.push('== Resident diplomatic missions ==', '');
  out.push(`- Albania ${d.chance(0.7) ? `has an embassy in ${x.name}` : `is accredited to ${x.name} from its embassy in ${w.otherPartner(x).name}`}.`);
  out.push(`- ${x.name} ${d.chance(0.6) ? 'has an embassy in Tirana' : `is accredited to Albania from its embassy in ${w.otherPartner(x).name}`}.`, '');

  out.push('== See also ==', '- Foreign relations of Albania');
  for (let i = d.int(1, 4); i > 0; i--) out.push(`- Albania–${w.otherPartner(x).name} relations`);
  out.push(`- Foreign relations of ${x.name}`, '');
  return out.join('\n');
}

const PDF_SECTIONS = [
  'General Framework', 'Areas of Cooperation', 'Political dialogue', 'Economic cooperation',
  'Countering hybrid threats', 'Cyber issues', 'Training and education', 'Integrated border management',
  'Energy security', 'Support to Ukraine', 'Women, Peace and Security', 'Way Forward',
];

function pdfDoc(w: Writer, x: PartnerDef, title: string): string {
  const d = w.d;
  // Bold ALL-CAPS title over two or three lines, as the PDF converter writes it.
  const words = title.toUpperCase().split(' ');
  const cut1 = Math.ceil(words.length / 3);
  const cut2 = Math.ceil((2 * words.length) / 3);
  const out: string[] = ['', '', `**${words.slice(0, cut1).join(' ')}  `, `${words.slice(cut1, cut2).join(' ')}  `, `${words.slice(cut2).join(' ')}**`, ''];
  w.startYear(d.int(1995, 2015));
  let n = 1;
  const para = (): void => {
    const text = w.paragraph(x, 2, 5);
    // One paragraph in five is cut by a page break mid-sentence: the rest starts in lower case.
    const words = text.split(' ');
    if (d.chance(0.2) && words.length > 16) {
      const at = d.int(6, words.length - 6);
      const rest = words.slice(at);
      rest[0] = rest[0]!.toLowerCase();
      if (/^[a-z]/.test(rest[0]!)) {
        out.push(`${n++}. ${words.slice(0, at).join(' ')}`, '', rest.join(' '), '');
        return;
      }
    }
    out.push(`${n++}. ${text}`);
  };
  for (let i = d.int(2, 4); i > 0; i--) para();
  out.push('');
  const heads = [...PDF_SECTIONS].sort(() => d.next() - 0.5).slice(0, d.int(2, 6));
  let depth = 2;
  for (const [i, h] of heads.entries()) {
    // Headings go down at most one level at a time, as in the real declaration.
    depth = i === 0 ? 2 : Math.max(2, Math.min(4, depth + d.int(-1, 1)));
    const level = '#'.repeat(depth);
    out.push(`${level} ${d.chance(0.6) ? `**${h}**` : h}`, '');
    for (let i = d.int(1, 4); i > 0; i--) para();
    out.push('');
    if (d.chance(0.4)) {
      for (let i = d.int(2, 5); i > 0; i--) out.push(`- ◇ ${d.pick(['Establishing', 'Exploring', 'Inviting', 'Supporting', 'Strengthening'])} ${w.freshSentence(x).replace(/^\w/, (c) => c.toLowerCase())}`);
      out.push('');
    }
  }
  return out.join('\n');
}

function titleFor(w: Writer, x: PartnerDef, kind: 'wiki' | 'pdf', seen: Map<string, number>): string {
  const d = w.d;
  let title: string;
  if (kind === 'pdf') {
    title = `${d.pick(['Joint Declaration on', 'Memorandum on', 'Security and Defence Partnership on', 'Agreement on Cooperation in', 'Action Plan for'])} ${d.pick(TOPICS)} between the Republic of Albania and ${x.name} ${d.int(1995, 2025)}`;
  } else {
    const count = seen.get(x.id) ?? 0;
    title =
      count === 0
        ? `Albania–${x.name} relations`
        : d.pick([
            `History of Albania–${x.name} relations`,
            `Albania–${x.name} relations (${d.pick(PERIODS)})`,
            `Albania–${x.name} ${d.pick(TOPICS)} relations`,
            `${x.name} in Albanian foreign policy`,
          ]);
  }
  seen.set(x.id, (seen.get(x.id) ?? 0) + 1);
  return title;
}

export function generateCorpus(options: SynthOptions): SynthFile[] {
  const seed = options.seed ?? 1;
  const material = loadMaterial(options.corpusDir ?? REAL_CORPUS_DIR);
  const pool = partnerPool();
  const files: SynthFile[] = [];
  const seen = new Map<string, number>();
  const width = Math.max(4, String(options.docs).length);
  for (let i = 0; i < options.docs; i++) {
    // One stream per document, so document i is the same whatever N is.
    const w = new Writer((seed * 1_000_003 + i * 7919) >>> 0, material, pool);
    const x = i < pool.length ? pool[i]! : w.d.zipf(pool, 0.6);
    const kind = w.d.chance(0.2) ? 'pdf' : 'wiki';
    const title = titleFor(w, x, kind, seen);
    const text = kind === 'pdf' ? pdfDoc(w, x, title) : wikiDoc(w, x, title);
    const tag = Math.floor(w.d.next() * 0xffffffff).toString(16).padStart(8, '0');
    files.push({ file: `${String(i).padStart(width, '0')}_${tag}.txt`, text: `${text.trimEnd()}\n` });
  }
  return files;
}

export function writeCorpus(outDir: string, files: SynthFile[]): { files: number; bytes: number } {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  let bytes = 0;
  for (const f of files) {
    writeFileSync(join(outDir, f.file), f.text);
    bytes += Buffer.byteLength(f.text);
  }
  return { files: files.length, bytes };
}

function parseCliArgs(argv: string[]): { docs: number; out: string; seed: number } {
  const { values } = parseArgs({
    args: argv,
    options: { docs: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
    strict: true,
  });
  const docs = Number(values.docs);
  const seed = Number(values.seed);
  if (!Number.isInteger(docs) || docs < 1) throw new Error('--docs N (a positive integer) is required');
  if (!values.out) throw new Error('--out DIR is required');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return { docs, out: resolve(values.out), seed };
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    const args = parseCliArgs(process.argv.slice(2));
    const t = performance.now();
    const r = writeCorpus(args.out, generateCorpus({ docs: args.docs, seed: args.seed }));
    process.stdout.write(`Wrote ${r.files} documents (${(r.bytes / 1e6).toFixed(1)} MB) to ${args.out} in ${Math.round(performance.now() - t)} ms (seed ${args.seed}).\n`);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\nUsage: npm run corpus:synth -- --docs N --out DIR [--seed S]\n`);
    process.exit(2);
  }
}
