import { describe, expect, it } from 'vitest';
import { userDataNotice } from './userDataNotice';

const at = '2026-01-01T00:00:00.000Z';
const damagedCopy = '/home/r/.config/relations-desk/user.db.corrupt-2026-01-01T00-00-00-000Z';

describe('userDataNotice', () => {
  it('says how many bookmarks came back, that the rest is lost, and where the damaged copy is', () => {
    const n = userDataNotice({ damagedCopy, recovered: { bookmarks: 7195, reading_positions: 12 }, complete: false, at });
    expect(n.title).toBe('Your bookmarks file was damaged');
    expect(n.message).toBe('7,195 bookmarks and 12 reading positions were recovered into a new file; the rest could not be read.');
    expect(n.where).toBe(`The damaged copy is kept at ${damagedCopy}.`);
  });

  it('says when nothing could be recovered', () => {
    expect(userDataNotice({ damagedCopy, recovered: {}, complete: false, at }).message).toBe('Its bookmarks and reading positions could not be recovered.');
  });

  it('names tables it has no word for, and agrees in number', () => {
    expect(userDataNotice({ damagedCopy, recovered: { bookmarks: 1, highlights: 3 }, complete: true, at }).message).toBe('1 bookmark and 3 rows of "highlights" were recovered into a new file.');
    expect(userDataNotice({ damagedCopy, recovered: { bookmarks: 1 }, complete: true, at }).message).toBe('1 bookmark was recovered into a new file.');
  });
});
