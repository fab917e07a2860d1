// Source-fidelity audit (issue 13): prints a seeded random sample of timeline events, each with
// its date (and why a year was inferred), partners, category and the source sentence, and every
// comparison entry for four partners, so that a person can check each against corpus/*.txt.
//
//   npx tsx scripts/audit-fidelity.ts [--seed N] [--events 80] [--partners Kosovo,Ukraine,NATO,Greece] [--db path]
//
// Without --db the corpus is built into a temporary file first. The seed is printed, so a sample
// can be drawn again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { buildDatabase } from '../src/ingest/build';
import { CORPUS_DIR } from '../src/host/paths';
import { Library } from '../src/services/library';
import { comparePartners } from '../src/services/compare';
import { formatDate } from '../src/shared/dates';
import type { DateValue, TimelineEvent } from '../src/shared/types';
import { rng } from './synth-corpus';


/** `n` items drawn without replacement, in their original order. */
export function sample<T>(items: readonly T[], n: number, random: () => number): T[] {
  const idx = items.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx
    .slice(0, Math.min(n, items.length))
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}

const when = (e: Pick<TimelineEvent, 'date' | 'precision' | 'end'>) => formatDate(e);
const dateLine = (d: DateValue) => `${formatDate(d)}${d.inferred ? ` [${d.inferred}]` : ''}`;

function main(): void {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      events: { type: 'string', default: '80' },
      partners: { type: 'string', default: 'Kosovo,Ukraine,NATO,Greece' },
      db: { type: 'string' },
    },
  });
  const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer; got "${values.seed}".`);
  const count = Number(values.events);
  let tmp: string | null = null;
  let dbPath = values.db;
  if (!dbPath) {
    tmp = mkdtempSync(join(tmpdir(), 'relations-desk-audit-'));
    dbPath = join(tmp, 'desk.db');
    buildDatabase({ corpusDir: CORPUS_DIR, outFile: dbPath, builtAt: new Date().toISOString() });
  }
  const lib = Library.open(dbPath);
  try {
    const events = lib.timeline({});
    const chosen = sample(events, count, rng(seed));
    console.log(`# Source-fidelity audit\nseed ${seed} · ${chosen.length} of ${events.length} events · partners ${values.partners}\n`);
    console.log('## Events (date · partners · category · source sentence)\n');
    chosen.forEach((e, i) => {
      console.log(`E${String(i + 1).padStart(3, '0')} ${when(e)}${e.inferred ? ` [${e.inferred}]` : ''} · {${e.partners.join(', ')}} · ${e.category} · ${e.docSlug}#${e.anchor}`);
      console.log(`     summary: ${e.summary}`);
      console.log(`     source:  ${e.quote}\n`);
    });

    const names = values.partners.split(',').map((s) => s.trim()).filter(Boolean);
    for (const group of [names.slice(0, 4)]) {
      const c = comparePartners(lib, group);
      console.log(`## Compare entries: ${c.partners.map((p) => p.name).join(', ')}\n`);
      let n = 0;
      for (const p of c.partners) {
        for (const f of c.facets) {
          for (const e of f.cells[p.id] ?? []) {
            n++;
            const also = (e.alsoIn ?? []).map((a) => `${a.docSlug}#${a.anchor}`).join('; ');
            console.log(`C${String(n).padStart(3, '0')} ${p.name} › ${f.label}${e.label ? ` › ${e.label}` : ''}${e.date ? ` · ${dateLine(e.date)}` : ''}`);
            console.log(`     text:   ${e.text}`);
            console.log(`     source: ${e.docSlug}#${e.anchor}${also ? ` (also: ${also})` : ''}${e.sourcesDiffer ? `\n     DIFFER: ${e.sourcesDiffer}` : ''}\n`);
          }
        }
      }
    }
  } finally {
    lib.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
