// The bundled build's state between its two passes over the corpus (build.ts drives them, in this
// thread or with worker threads). First pass: each file read, hashed and extracted; what the
// library keeps of it — its title and slug, facts, the warnings — stays here, its events go to the
// writer's stage. Second pass: each document's rows written as they come. Nothing here holds a
// parsed document, so memory grows with the library's metadata, not with its text (issue 19).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IngestWarning } from '../shared/types';
import { nameKey, slugify } from '../shared/text';
import type { BuildOptions, BuildReport } from './build';
import type { DocumentPlan, ExtractedSource, LibraryLinks } from './buildJobs';
import { CorpusHasher } from './corpusHash';
import type { DocumentRows } from './documentRows';
import { ExtractionMerger } from './extract';
import { listCorpusDir, readCorpusEntry, type CorpusEntry } from './read';
import { partnerKeyMap } from './sectionPartners';
import { LibraryFileWriter } from './writeLibrary';

export class BuildError extends Error {
  constructor(
    message: string,
    readonly warnings: IngestWarning[],
  ) {
    super(message);
    this.name = 'BuildError';
  }
}

export class StreamedBuild {
  readonly corpusDir: string;
  readonly entries: CorpusEntry[];
  readonly plans: DocumentPlan[] = [];
  private readonly started = performance.now();
  private readonly outFile: string;
  private readonly hasher = new CorpusHasher();
  private readonly merger = new ExtractionMerger();
  private readonly sourceWarnings: IngestWarning[] = [];
  private readonly parseWarnings: IngestWarning[] = [];
  private readonly slugs = new Set<string>();
  private writer: LibraryFileWriter | null = null;
  private events = 0;
  private extracted = 0;
  private tablesWithGaps = 0;
  private recoveredNames = 0;
  private partners: ReturnType<ExtractionMerger['partners']> = [];

  constructor(private readonly options: BuildOptions) {
    this.corpusDir = resolve(options.corpusDir);
    if (!existsSync(this.corpusDir)) throw new BuildError(`Corpus directory not found: ${this.corpusDir}`, []);
    this.entries = listCorpusDir(this.corpusDir);
    this.outFile = resolve(options.outFile);
  }

  /** First pass, in corpus order: the file's text (hashed), or null when it is skipped. */
  read(entry: CorpusEntry): { file: string; text: string } | null {
    const source = readCorpusEntry(this.corpusDir, entry);
    this.hasher.add(source);
    for (const w of source.warnings) this.sourceWarnings.push(w);
    return source.text === null ? null : { file: source.file, text: source.text };
  }

  /**
   * First pass, in corpus order: a parsed document's slug. The build names each document once the
   * documents before it have their names, possibly before their extractions have come back.
   */
  slugFor(file: string, title: string): string {
    const base = slugify(title, 60);
    let slug = base;
    for (let i = 2; this.slugs.has(slug); i++) slug = `${base}-${i}`;
    this.slugs.add(slug);
    this.plans.push({ file, slug, title: structuredClone(title), kind: 'overview', partners: [] });
    return slug;
  }

  /** First pass, in corpus order (with addExtracted): a file that was read but is skipped. */
  addSkipped(warnings: IngestWarning[]): void {
    for (const w of structuredClone(warnings)) this.parseWarnings.push(w);
  }

  /** First pass, in corpus order (with addSkipped): the extraction of the next document given a slug. */
  addExtracted(result: ExtractedSource): void {
    // What stays is copied: strings cut from the source text (quotes, titles) would otherwise
    // keep every document's whole text alive (a worker's results arrive as copies already).
    const { parseWarnings, ...kept } = structuredClone({ parseWarnings: result.warnings, warnings: result.extraction.warnings, facts: result.extraction.facts, document: result.extraction.document });
    for (const w of parseWarnings) this.parseWarnings.push(w);
    const extraction = { ...result.extraction, ...kept };
    this.merger.add(extraction, false);
    const writer = (this.writer ??= new LibraryFileWriter(this.outFile, { stageOnDisk: true }));
    const plan = this.plans[this.extracted]!;
    for (const e of extraction.events) writer.stageEvent(e, this.events++);
    plan.kind = extraction.document.kind;
    plan.partners = extraction.document.partners;
    this.extracted++;
    this.tablesWithGaps += result.tablesWithGaps;
    this.recoveredNames += result.recoveredNames;
  }

  /** Between the passes: the library's titles and partners, which every document's rows need. */
  links(): LibraryLinks {
    trace('pass1 done');
    if (this.plans.length === 0) {
      throw new BuildError(`No valid documents found in ${this.corpusDir} (${this.entries.length} file(s) looked at).`, this.warnings());
    }
    this.partners = this.merger.partners();
    return {
      titleToSlug: new Map(this.plans.map((p) => [nameKey(p.title), p.slug])),
      partnerNames: new Map(this.partners.map((p) => [p.id, p.name])),
      partnerKeys: partnerKeyMap(this.partners),
    };
  }

  /** Second pass, in corpus order. */
  addRows(rows: DocumentRows): void {
    this.writer!.addDocument(rows);
  }

  finish(): BuildReport {
    const writer = this.writer!;
    const warnings = this.warnings();
    const env = process.env.SOURCE_DATE_EPOCH;
    const builtAt = this.options.builtAt ?? (env ? new Date(Number(env) * 1000).toISOString() : new Date().toISOString());
    const corpusHash = this.hasher.digest();
    trace('pass2 done');
    const written = writer.finish({ partners: this.partners, events: writer.stagedEvents(), eventCount: this.events, warnings, corpusHash, builtAt });
    const skippedFiles = this.entries.length - this.plans.length;
    return {
      outFile: this.outFile,
      corpusHash,
      counts: { ...written.counts, tablesWithGaps: this.tablesWithGaps, recoveredNames: this.recoveredNames, skippedFiles },
      warnings,
      millis: Math.round(performance.now() - this.started),
      workers: 0,
    };
  }

  abort(): void {
    this.writer?.abort();
  }

  private warnings(): IngestWarning[] {
    return [...this.sourceWarnings, ...this.parseWarnings, ...this.merger.warnings];
  }
}

export function trace(what: string): void {
  if (!process.env.TRACE) return;
  const m = process.memoryUsage();
  const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  process.stderr.write(`${what}: rss ${m.rss >> 20} heap ${m.heapUsed >> 20} ext ${m.external >> 20} ab ${m.arrayBuffers >> 20} hwm ${Number(hwm) >> 10} cpu ${(process.cpuUsage().user/1e6).toFixed(1)} threads ${readdirSync('/proc/self/task').map((t) => { const f = readFileSync(`/proc/self/task/${t}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) / 100; }).filter((c) => c > 0.5).join(',')}\n`);
}
