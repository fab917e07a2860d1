// The reader's bookmarks, loaded once and kept in step with the user database.
import { DeskError } from '../../../../shared/api';
import type { Bookmark, UserDataRecovery } from '../../../../shared/api';
import { desk } from '../desk';

const key = (docSlug: string, anchor: string): string => `${docSlug}\u0000${anchor}`;

class Bookmarks {
  list = $state.raw<Bookmark[]>([]);
  loaded = $state(false);
  error = $state.raw<DeskError | null>(null);
  /** Set when the user database was found damaged and salvaged this session (the app says so). */
  recovery = $state.raw<UserDataRecovery | null>(null);
  #keys = $derived(new Set(this.list.map((b) => key(b.docSlug, b.anchor))));

  async load(): Promise<void> {
    try {
      this.list = await desk.listBookmarks();
      this.error = null;
    } catch (err) {
      this.error = DeskError.from(err);
    } finally {
      this.loaded = true;
    }
  }

  async loadRecovery(): Promise<void> {
    try {
      this.recovery = await desk.userDataRecovery();
    } catch {
      // Only a notice: when the user database cannot be reached, load() shows that error.
    }
  }

  has(docSlug: string, anchor: string): boolean {
    return this.#keys.has(key(docSlug, anchor));
  }

  /** Add or remove; throws DeskError so the caller can say what went wrong. */
  async toggle(docSlug: string, anchor: string, label: string): Promise<boolean> {
    try {
      if (this.has(docSlug, anchor)) {
        await desk.removeBookmark({ docSlug, anchor });
        this.list = this.list.filter((b) => key(b.docSlug, b.anchor) !== key(docSlug, anchor));
        return false;
      }
      const added = await desk.addBookmark({ docSlug, anchor, label });
      this.list = [...this.list.filter((b) => key(b.docSlug, b.anchor) !== key(docSlug, anchor)), added];
      return true;
    } catch (err) {
      throw DeskError.from(err);
    }
  }
}

export const bookmarks = new Bookmarks();
