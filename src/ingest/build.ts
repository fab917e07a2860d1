// Corpus directory → one SQLite file holding documents, passages, partners, events and the
// serialized Lunr index, all stamped with the corpus hash so they can never disagree.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { DeskDocument, IngestWarning, LibraryInfo, SeeAlsoItem } from '../shared/types';
import { nameKey, slugify } from '../shared/text';
import { buildSearchIndex, buildVocabulary, type IndexablePassage } from '../search/buildIndex';
import { foldForMatch } from '../search/query';
import { passageId } from '../search/searcher';
import { extractAll } from './extract';
import { writeEvents } from './eventsTable';
import type { ParsedDocument } from './model';
import { parseDocument } from './parse';
import { findPartnerMentions, partnerById } from '../core/partners';
import { passagesOf } from '../core/passages';
import { readCorpusDir } from './read';
import { hashCorpus } from './corpusHash';
import { partnerKeyMap, sectionPartnersOf } from './sectionPartners';
import { encodeTextStream } from './encodeTextStream';
import { INGEST_VERSION, SCHEMA_SQL, SCHEMA_VERSION } from '../core/schema';

export { corpusHashOf, hashCorpus } from './corpusHash';

export interface BuildOptions {
  corpusDir: string;
  outFile: string;
  /** Fixed build time, for reproducible output (defaults to SOURCE_DATE_EPOCH, then now). */
  builtAt?: string;
}

export interface BuildReport {
  outFile: string;
  corpusHash: string;
  counts: LibraryInfo['counts'] & { tablesWithGaps: number; recoveredNames: number; skippedFiles: number };
  warnings: IngestWarning[];
  millis: number;
}

export class BuildError extends Error {
  constructor(
    message: string,
    readonly warnings: IngestWarning[],
  ) {
    super(message);
    this.name = 'BuildError';
  }
}

