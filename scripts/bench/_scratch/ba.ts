// before/after: build, index size, load, query set once — for one engine tree (argv[2] = root)
import { execFileSync } from 'node:child_process';
const root = process.argv[2]!, corpus = process.argv[3]!, db = process.argv[4]!;
const { buildDatabase } = await import(`${root}/src/ingest/build.ts`);
const c0 = process.cpuUsage(); const t0 = performance.now();
buildDatabase({ corpusDir: corpus, outFile: db });
const cpu = process.cpuUsage(c0);
console.log(JSON.stringify({ buildMs: performance.now() - t0, buildCpuMs: (cpu.user + cpu.system) / 1000 }));
