// The sentence a reader sees when their user database was found damaged (UserDataRecovery): what
// was recovered, whether anything was lost, and where the damaged copy is. One wording for every
// screen that shows it.
import type { UserDataRecovery } from './api';

const NOUNS: Record<string, [string, string]> = {
  bookmarks: ['bookmark', 'bookmarks'],
  reading_positions: ['reading position', 'reading positions'],
  notes: ['note', 'notes'],
};

function count(n: number, table: string): string {
  const [one, many] = NOUNS[table] ?? [`row of "${table}"`, `rows of "${table}"`];
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function userDataNotice(r: UserDataRecovery): { title: string; message: string; where: string } {
  const found = Object.entries(r.recovered)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (a === 'bookmarks' ? -1 : b === 'bookmarks' ? 1 : a.localeCompare(b)));
  const kept = found.map(([table, n]) => count(n, table));
  const single = found.length === 1 && found[0]![1] === 1;
  let message: string;
  if (kept.length === 0) {
    message = r.complete ? 'It held no bookmarks, so nothing was lost.' : 'Its bookmarks and reading positions could not be recovered.';
  } else {
    message = `${list(kept)} ${single ? 'was' : 'were'} recovered into a new file`;
    message += r.complete ? '.' : '; the rest could not be read.';
  }
  return {
    title: 'Your bookmarks file was damaged',
    message,
    where: `The damaged copy is kept at ${r.damagedCopy}.`,
  };
}
