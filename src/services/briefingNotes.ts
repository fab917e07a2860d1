// Notes pinned onto a briefing sheet (issue 16): `note:<id>` in the briefing's `pinned` list. Kept
// out of briefing.ts: the sheet is built without them, then they are added to its model here.
import type { BriefingParams } from '../shared/api';
import type { BriefingSheet } from '../shared/types';
import type { NoteStore } from './notes';

export const NOTE_PIN = 'note:';

/** The briefing's params without note pins, and the note ids pinned. */
export function splitNotePins(p: BriefingParams): { params: BriefingParams; noteIds: string[] } {
  const pinned = p.pinned ?? [];
  const noteIds = pinned.filter((id) => id.startsWith(NOTE_PIN)).map((id) => id.slice(NOTE_PIN.length));
  if (noteIds.length === 0) return { params: p, noteIds };
  return { params: { ...p, pinned: pinned.filter((id) => !id.startsWith(NOTE_PIN)) }, noteIds };
}

/** The sheet with the pinned notes on it; ids of notes that no longer exist are reported as unknown. */
export function withPinnedNotes(sheet: BriefingSheet, noteIds: readonly string[], notes: NoteStore | null): BriefingSheet {
  if (noteIds.length === 0) return sheet;
  const found = notes ? notes.byIds(noteIds) : [];
  const known = new Set(found.map((n) => n.id));
  return {
    ...sheet,
    notes: found.map((n) => ({
      id: n.id,
      quote: n.quote,
      body: n.body,
      citation: [n.docTitle, ...n.sectionPath].join(' › '),
      ...(n.status !== 'current' ? { changed: true as const } : {}),
    })),
    unknownIds: [...sheet.unknownIds, ...noteIds.filter((id) => !known.has(id)).map((id) => `${NOTE_PIN}${id}`)],
  };
}
