import { Library } from '/work/main/src/main/services/library';
const lib = Library.open(process.argv[2]!);
const s = lib.getSearcher() as any;
const orig = s.run.bind(s); let lunrMs = 0;
s.run = (...a: any[]) => { const t = performance.now(); const r = orig(...a); lunrMs += performance.now() - t; return r; };
const src = s.passages; const og = src.getPassages; let gpMs = 0, gpN = 0;
src.getPassages = (ids: string[]) => { const t = performance.now(); const r = og(ids); gpMs += performance.now() - t; gpN += ids.length; return r; };
for (const q of process.argv.slice(3)) { lunrMs = 0; gpMs = 0; gpN = 0; const t = performance.now(); const r = lib.search({ query: q }); console.log(JSON.stringify(q), r.total, 'total', Math.round(performance.now() - t), 'lunr', Math.round(lunrMs), 'getPassages', Math.round(gpMs), gpN); }
