// The bench's command line, read by node:util parseArgs like the CLI and the other scripts: an
// unknown option or a bad --only list is an error that says what the bench takes.
import { parseArgs } from 'node:util';

export const BENCH_USAGE = 'Usage: npm run bench -- [--quick] [--no-write] [--keep] [--only real,200]';

export interface BenchArgs {
  /** Smaller corpora (200 and 1,000 synthetic documents) and fewer runs. */
  quick: boolean;
  /** Write the results into docs/BENCHMARKS.md (never with --only: that block holds full runs). */
  write: boolean;
  /** Keep the temporary corpora and databases. */
  keep: boolean;
  /** Just these corpora: "real" and/or numbers of synthetic documents; null: every one. */
  only: string[] | null;
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  let only: string[] | null = null;
  if (values.only !== undefined) {
    only = values.only.split(',').map((x) => x.trim()).filter(Boolean);
    if (only.length === 0 || only.some((k) => k !== 'real' && !/^\d+$/.test(k))) {
      throw new Error('--only takes "real" and/or numbers of synthetic documents, comma-separated (e.g. --only real,200).');
    }
  }
  return { quick: values.quick, write: !values['no-write'] && only === null, keep: values.keep, only };
}
