// The reader's bookmarks, kept in step with the user database. Loaded a page at a time (a reader
// may have tens of thousands): `list` holds the pages shown so far, newest first, and `total` how
// many there are. Whether a section is bookmarked is answered from the open document's own
// bookmarks (loadDocument), so the reader never needs them all.
import { DeskError, MAX_BOOKMARK_PAGE } from '../../../../shared/api';
import type { Bookmark, DeskApi, UserDataRecovery } from '../../../../shared/api';
import { desk } from '../desk';

const key = (docSlug: string, anchor: string): string => `${docSlug}\u0000${anchor}`;

/** The desk is passed in, so the state can be tested without a server. */
export class Bookmarks {
  constructor(private readonly desk: Pick<DeskApi, 'bookmarkPage' | 'addBookmark' | 'removeBookmark' | 'userDataRecovery'>) {}

  list = $state.raw<Bookmark[]>([]);
  total = $state(0);
  loaded = $state(false);
  loadingMore = $state(false);
  error = $state.raw<DeskError | null>(null);
  /** Set when the user database was found damaged and salvaged this session (the app says so). */
  recovery = $state.raw<UserDataRecovery | null>(null);
  /** Bookmarked places of the documents opened in the reader, and of the pages loaded. */
  #marked = $state.raw<Set<string>>(new Set());

  async load(): Promise<void> {
    try {
      const page = await this.desk.bookmarkPage();
      this.list = page.bookmarks;
      this.total = page.total;
      this.#mark(page.bookmarks, []);
      this.error = null;
    } catch (err) {
      this.error = DeskError.from(err);
    } finally {
      this.loaded = true;
    }
  }

  /** The next page after those shown. */
  async loadMore(): Promise<void> {
    if (this.loadingMore || this.list.length >= this.total) return;
    this.loadingMore = true;
    try {
      const page = await this.desk.bookmarkPage({ offset: this.list.length });
      const seen = new Set(this.list.map((b) => key(b.docSlug, b.anchor)));
      this.list = [...this.list, ...page.bookmarks.filter((b) => !seen.has(key(b.docSlug, b.anchor)))];
      this.total = page.total;
      this.#mark(page.bookmarks, []);
    } catch (err) {
      this.error = DeskError.from(err);
    } finally {
      this.loadingMore = false;
    }
  }

  /** Every bookmark of one document, so its sections show whether they are bookmarked. */
  async loadDocument(docSlug: string): Promise<void> {
    try {
      const found: Bookmark[] = [];
      for (let offset = 0; ; offset += MAX_BOOKMARK_PAGE) {
        const page = await this.desk.bookmarkPage({ docSlug, offset, limit: MAX_BOOKMARK_PAGE });
        found.push(...page.bookmarks);
        if (page.bookmarks.length < MAX_BOOKMARK_PAGE) break;
      }
      this.#mark(found, []);
    } catch {
      // The buttons then show "not bookmarked"; the bookmarks view reports the failure.
    }
  }

  async loadRecovery(): Promise<void> {
    try {
      this.recovery = await this.desk.userDataRecovery();
    } catch {
      // Only a notice: when the user database cannot be reached, load() shows that error.
    }
  }

  has(docSlug: string, anchor: string): boolean {
    return this.#marked.has(key(docSlug, anchor));
  }

  /** Add or remove; throws DeskError so the caller can say what went wrong. */
  async toggle(docSlug: string, anchor: string, label: string): Promise<boolean> {
    try {
      if (this.has(docSlug, anchor)) {
        await this.desk.removeBookmark({ docSlug, anchor });
        this.list = this.list.filter((b) => key(b.docSlug, b.anchor) !== key(docSlug, anchor));
        this.total = Math.max(0, this.total - 1);
        this.#mark([], [key(docSlug, anchor)]);
        return false;
      }
      const added = await this.desk.addBookmark({ docSlug, anchor, label });
      this.list = [added, ...this.list.filter((b) => key(b.docSlug, b.anchor) !== key(docSlug, anchor))];
      this.total += 1;
      this.#mark([added], []);
      return true;
    } catch (err) {
      throw DeskError.from(err);
    }
  }

  #mark(add: Bookmark[], remove: string[]): void {
    const next = new Set(this.#marked);
    for (const b of add) next.add(key(b.docSlug, b.anchor));
    for (const k of remove) next.delete(k);
    this.#marked = next;
  }
}

export const bookmarks = new Bookmarks(desk);
