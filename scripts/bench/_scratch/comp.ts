import Database from 'better-sqlite3';
const db = new Database(process.argv[2]!, { readonly: true });
const s = (db.prepare('SELECT lunr FROM search_index').get() as any).lunr as string;
const t=performance.now(); const j = JSON.parse(s); console.log('parse ms', Math.round(performance.now()-t));
for (const k of Object.keys(j)) console.log(k, JSON.stringify(j[k]).length);
let postings=0, byField: Record<string,number>={};
for (const [term, p] of j.invertedIndex) for (const f of Object.keys(p)) { if (f==='_index') continue; const n=Object.keys(p[f]).length; postings+=n; byField[f]=(byField[f]??0)+n; }
console.log('terms', j.invertedIndex.length, 'postings', postings, byField, 'fieldVectors', j.fieldVectors.length);
