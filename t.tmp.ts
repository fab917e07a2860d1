import fs from 'node:fs';
import { readPdfPages } from './src/ingest/readers/pdfText';
const r = await readPdfPages(fs.readFileSync('/tmp/i18/001_1c21bd04d7b0840f.txt.pdf'));
const i = r.lines.findIndex((l) => l.text.startsWith('During the post'));
for (const l of r.lines.slice(i - 2, i + 30)) console.log(l.page, l.y.toFixed(1), l.x.toFixed(1), l.size.toFixed(1), l.segments.length, l.text.slice(0, 70));
