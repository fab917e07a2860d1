// The views other than the library and search: each is its own chunk (script and styles), fetched
// on the first visit, so the first screen's bundle holds only what the first screen shows.
// A failed load is not remembered: the next visit asks again.

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((err: unknown) => {
      loading = null;
      throw err;
    }));
}

export const views = {
  reader: once(() => import('./components/ReaderView.svelte')),
  partner: once(() => import('./components/PartnerView.svelte')),
  bookmarks: once(() => import('./components/BookmarksView.svelte')),
  notes: once(() => import('./notes/NotesView.svelte')),
  timeline: once(() => import('./timeline/TimelineView.svelte')),
  briefing: once(() => import('./briefing/BriefingView.svelte')),
  compare: once(() => import('./compare/CompareView.svelte')),
};
