// What the whole app shares about the library: its info, documents and partners, loaded once.
import { desk } from '../desk';
import { Loader } from './loader.svelte';
import type { DeskApi } from '../../../../shared/api';
import type { DocumentSummary, LibraryInfo, PartnerSummary } from '../../../../shared/types';

/** The desk is passed in, so the state can be tested without a server. */
export class LibraryState {
  constructor(private readonly desk: Pick<DeskApi, 'info' | 'listDocuments' | 'listPartners'>) {}

  readonly info = new Loader<void, LibraryInfo>(() => this.desk.info());
  readonly documents = new Loader<void, DocumentSummary[]>(() => this.desk.listDocuments());
  readonly partners = new Loader<void, PartnerSummary[]>(() => this.desk.listPartners());

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

export const library = new LibraryState(desk);