export function buildDatabase(options: BuildOptions): BuildReport {
  const started = performance.now();
  const corpusDir = resolve(options.corpusDir);
  if (!existsSync(corpusDir)) throw new BuildError(`Corpus directory not found: ${corpusDir}`, []);

  const sources = readCorpusDir(corpusDir);
  const warnings: IngestWarning[] = sources.flatMap((s) => s.warnings);
  const corpusHash = hashCorpus(sources);

  const parsed: ParsedDocument[] = [];
  for (const source of sources) {
    if (source.text === null) continue;
    try {
      const doc = parseDocument(source.text, source.file);
      for (const w of doc.warnings) warnings.push(w);
      if (doc.sections.every((s) => s.blocks.length === 0)) {
        warnings.push({ file: source.file, code: 'no-content', message: 'No readable content; skipped.' });
        continue;
      }
      parsed.push(doc);
    } catch (err) {
      warnings.push({ file: source.file, code: 'parse-failed', message: `Could not be parsed and was skipped: ${(err as Error).message}` });
    }
  }
  if (parsed.length === 0) {
    throw new BuildError(`No valid documents found in ${corpusDir} (${sources.length} file(s) looked at).`, warnings);
  }

  const slugged = assignSlugs(parsed);
  const extraction = extractAll(slugged);
  for (const w of extraction.warnings) warnings.push(w);
  const meta = new Map(extraction.documents.map((d) => [d.slug, d]));
  const partnerNames = new Map(extraction.partners.map((p) => [p.id, p.name]));

  const titleToSlug = new Map(slugged.map((d) => [nameKey(d.title), d.slug]));
  const documents: DeskDocument[] = slugged.map(({ slug, title, doc }) => ({
    slug,
    title,
    kind: meta.get(slug)?.kind ?? 'overview',
    sourceFile: doc.sourceFile,
    partners: meta.get(slug)?.partners ?? [],
    sections: doc.sections.map((s) => ({ ...s, blocks: s.blocks.map((b) => (b.type === 'seeAlso' ? { ...b, items: b.items.map((i) => linkSeeAlso(i, titleToSlug)) } : b)) })),
  }));

  const passages: (IndexablePassage & { partnerIds: string[] })[] = [];
  const passagesPerDoc = new Map<string, number>();
  for (const doc of documents) {
    let n = 0;
    for (const raw of passagesOf(doc)) {
      const partnerIds = findPartnerMentions(`${raw.sectionPath.join(' ')}\n${raw.text}`).filter((id) => partnerNames.has(id));
      passages.push({
        ...raw,
        id: passageId(doc.slug, n++),
        docTitle: doc.title,
        partners: partnerIds.map((id) => partnerNames.get(id)!),
        // Aliases too, so that "Kosova" finds every passage about Kosovo (issue 13).
        partnerNames: partnerIds.flatMap((id) => [partnerNames.get(id)!, ...(partnerById(id)?.aliases ?? [])]),
        partnerIds,
      });
    }
    passagesPerDoc.set(doc.slug, n);
  }

  const gapTables = documents.flatMap((d) => d.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'table' && b.gaps)));
  const gaps = gapTables.reduce((n, b) => n + (b.type === 'table' && b.gaps ? b.gaps.missingCells : 0), 0);
  const recoveredNames = documents
    .flatMap((d) => d.sections.flatMap((s) => s.blocks))
    .reduce((n, b) => n + (b.type === 'table' ? b.rows.reduce((m, r) => m + r.cells.filter((c) => c.recovered).length, 0) : 0), 0);

  const counts: BuildReport['counts'] = {
    documents: documents.length,
    sections: documents.reduce((n, d) => n + d.sections.length, 0),
    passages: passages.length,
    partners: extraction.partners.length,
    events: extraction.events.length,
    gaps,
    tablesWithGaps: gapTables.length,
    recoveredNames,
    skippedFiles: sources.length - parsed.length,
  };
  const builtAt = options.builtAt ?? (process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString() : new Date().toISOString());

  const outFile = resolve(options.outFile);
  mkdirSync(dirname(outFile), { recursive: true });
  const tmp = `${outFile}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('page_size = 4096');
    db.exec(SCHEMA_SQL);
    db.transaction(() => {
      const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      setMeta.run('schema_version', String(SCHEMA_VERSION));
      setMeta.run('ingest_version', String(INGEST_VERSION));
      setMeta.run('corpus_hash', corpusHash);
      setMeta.run('built_at', builtAt);
      setMeta.run('counts', JSON.stringify({ documents: counts.documents, sections: counts.sections, passages: counts.passages, partners: counts.partners, events: counts.events, gaps: counts.gaps }));

      const insDoc = db.prepare('INSERT INTO documents (slug, ord, title, kind, source_file, partners, sections, passages, body) VALUES (?,?,?,?,?,?,?,?,?)');
      const insSection = db.prepare('INSERT INTO sections (doc_slug, ord, anchor, heading, level, path, blocks) VALUES (?,?,?,?,?,?,?)');
      const insSectionPartner = db.prepare('INSERT OR IGNORE INTO section_partners (partner_id, doc_slug, anchor) VALUES (?,?,?)');
      const keys = partnerKeyMap(extraction.partners);
      const headings = new Map<string, string | null>();
      documents.forEach((d, i) => {
        insDoc.run(d.slug, i, d.title, d.kind, d.sourceFile, JSON.stringify(d.partners), d.sections.length, passagesPerDoc.get(d.slug) ?? 0, JSON.stringify({ ...d, sections: [] }));
        d.sections.forEach((s, j) => insSection.run(d.slug, j, s.anchor, s.heading, s.level, JSON.stringify(s.path), JSON.stringify(s.blocks)));
        for (const [partnerId, anchor] of sectionPartnersOf(d, keys, headings)) insSectionPartner.run(partnerId, d.slug, anchor);
      });

      const insPassage = db.prepare('INSERT INTO passages (id, doc_slug, ord, anchor, block_id, path, text) VALUES (?,?,?,?,?,?,?)');
      const insPassagePartner = db.prepare('INSERT OR IGNORE INTO passage_partners (passage_id, partner_id) VALUES (?, ?)');
      passages.forEach((p, i) => {
        insPassage.run(p.id, p.docSlug, i, p.anchor, p.blockId, JSON.stringify(p.sectionPath), p.text);
        for (const id of p.partnerIds) insPassagePartner.run(p.id, id);
      });

      const insPartner = db.prepare('INSERT INTO partners (id, name, kind, aliases, body) VALUES (?,?,?,?,?)');
      const insKey = db.prepare('INSERT OR IGNORE INTO partner_keys (key, partner_id) VALUES (?, ?)');
      for (const p of [...extraction.partners].sort((a, b) => (a.id < b.id ? -1 : 1))) {
        insPartner.run(p.id, p.name, p.kind, JSON.stringify(p.aliases), JSON.stringify(p));
        for (const k of [p.id, p.name, ...p.aliases]) insKey.run(nameKey(k), p.id);
      }

      writeEvents(db, extraction.events, new Map(documents.map((d, i) => [d.slug, i])), new Map(extraction.partners.map((p) => [p.name, p.id])));

      const insWarning = db.prepare('INSERT INTO warnings (ord, file, line, code, message) VALUES (?,?,?,?,?)');
      warnings.forEach((w, i) => insWarning.run(i, w.file, w.line ?? null, w.code, w.message));

      // The documents and events are written: what is left needs only the passages, so let the
      // sources, the parsed and structured documents and the events go before the index is built
      // (issue 19: they were all alive at the build's peak). Same rows in the same order as before.
      sources.length = 0;
      parsed.length = 0;
      slugged.length = 0;
      documents.length = 0;
      extraction.events.length = 0;
      const serializedIndex = buildSearchIndex(passages);
      // Generators, not arrays: each passage's joined and folded text dies young.
      const vocabulary = buildVocabulary((function* () {
        for (const p of passages) yield `${p.docTitle}\n${p.sectionPath.join(' ')}\n${p.text}`;
      })());
      const folded = encodeTextStream((function* () {
        for (const p of passages) yield foldForMatch(p.text);
      })());
      db.prepare('INSERT INTO search_index (id, corpus_hash, lunr, vocabulary, folded, folded_ends) VALUES (1, ?, ?, ?, ?, ?)').run(
        corpusHash,
        serializedIndex.header,
        JSON.stringify(Object.fromEntries(vocabulary)),
        folded.bytes,
        folded.ends,
      );
      const insChunk = db.prepare('INSERT INTO search_postings (chunk, docs, weights) VALUES (?, ?, ?)');
      serializedIndex.chunks.forEach((c, k) => insChunk.run(k, c.docs, c.weights));
    })();
  } finally {
    db.close();
  }
  renameSync(tmp, outFile);
  return { outFile, corpusHash, counts, warnings, millis: Math.round(performance.now() - started) };
}

function assignSlugs(docs: ParsedDocument[]): { slug: string; title: string; doc: ParsedDocument }[] {
  const used = new Set<string>();
  return docs.map((doc) => {
    const base = slugify(doc.title, 60);
    let slug = base;
    for (let i = 2; used.has(slug); i++) slug = `${base}-${i}`;
    used.add(slug);
    return { slug, title: doc.title, doc };
  });
}

function linkSeeAlso(item: SeeAlsoItem, titleToSlug: Map<string, string>): SeeAlsoItem {
  return { title: item.title, slug: titleToSlug.get(nameKey(item.title)) ?? null };
}

