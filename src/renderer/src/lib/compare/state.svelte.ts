// The comparison view's data: the comparison itself, the documents its cells cite (for section
// names), and, in text mode, each partner's text. One instance per comparison view.
import type { DeskApi } from '../../../../shared/api';
import { Loader } from '../state/loader.svelte';
import type { Comparison, DeskDocument, DocumentSummary, PartnerSummary } from '../../../../shared/types';
import { blockKey, buildPartnerText, citedKeys, mainDocumentSlug, type PartnerText } from './text';

/** The desk is passed in, so the state can be tested without a server. */
export class CompareState {
  constructor(private readonly desk: Pick<DeskApi, 'compare' | 'getDocument' | 'search'>) {}

  /** Keyed by the partners as asked, joined with commas. */
  comparison = new Loader<string, Comparison>((key) => this.desk.compare({ partners: key.split(',') }));
  /** Each partner's text, for text mode; keyed like `comparison`. */
  texts = new Loader<string, PartnerText[]>((key) => this.#loadTexts(key));
  /** Documents loaded so far, by slug. */
  docs = $state.raw<Record<string, DeskDocument>>({});
  /** The comparison (its partners, joined with commas) whose cited documents have all been asked for and answered. */
  citedLoaded = $state<string | null>(null);
  #pending = new Map<string, Promise<DeskDocument>>();
  #context: { summaries: readonly DocumentSummary[]; partners: readonly PartnerSummary[] } = { summaries: [], partners: [] };

  /** What text mode needs from the app-wide library (document list, partner aliases). */
  setContext(summaries: readonly DocumentSummary[], partners: readonly PartnerSummary[]): void {
    this.#context = { summaries, partners };
  }

  doc(slug: string): Promise<DeskDocument> {
    let p = this.#pending.get(slug);
    if (!p) {
      p = this.desk.getDocument({ slug }).then((d) => {
        this.docs = { ...this.docs, [slug]: d };
        return d;
      });
      p.catch(() => this.#pending.delete(slug));
      this.#pending.set(slug, p);
    }
    return p;
  }

  /** Load (in the background) every document a comparison cites, for readable section names. */
  loadCitedDocs(c: Comparison): void {
    const slugs = new Set<string>();
    for (const f of c.facets)
      for (const cell of Object.values(f.cells))
        for (const e of cell) {
          slugs.add(e.docSlug);
          for (const a of e.alsoIn ?? []) slugs.add(a.docSlug);
        }
    const key = c.partners.map((p) => p.id).join(',');
    void Promise.allSettled([...slugs].map((s) => this.doc(s))).then(() => {
      this.citedLoaded = key;
    });
  }

  async #loadTexts(key: string): Promise<PartnerText[]> {
    const c = this.comparison.key === key ? this.comparison.value : undefined;
    const comparison = c ?? (await this.desk.compare({ partners: key.split(',') }));
    const { summaries, partners } = this.#context;
    return Promise.all(
      comparison.partners.map(async (p) => {
        const mainSlug = mainDocumentSlug(p.id, summaries);
        const include = citedKeys(comparison, p.id);
        const summary = partners.find((x) => x.id === p.id);
        const names = [p.name, ...(summary?.aliases ?? [])];
        if (!mainSlug) {
          // No document about the partner: every passage that names it, grouped by document.
          const hits = await this.desk.search({ query: p.name, partner: p.id, limit: 200 });
          for (const h of hits.results) include.add(blockKey(h.docSlug, h.blockId));
        }
        const slugs = new Set([...(mainSlug ? [mainSlug] : []), ...[...include].map((k) => k.slice(0, k.indexOf('#')))]);
        const ordered = summaries.filter((d) => slugs.has(d.slug)).map((d) => d.slug);
        for (const s of slugs) if (!ordered.includes(s)) ordered.push(s);
        const documents = await Promise.all(ordered.map((s) => this.doc(s)));
        return buildPartnerText({ partnerId: p.id, names, mainSlug, documents, include });
      }),
    );
  }
}
