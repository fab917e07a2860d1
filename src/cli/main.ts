// The command-line transport: parses arguments, calls the same handlers as the app, prints.
// Exit codes: 0 ok, 1 error (message on stderr), 2 usage error.
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DeskError, type DeskMethod, type Note, type TimelinePage } from '../shared/api';
import { EVENT_CATEGORIES, type Comparison, type DeskDocument, type DocumentSummary, type PartnerSummary, type SearchResponse } from '../shared/types';
import { buildDatabaseInParallel, BuildError, type BuildReport } from '../ingest/build';
import { createDesk } from '../services/desk';
import { CORPUS_DIR, defaultUserDataDir, libraryDbPath } from '../host/paths';
import { refreshUserLibrary, removeDocument, userLibraryPath } from '../ingest/userLibrary';
import { formatMine, runAdd } from './documents';
import { ensureDatabase } from '../host/libraryFile';
import { formatDate, formatDocument, formatNotes, formatTable } from './format';
import { formatBuildReport, formatComparison, formatSearch } from './formatResults';
import { notesMarkdown } from '../services/notesMarkdown';
import { parsePaper, renderBriefingPdf } from './briefing';
import { renderComparePdf } from './comparePdf';
import { printTimeline } from './timeline';

export const USAGE = `Usage: relations-desk <command> [options]

Commands:
  build [--corpus DIR] [--out FILE]        Build the library database from the corpus
  docs [--mine]                            List the documents (--mine: only those you added)
  doc <slug>                               Show one document with its sections
  search "<query>" [--limit N] [--doc SLUG] [--partner NAME]
                                           Full-text search with snippets
  partners                                 List partners with established relations
  timeline [--partner NAME] [--from YEAR] [--to YEAR] [--category C[,C…]] [--doc SLUG] [--limit N]
                                           Dated events, oldest first (the first N with --limit);
                                           categories: ${EVENT_CATEGORIES.join(', ')}
  compare <partner> <partner> [<partner> [<partner>]] [--out FILE.pdf [--paper a4|letter]]
                                           2 to 4 partners side by side, facet by facet;
                                           with --out, the comparison sheet as PDF (one line
                                           per facet; landscape for four partners)
  add FILE…                                Add your own documents (PDF, HTML, Markdown, plain
                                           text, the corpus's wiki export) to the library
  remove <slug>                            Remove a document you added
  notes [--doc SLUG] [--query "words"] [--markdown] [--out FILE.md]
                                           Your notes on passages (made in the app), newest
                                           first; --markdown (or --out) exports them with
                                           their quotes and citations
  briefing <partner> [--compare <partner>…] --out FILE.pdf [--paper a4|letter]
                                           A briefing sheet as PDF (1 partner, or up to 4
                                           side by side), rendered by a local headless Chromium
                                           (CHROMIUM_PATH, else the system's chromium)

Options for every command:
  --json        Print JSON instead of text
  --db FILE     Use this library database (default: the bundled one, built first
                if it is missing or out of date); with --db, your added documents
                are left out unless --user-data is given
  --user-data DIR
                The folder holding your added documents (default: the app's own,
                or RELATIONS_DESK_USER_DATA)
  -h, --help    Show this help`;

class UsageError extends Error {}

export interface CliIO {
  /** A promise when the reader is behind: a long output (the timeline) waits for it instead of piling up. */
  out: (text: string) => unknown;
  err: (text: string) => void;
}

