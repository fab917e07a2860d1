import Database from 'better-sqlite3';
import { Library } from '/work/main/src/main/services/library';
const path = process.argv[2]!;
const db = new Database(path, { readonly: true });
for (const t of ['documents','sections','passages','passage_partners','partners','events','event_partners','warnings','search_index']) {
  const r = db.prepare(`SELECT count(*) n FROM ${t}`).get() as any; console.log(t, r.n);
}
const row = db.prepare('SELECT length(lunr) l, length(vocabulary) v FROM search_index').get() as any; console.log('lunr chars', row.l, 'vocab', row.v);
console.log('doc body', (db.prepare('SELECT sum(length(body)) s FROM documents').get() as any).s, 'passages text', (db.prepare('SELECT sum(length(text)) s FROM passages').get() as any).s, 'events', (db.prepare('SELECT sum(length(body)) s FROM events').get() as any).s);
db.close();
for (let i=0;i<3;i++){ const t=performance.now(); const lib = Library.open(path); lib.getSearcher(); console.log('load ms', Math.round(performance.now()-t)); 
 const t2=performance.now(); for (const q of ['albania','kosovo','treaty','"joint declaration"','kuç','Kuçovë','diplomatic relations','embassy tirana','x']) lib.search({query:q}); console.log('9 queries ms', Math.round(performance.now()-t2)); lib.close(); }
console.log('rss', process.memoryUsage().rss/1e6);
