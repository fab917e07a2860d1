export {};
const root = process.argv[2]!, db = process.argv[3]!;
const { Library } = await import(`${root}/src/main/services/library.ts`);
const { QUERIES } = await import('/work/main/scripts/bench/queries.ts');
const Database = (await import('better-sqlite3')).default;
const d = new Database(db, { readonly: true }); const size = (d.prepare('SELECT length(CAST(lunr AS BLOB)) n FROM search_index').get() as any).n; d.close();
const c0 = process.cpuUsage(); const t0 = performance.now();
const lib = Library.open(db); lib.getSearcher();
const loadMs = performance.now() - t0; const c1 = process.cpuUsage(c0);
const lat: number[] = []; const cpuL: number[] = [];
for (const q of QUERIES) { const c = process.cpuUsage(); const s = performance.now(); lib.search({ query: q.text, limit: 10 }); lat.push(performance.now() - s); const dc = process.cpuUsage(c); cpuL.push((dc.user + dc.system) / 1000); }
const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.ceil(q * xs.length) - 1];
const hwm = Number(/VmHWM:\s+(\d+)/.exec((await import('node:fs')).readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;
console.log(JSON.stringify({ indexBytes: size, loadMs, loadCpuMs: (c1.user + c1.system) / 1000, p50: p(lat, 0.5), p95: p(lat, 0.95), max: Math.max(...lat), cpuP95: p(cpuL, 0.95), peakRss: hwm }));
