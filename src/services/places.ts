// Places in the library that the reader's own data points to (bookmarks, reading positions):
// checked against the library when stored, and marked when a library update moved or removed
// them, so nothing is stored that points nowhere and nothing stored is dropped.
import { DeskError, type BookmarkPage, type BookmarkPageParams } from '../shared/api';
import type { LibraryView as Library } from './libraryView';
import type { UserStore } from './userStore';

/** The label of a section ("Title › Heading › Sub"); NOT_FOUND when the document or section does not exist. */
export function placeLabel(library: Library, docSlug: string, anchor: string): string {
  const section = library.findSection(docSlug, anchor);
  if (section) return section.level === 0 ? section.docTitle : `${section.docTitle} › ${section.path.join(' › ')}`;
  const title = library.documentTitle(docSlug);
  if (title === null) throw new DeskError('NOT_FOUND', `No document "${docSlug}" in this library.`);
  throw new DeskError('NOT_FOUND', `No section "${anchor}" in "${title}".`);
}

/** A page of bookmarks, each whose section the library no longer has marked `missing`. */
export function bookmarkPage(store: UserStore, library: () => Library, params: BookmarkPageParams): BookmarkPage {
  const offset = params.offset ?? 0;
  const page = store.bookmarkPage(offset, params.limit ?? 100, params.docSlug);
  let lib: Library | null = null;
  try {
    lib = library();
  } catch {
    // No readable library: the bookmarks are shown as they are; the library's own error is shown elsewhere.
  }
  const bookmarks = lib ? page.bookmarks.map((b) => (lib.findSection(b.docSlug, b.anchor) ? b : { ...b, missing: true as const })) : page.bookmarks;
  return { bookmarks, total: page.total, offset };
}
