// The fixed query set of the benchmark: what people type into Relations Desk. Every corpus is
// searched with the same 200+ queries, so numbers compare across corpus sizes.

const SINGLE = [
  // common in every document
  'albania', 'relations', 'government', 'foreign', 'minister',
  // content words
  'nato', 'kosovo', 'ukraine', 'embassy', 'refugees', 'ambassador', 'treaty', 'partnership', 'membership',
  'independence', 'recognition', 'sovereignty', 'accession', 'ratification', 'cooperation', 'security',
  'defence', 'migration', 'tourism', 'energy', 'railway', 'pipeline', 'airport', 'diaspora', 'invasion',
  'sanctions', 'consulate', 'summit', 'protocol', 'resolution', 'referendum', 'trade', 'investment',
  'agriculture', 'education', 'culture', 'heritage', 'cyber', 'hybrid', 'terrorism', 'trafficking',
  'peacekeeping', 'visa', 'border', 'customs', 'scholarship', 'delegation', 'parliament', 'communism',
  'unification', 'crimea', 'donbas', 'pristina', 'tirana', 'warsaw', 'kharkiv', 'bucharest', 'yugoslavia',
  'turkey', 'greece', 'italy', 'serbia', 'montenegro', 'china', 'russia', 'egypt', 'japan', 'brazil',
  'mexico', 'canada', 'israel', 'iran', 'austria', 'germany',
];

const ACCENTED = [
  'Kuçovë', 'Kucove', 'Xhaçka', 'Xhacka', 'Durrës', 'Durres', 'Vlorë', 'Vlore', 'Shkodër', 'Shkoder', 'Korçë',
  'Korce', 'Gjirokastër', 'Gjirokaster', 'Përmet', 'Permet', 'Sarandë', 'Sarande', 'Vërmica', 'Vermica',
  'Thaçi', 'Thaci', 'chargé', 'charge',
];

const PHRASES = [
  '"Partnership for Peace"', '"Membership Action Plan"', '"diplomatic relations"', '"European Union"',
  '"Security Council"', '"North Atlantic"', '"the following day"', '"honorary consulate"', '"joint declaration"',
  '"free movement"', '"Stabilisation and Association"', '"territorial integrity"', '"Prime Minister"',
  '"foreign minister"', '"Western Balkans"', '"hybrid threats"', '"cultural heritage"', '"Air Base"',
  '"General Assembly"', '"Bucharest Summit"', '"Cham Albanians"', '"Kuçovë Air Base"', '"Kucove air base"',
  '"war of aggression"', '"rule of law"', '"civil protection"', '"border management"', '"Edi Rama"',
  '"Olta Xhaçka"', '"Peace for Partnership"',
];

const PREFIXES = [
  'kos', 'ukra', 'emb', 'refug', 'amba', 'nat', 'diplo', 'secur', 'ratif', 'partn', 'indep', 'migr', 'ku',
  'xha', 'dur', 'gjiro', 'recog', 'acces', 'sover', 'coop', 'def', 'tour', 'rail', 'pipe', 'trea', 'summ',
  'proto', 'resol', 'herit', 'deleg', 'al', 'rel',
];

const MULTI = [
  'embassy tirana', 'railway kosovo', 'nato membership 2009', 'refugees ukraine', 'kosovo independence',
  'albania recognised independence', 'ambassador appointed', 'trade agreement', 'defence cooperation agreement',
  'energy pipeline', 'visa free travel', 'cultural heritage trafficking', 'cyber security dialogue',
  'prime minister visit', 'diplomatic relations established 1992', 'united nations security council',
  'kucove air base nato', 'xhacka ukraine embassy', 'russian invasion condemned', 'border checks kosovo',
  'greek minority', 'turkish investment', 'italian tourists', 'chinese loan', 'serbia recognition kosovo',
  'memorandum of understanding', 'joint economic commission', 'eu accession negotiations', 'enver hoxha kyiv',
  'partnership for peace 1994', 'nato summit bucharest invitation', 'albania kosovo unification poll',
];

const JUNK = [
  'title:', '~~', '"', 'nato~2', 'kosovo^10', '+kosovo -serbia', '(((', ':', '\\', '🇦🇱', '🙂 nato', 'a:b:c',
  '""', '*', '***', 'the', 'of the', '   ', '<script>alert(1)</script>', "'; DROP TABLE passages;--", 'zzqxv',
  'Kosovvo', 'natoo', 'ukrain*', '%%%', 'NEAR(nato kosovo)', 'nato AND kosovo', 'kosovo OR serbia', '-', '🤝',
  'x'.repeat(300), 'ä ö ü',
];

export interface BenchQuery {
  kind: 'single' | 'accented' | 'phrase' | 'prefix' | 'multi' | 'junk';
  /** As typed. A query without a trailing space ends in a word being typed: a prefix. */
  text: string;
}

/** Whole words end with a space (a finished word); prefixes do not (still typing). */
export const QUERIES: BenchQuery[] = [
  ...SINGLE.map((t) => ({ kind: 'single' as const, text: `${t} ` })),
  ...ACCENTED.map((t) => ({ kind: 'accented' as const, text: `${t} ` })),
  ...PHRASES.map((t) => ({ kind: 'phrase' as const, text: t })),
  ...PREFIXES.map((t) => ({ kind: 'prefix' as const, text: t })),
  ...MULTI.map((t) => ({ kind: 'multi' as const, text: `${t} ` })),
  ...JUNK.map((t) => ({ kind: 'junk' as const, text: t })),
];
