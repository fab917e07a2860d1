import { buildDatabase } from '/work/main/src/ingest/build';
const t=performance.now();
const r = buildDatabase({ corpusDir: process.argv[2]!, outFile: process.argv[3]! });
console.log(r.counts, Math.round(performance.now()-t), 'ms', r.warnings.length, 'warnings');
const codes = new Map<string,number>(); for (const w of r.warnings) codes.set(w.code,(codes.get(w.code)??0)+1); console.log(codes);
console.log(process.memoryUsage().rss/1e6);
