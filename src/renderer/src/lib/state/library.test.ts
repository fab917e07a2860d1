// The renderer's state classes take the desk API as a parameter: here a fake one, no server.
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../../shared/api';
import type { DocumentSummary, LibraryInfo, PartnerSummary } from '../../../../shared/types';
import { LibraryState } from './library.svelte';

const doc = (slug: string, title: string) => ({ slug, title }) as DocumentSummary;
const partner = (id: string, name: string) => ({ id, name }) as PartnerSummary;

describe('LibraryState over a fake desk', () => {
  it('loads documents and partners once and names them by key', async () => {
    let calls = 0;
    const state = new LibraryState({
      info: async () => ({}) as LibraryInfo,
      listDocuments: async () => {
        calls++;
        return [doc('albania-kosovo-relations', 'Albania–Kosovo relations')];
      },
      listPartners: async () => [partner('kosovo', 'Kosovo')],
    });
    await Promise.all([state.documents.load(), state.partners.load()]);
    await state.documents.load();
    expect(calls).toBe(1);
    expect(state.docTitle('albania-kosovo-relations')).toBe('Albania–Kosovo relations');
    expect(state.docTitle('unknown-slug')).toBe('unknown-slug');
    expect(state.partnerName('kosovo')).toBe('Kosovo');
  });

  it('keeps a failure as a DeskError the view can show, and retries', async () => {
    let fail = true;
    const state = new LibraryState({
      info: async () => {
        if (fail) throw new DeskError('DB_MISSING', 'The library database is missing.', 'Run `npx relations-desk build`.');
        return { documents: 5 } as unknown as LibraryInfo;
      },
      listDocuments: async () => [],
      listPartners: async () => [],
    });
    await state.info.load();
    expect(state.info.error?.code).toBe('DB_MISSING');
    expect(state.info.error?.hint).toContain('relations-desk build');
    fail = false;
    await state.info.retry();
    expect(state.info.error).toBeNull();
    expect(state.info.value).toEqual({ documents: 5 });
  });
});