const OPTIONS = {
  json: { type: 'boolean' },
  db: { type: 'string' },
  corpus: { type: 'string' },
  out: { type: 'string' },
  limit: { type: 'string' },
  doc: { type: 'string' },
  partner: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  category: { type: 'string' },
  compare: { type: 'string', multiple: true },
  paper: { type: 'string' },
  'user-data': { type: 'string' },
  mine: { type: 'boolean' },
  query: { type: 'string' },
  markdown: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

/** Runs one command and returns the exit code; never calls process.exit itself. */
export async function runCli(argv: string[], io: CliIO = defaultIO): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const { values, positionals } = parsed;
    const [command, ...rest] = positionals;
    if (values.help || command === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (!command) throw new UsageError('No command given.');

    if (command === 'build') {
      expectArgs(rest, 0, 'build');
      const report = await runBuild(values.corpus ?? CORPUS_DIR, values.out ?? values.db ?? libraryDbPath());
      io.out(values.json ? JSON.stringify(report, null, 2) : formatBuildReport(report));
      return 0;
    }

    const dbPath = values.db ?? (await bundledDb(io));
    // Your added documents: in the user-data folder the app uses, or the one named.
    const userData = values['user-data'] ?? (values.db === undefined ? defaultUserDataDir() : undefined);
    const userLibrary = userData !== undefined ? userLibraryPath(path.resolve(userData)) : undefined;
    if (command === 'add') {
      if (rest.length === 0) throw new UsageError('Expected: relations-desk add FILE… (one or more files)');
      return await runAdd({ files: rest, libraryFile: userLibrary ?? userLibraryPath(defaultUserDataDir()), bundledDb: dbPath, json: values.json === true, out: io.out, err: io.err, progress: io === defaultIO && process.stderr.isTTY === true });
    }
    if (userLibrary) refreshUserLibrary(userLibrary, { bundledDb: dbPath });
    // Only `notes` opens the reader's own database (bookmarks and notes): no other command creates it.
    const userDb = command === 'notes' ? notesDatabase(userData) : undefined;
    const desk = createDesk({
      dbPath,
      ...(userDb ? { userDbPath: userDb } : {}),
      ...(userLibrary ? { userLibraryPath: userLibrary, removeUserDocument: (slug: string) => removeDocument(userLibrary, slug, { bundledDb: dbPath }) } : {}),
    });
    try {
      const call = async <T>(method: DeskMethod, params: unknown): Promise<T> => {
        const env = await desk.dispatch(method, params);
        if (!env.ok) throw new DeskError(env.error.code, env.error.message, env.error.hint);
        return env.value as T;
      };
      const print = (value: unknown, text: () => string) => io.out(values.json ? JSON.stringify(value, null, 2) : text());

      switch (command) {
        case 'docs': {
          expectArgs(rest, 0, 'docs');
          const docs = await call<DocumentSummary[]>('listDocuments', {});
          if (values.mine) {
            const mine = docs.filter((d) => d.added);
            print(mine, () => formatMine(mine));
            return 0;
          }
          print(docs, () => formatTable(['slug', 'title', 'kind', 'partners', 'sections', 'passages'], docs.map((d) => [d.slug, d.title, d.kind, d.partners.join(', '), d.sections, d.passages])));
          return 0;
        }
        case 'remove': {
          expectArgs(rest, 1, 'remove <slug>');
          if (!userLibrary) throw new UsageError('remove works on your added documents: give --user-data DIR along with --db.');
          const removed = await call<{ removed: boolean; title?: string }>('removeDocument', { slug: rest[0] });
          print(removed, () => `Removed "${removed.title}" [${rest[0]}] from your documents.`);
          return 0;
        }
        case 'notes': {
          expectArgs(rest, 0, 'notes');
          const filter = { ...(values.doc !== undefined ? { docSlug: values.doc } : {}), ...(values.query !== undefined ? { query: values.query } : {}) };
          const notes = userDb === null ? [] : await call<Note[]>('listNotes', filter);
          if (values.markdown || values.out !== undefined) {
            const markdown = notesMarkdown(notes);
            if (values.out === undefined) io.out(markdown.trimEnd());
            else {
              fs.writeFileSync(values.out, markdown);
              io.out(`${values.out}\n  ${notes.length} ${notes.length === 1 ? 'note' : 'notes'} exported as Markdown`);
            }
            return 0;
          }
          print(notes, () => formatNotes(notes, userDb === null));
          return 0;
        }
        case 'doc': {
          expectArgs(rest, 1, 'doc <slug>');
          const doc = await call<DeskDocument>('getDocument', { slug: rest[0] });
          print(doc, () => formatDocument(doc));
          return 0;
        }
        case 'search': {
          expectArgs(rest, 1, 'search "<query>"');
          const params = {
            query: rest[0],
            ...(values.limit !== undefined ? { limit: toInt(values.limit, '--limit') } : {}),
            ...(values.doc !== undefined ? { docSlug: values.doc } : {}),
            ...(values.partner !== undefined ? { partner: values.partner } : {}),
          };
          const res = await call<SearchResponse>('search', params);
          print(res, () => formatSearch(res));
          return 0;
        }
        case 'partners': {
          expectArgs(rest, 0, 'partners');
          const partners = await call<PartnerSummary[]>('listPartners', {});
          print(partners, () => formatTable(['id', 'name', 'kind', 'established', 'documents'], partners.map((p) => [p.id, p.name, p.kind, p.relationSteps ? p.relationSteps.map((r) => `${formatDate(r.value)} (${r.kind})`).join('; ') : p.established ? formatDate(p.established) : '—', p.documents.length])));
          return 0;
        }
        case 'timeline': {
          expectArgs(rest, 0, 'timeline');
          const params = {
            ...(values.partner !== undefined ? { partner: values.partner } : {}),
            ...(values.from !== undefined ? { from: toInt(values.from, '--from') } : {}),
            ...(values.to !== undefined ? { to: toInt(values.to, '--to') } : {}),
            ...(values.doc !== undefined ? { docSlug: values.doc } : {}),
            ...(values.category !== undefined ? { category: values.category.split(',').map((c) => c.trim()).filter(Boolean) } : {}),
          };
          await printTimeline({
            fetch: (p) => call<TimelinePage>('timeline', p),
            filters: params,
            ...(values.limit !== undefined ? { max: atLeastOne(values.limit, '--limit') } : {}),
            json: values.json === true,
            out: io.out,
          });
          return 0;
        }
        case 'briefing': {
          if (rest.length !== 1) throw new UsageError('Expected: relations-desk briefing <partner> [--compare <partner>…] --out FILE.pdf [--paper a4|letter]');
          const partners = [rest[0]!, ...(values.compare ?? []).flatMap((c) => c.split(',')).map((c) => c.trim()).filter(Boolean)];
          if (partners.length > 4) throw new UsageError(`A briefing is for 1 to 4 partners; got ${partners.length}.`);
          if (!values.out) throw new UsageError('briefing needs --out FILE.pdf');
          const paper = parsePaper(values.paper);
          if (!paper) throw new UsageError(`--paper must be a4 or letter, got "${values.paper}".`);
          const result = await renderBriefingPdf({ desk, partners, out: values.out, paper, log: (line) => io.err(line) });
          print(result, () => `${result.out}\n  ${result.title} · ${result.pages} page${result.pages === 1 ? '' : 's'} · ${paper === 'a4' ? 'A4' : 'US Letter'} · ${(result.millis / 1000).toFixed(1)} s`);
          return 0;
        }
        case 'compare': {
          if (rest.length < 2 || rest.length > 4) throw new UsageError(`Expected: relations-desk compare <partner> <partner> [<partner> [<partner>]] (2 to 4 partners, got ${rest.length})`);
          if (values.out) {
            const paper = parsePaper(values.paper);
            if (!paper) throw new UsageError(`--paper must be a4 or letter, got "${values.paper}".`);
            const result = await renderComparePdf({ desk, partners: rest, out: values.out, paper, log: (line) => io.err(line) });
            print(result, () => `${result.out}\n  ${result.title} · ${result.pages} page${result.pages === 1 ? '' : 's'} · ${paper === 'a4' ? 'A4' : 'US Letter'} · ${(result.millis / 1000).toFixed(1)} s`);
            return 0;
          }
          const comparison = await call<Comparison>('compare', { partners: rest });
          print(comparison, () => formatComparison(comparison));
          return 0;
        }
        default:
          throw new UsageError(`Unknown command "${command}".`);
      }
    } finally {
      desk.close();
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`relations-desk: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof BuildError) {
      io.err(`relations-desk: ${err.message}`);
      for (const w of err.warnings) io.err(`  warning: ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`);
      return 1;
    }
    const e = DeskError.from(err);
    if (e.code === 'BAD_REQUEST') {
      io.err(`relations-desk: ${e.message}`);
      return 2;
    }
    io.err(`relations-desk: ${e.message}${e.hint ? `\n${e.hint}` : ''}`);
    return 1;
  }
}

const defaultIO: CliIO = {
  out: (t) => (process.stdout.write(t.endsWith('\n') ? t : `${t}\n`) ? undefined : once(process.stdout, 'drain')),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

/** The user database holding the notes: null when none has been made yet (nothing is created to list nothing). */
function notesDatabase(userData: string | undefined): string | null {
  if (userData === undefined) throw new UsageError('Your notes are in your user data: give --user-data DIR along with --db.');
  const file = path.join(path.resolve(userData), 'user.db');
  return fs.existsSync(file) ? file : null;
}

function expectArgs(rest: string[], n: number, form: string): void {
  if (rest.length !== n) throw new UsageError(`Expected: relations-desk ${form}`);
}

function toInt(value: string, flag: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`${flag} needs a whole number, got "${value}".`);
  return Number(value);
}

function atLeastOne(value: string, flag: string): number {
  const n = toInt(value, flag);
  if (n < 1) throw new UsageError(`${flag} needs a number of 1 or more, got ${n}.`);
  return n;
}

function runBuild(corpusDir: string, outFile: string): Promise<BuildReport> {
  return buildDatabaseInParallel({ corpusDir, outFile });
}

/** The library database, built first when it is missing or was built from another corpus or version. */
async function bundledDb(io: CliIO): Promise<string> {
  const dbPath = libraryDbPath();
  await ensureDatabase(dbPath, io.err);
  return dbPath;
}
