// What compare, briefings and the handlers read a library through: the bundled Library alone, or
// the bundled library with the user's documents (combinedLibrary.ts). Derived from Library's
// public methods, so a method added there is part of the view (and the combined library must
// answer it too).
import type { Library } from './library';

export type LibraryView = Omit<Library, 'close' | 'getSearcher' | 'path'>;
