// The user's documents as the services read them: the library file in the user-data folder
// (written by src/ingest/userLibrary.ts), opened read-only like the bundled one, and opened again
// whenever an import has replaced the file (a new file by rename: the open handle still sees the
// old one). No file: no documents of the user's, and nothing to open.
import { statSync } from 'node:fs';
import { DeskError } from '../shared/api';
import { Library, type OpenOptions } from './library';

export class UserLibrary {
  private library: Library | null = null;
  private stamp = '';

  constructor(
    readonly path: string,
    private readonly options: OpenOptions = {},
  ) {}

  /** The library as the file is now, or null when the user has added nothing. */
  current(): Library | null {
    const stamp = fileStamp(this.path);
    if (stamp !== this.stamp) {
      this.library?.close();
      this.library = null;
      this.stamp = stamp;
      if (stamp !== '') {
        try {
          this.library = Library.open(this.path, this.options);
        } catch (err) {
          const e = DeskError.from(err);
          throw new DeskError(e.code, `Your documents cannot be read: ${e.message}`, 'Add them again, or remove the file named in the message to start afresh.');
        }
      }
    }
    return this.library;
  }

  close(): void {
    this.library?.close();
    this.library = null;
    this.stamp = '';
  }
}

function fileStamp(path: string): string {
  try {
    const s = statSync(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return '';
  }
}
