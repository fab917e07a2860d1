// Inputs far larger than the corpus (issue 14): a spread of 150,000 values into one call overflows
// V8's stack, which made `build` exit with "Maximum call stack size exceeded" and no file named.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDatabase } from './build';

describe('buildDatabase on very large inputs', () => {
  it('builds a table of 150,000 rows and keeps a document with 130,000 warnings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relations-desk-large-'));
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    const rows = Array.from({ length: 150_000 }, (_, i) => `| Item ${i} |`).join('\n');
    writeFileSync(join(corpus, 'table.txt'), `= Albania–Kosovo relations =\n\nAlbania and Kosovo.\n\n==Items==\n| Item |\n${rows}\n`);
    const noise = Array.from({ length: 130_000 }, () => '@@@').join('\n');
    writeFileSync(join(corpus, 'noisy.txt'), `= Albania–Greece relations =\n\nAlbania and Greece established relations in 1971.\n\n${noise}\n`);

    const report = buildDatabase({ corpusDir: corpus, outFile: join(dir, 'x.db') });

    expect(report.counts.documents).toBe(2);
    expect(report.counts.skippedFiles).toBe(0);
    expect(report.warnings.filter((w) => w.file === 'noisy.txt' && w.code === 'garbage-line')).toHaveLength(130_000);
    expect(report.warnings.some((w) => w.code === 'parse-failed')).toBe(false);
  }, 120_000);
});
