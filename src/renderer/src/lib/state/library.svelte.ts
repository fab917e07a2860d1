// What the whole app shares about the library: its info, documents and partners, loaded once.
import { desk } from '../desk';
import { Loader } from './loader.svelte';
import type { DocumentSummary, LibraryInfo, PartnerSummary } from '../../../../shared/types';

class Library {
  info = new Loader<void, LibraryInfo>(() => desk.info());
  documents = new Loader<void, DocumentSummary[]>(() => desk.listDocuments());
  partners = new Loader<void, PartnerSummary[]>(() => desk.listPartners());

  /** Title of a document by slug, falling back to the slug itself. */
  docTitle(slug: string): string {
    return this.documents.value?.find((d) => d.slug === slug)?.title ?? slug;
  }

  partnerName(id: string): string {
    return this.partners.value?.find((p) => p.id === id)?.name ?? id;
  }
}

export const library = new Library();
