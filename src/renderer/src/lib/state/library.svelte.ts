// What the whole app shares about the library: its info, documents and partners, loaded once.
import { desk } from '../desk';
import { Loader } from './loader.svelte';
import type { DocumentSummary, LibraryInfo, PartnerSummary } from '../../../../shared/types';

class Library {
  info = new Loader<void, LibraryInfo>(() => desk.info());
  documents = new Loader<void, DocumentSummary[]>(() => desk.listDocuments());
  partners = new Loader<void, PartnerSummary[]>(() => desk.listPartners());

  // Looked up once per name shown (every document card names its partners): by key, not by scan.
  #titles = $derived(new Map((this.documents.value ?? []).map((d) => [d.slug, d.title])));
  #names = $derived(new Map((this.partners.value ?? []).map((p) => [p.id, p.name])));

  /** Title of a document by slug, falling back to the slug itself. */
  docTitle(slug: string): string {
    return this.#titles.get(slug) ?? slug;
  }

  partnerName(id: string): string {
    return this.#names.get(id) ?? id;
  }
}

export const library = new Library();
