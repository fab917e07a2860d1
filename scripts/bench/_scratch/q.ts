import { Library } from '/work/main/src/main/services/library';
const lib = Library.open(process.argv[2]!);
let t=performance.now(); lib.getSearcher(); console.log('load', Math.round(performance.now()-t));
for (const q of ['albania','kosovo','treaty','"joint declaration"','kuç','Kuçovë','diplomatic relations','embassy tirana','x', 'albania ', 'treaty ', 'zzqx ']) {
  const t=performance.now(); const r = lib.search({query:q}); console.log(JSON.stringify(q), r.total, Math.round(performance.now()-t), 'ms');
}
