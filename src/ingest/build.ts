// Corpus directory → one SQLite file holding documents, passages, partners, events and the
// serialized Lunr index, all stamped with the corpus hash so they can never disagree.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DeskDocument, IngestWarning, LibraryInfo, SeeAlsoItem } from '../shared/types';
import { nameKey, slugify } from '../shared/text';
import { extractAll } from './extract';
import type { ParsedDocument } from './model';
import { parseDocument } from './parse';
import { readCorpusDir } from './read';
import { hashCorpus } from './corpusHash';
import { writeLibraryFile } from './writeLibrary';

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

  const titleToSlug = new Map(slugged.map((d) => [nameKey(d.title), d.slug]));
  const documents: DeskDocument[] = slugged.map(({ slug, title, doc }) => ({
    slug,
    title,
    kind: meta.get(slug)?.kind ?? 'overview',
    sourceFile: doc.sourceFile,
    partners: meta.get(slug)?.partners ?? [],
    sections: doc.sections.map((s) => ({ ...s, blocks: s.blocks.map((b) => (b.type === 'seeAlso' ? { ...b, items: b.items.map((i) => linkSeeAlso(i, titleToSlug)) } : b)) })),
  }));

  const gapTables = documents.flatMap((d) => d.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'table' && b.gaps))).length;
  const recoveredNames = documents
    .flatMap((d) => d.sections.flatMap((s) => s.blocks))
    .reduce((n, b) => n + (b.type === 'table' ? b.rows.reduce((m, r) => m + r.cells.filter((c) => c.recovered).length, 0) : 0), 0);
  const skippedFiles = sources.length - parsed.length;
  const builtAt = options.builtAt ?? (process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString() : new Date().toISOString());

  const outFile = resolve(options.outFile);
  const written = writeLibraryFile(
    {
      documents,
      extraction,
      warnings,
      corpusHash,
      builtAt,
      written: () => {
        sources.length = 0;
        parsed.length = 0;
        slugged.length = 0;
      },
    },
    outFile,
  );
  const counts: BuildReport['counts'] = { ...written.counts, tablesWithGaps: gapTables, recoveredNames, skippedFiles };
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

