// Salvage from a damaged user database: every table SQLite can still walk is copied, row by row,
// into the fresh file. Generic on purpose (any table the damaged file lists, not just bookmarks),
// so tables added later are salvaged too. better-sqlite3's SQLite has no `.recover` (that is the
// sqlite3 shell's, built on an extension not compiled in), so this reads through the b-trees and
// steps over pages it cannot read: after a failure it probes further rowids, doubling the step.
import fs from 'node:fs';
import Database from 'better-sqlite3';

export interface SalvageResult {
  /** Rows copied into the new file, per table. */
  recovered: Record<string, number>;
  /** False when something could not be read (a table, a range of rows, or the whole file). */
  complete: boolean;
}

interface TableInfo {
  name: string;
  sql: string;
}

/** Copies what can be read from `damaged` (with its -wal, if any) into `target`. Never throws. */
export function salvageInto(damaged: string, target: Database.Database, nativeBinding?: string): SalvageResult {
  const result: SalvageResult = { recovered: {}, complete: true };
  // A scratch copy: reading replays the WAL, which must not change the damaged copy a person may inspect.
  const scratch = `${damaged}.salvage`;
  let source: Database.Database | null = null;
  try {
    fs.copyFileSync(damaged, scratch);
    if (fs.existsSync(`${damaged}-wal`)) fs.copyFileSync(`${damaged}-wal`, `${scratch}-wal`);
    forgetStoredSize(scratch);
    source = new Database(scratch, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const tables = source.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as TableInfo[];
    for (const table of tables) {
      const copied = copyTable(source, target, table);
      result.recovered[table.name] = copied.rows;
      if (!copied.complete) result.complete = false;
    }
  } catch {
    result.complete = false;
  } finally {
    try {
      source?.close();
    } catch {
      // Closing a damaged file may fail; the scratch copy is removed either way.
    }
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(scratch + suffix, { force: true });
  }
  return result;
}

/**
 * A truncated file still says in its header how many pages it had, and SQLite then refuses every
 * read. With the stored size zeroed SQLite counts the pages the file really has (the header's size
 * is only trusted when valid), so the b-tree pages that survived can be walked.
 */
function forgetStoredSize(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    if (fs.fstatSync(fd).size >= 100) fs.writeSync(fd, Buffer.alloc(4), 0, 4, 28);
  } finally {
    fs.closeSync(fd);
  }
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((c) => c.name);
}

function copyTable(source: Database.Database, target: Database.Database, table: TableInfo): { rows: number; complete: boolean } {
  let wanted: string[];
  try {
    // A table the new file does not have is kept as the damaged file declared it.
    if (columnsOf(target, table.name).length === 0) target.exec(table.sql);
    const targetColumns = new Set(columnsOf(target, table.name));
    wanted = columnsOf(source, table.name).filter((c) => targetColumns.has(c));
  } catch {
    return { rows: 0, complete: false };
  }
  if (wanted.length === 0) return { rows: 0, complete: true };
  const list = wanted.map(quote).join(', ');
  const insert = target.prepare(`INSERT OR IGNORE INTO ${quote(table.name)} (${list}) VALUES (${wanted.map(() => '?').join(', ')})`);
  let rows = 0;
  const put = target.transaction((batch: unknown[][]) => {
    for (const values of batch) rows += insert.run(...values).changes;
  });

  let byRowid: Database.Statement;
  try {
    byRowid = source.prepare(`SELECT rowid, ${list} FROM ${quote(table.name)} WHERE rowid > ? ORDER BY rowid`);
  } catch {
    // WITHOUT ROWID: one pass, as far as it reads.
    const batch: unknown[][] = [];
    let complete = true;
    try {
      for (const r of source.prepare(`SELECT ${list} FROM ${quote(table.name)}`).raw(true).iterate() as Iterable<unknown[]>) batch.push(r);
    } catch {
      complete = false;
    }
    put(batch);
    return { rows, complete };
  }

  let maxRowid = Number.MAX_SAFE_INTEGER;
  try {
    maxRowid = (source.prepare(`SELECT max(rowid) AS m FROM ${quote(table.name)}`).get() as { m: number | null }).m ?? maxRowid;
  } catch {
    // The rightmost pages are damaged: probe up to the largest rowid there can be.
  }
  let after = Number.MIN_SAFE_INTEGER;
  let complete = true;
  let step = 1;
  for (;;) {
    const batch: unknown[][] = [];
    let failed = false;
    try {
      for (const r of byRowid.raw(true).iterate(after) as Iterable<unknown[]>) {
        after = r[0] as number;
        batch.push(r.slice(1));
        step = 1;
      }
    } catch {
      failed = true;
      complete = false;
    }
    put(batch);
    if (!failed || after >= maxRowid) break;
    // Step over the unreadable page: try further rowids, further each time.
    after = after === Number.MIN_SAFE_INTEGER ? step : after + step;
    step *= 2;
  }
  return { rows, complete };
}
