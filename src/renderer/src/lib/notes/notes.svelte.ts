// The reader's notes as the screens see them: one document's (the reader), or all, filtered by words
// (the Notes screen, the "My notes" search filter). Every change goes to the user database first.
import type { DeskApi, NewNote, Note } from '../../../../shared/api';
import { DeskError } from '../../../../shared/api';

/** The desk is passed in, so the list can be tested without a server. */
export class NoteList {
  notes = $state.raw<Note[]>([]);
  loaded = $state(false);
  error = $state.raw<DeskError | null>(null);
  #seq = 0;

  constructor(
    private readonly desk: Pick<DeskApi, 'listNotes' | 'addNote' | 'updateNote' | 'removeNote'>,
    private filter: () => { docSlug?: string; query?: string },
  ) {}

  async load(): Promise<void> {
    const seq = ++this.#seq;
    try {
      const notes = await this.desk.listNotes(this.filter());
      if (seq !== this.#seq) return;
      this.notes = notes;
      this.error = null;
    } catch (err) {
      if (seq === this.#seq) this.error = DeskError.from(err);
    } finally {
      if (seq === this.#seq) this.loaded = true;
    }
  }

  async add(n: NewNote): Promise<Note> {
    const note = await this.desk.addNote(n);
    await this.load();
    return note;
  }

  async update(id: string, body: string): Promise<void> {
    await this.desk.updateNote({ id, body });
    await this.load();
  }

  async remove(id: string): Promise<void> {
    await this.desk.removeNote({ id });
    await this.load();
  }
}

/** Save the notes as a Markdown file (a download in the browser edition and in Electron alike). */
export async function downloadNotes(desk: Pick<DeskApi, 'exportNotes'>, docSlug?: string): Promise<string> {
  const { filename, markdown } = await desk.exportNotes(docSlug ? { docSlug } : {});
  const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return filename;
}

/** "Albania–Kosovo relations › History › Modern" */
export const citation = (n: Note): string => [n.docTitle, ...n.sectionPath].join(' › ');
