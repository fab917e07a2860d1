// The briefing sheet's sources list and its pinned passages: documents read once per sheet,
// sources numbered in order of first use, a pinned passage found again by its id and filed by facet.
import type { BriefingSource, ComparisonPartner, DeskDocument, FacetId } from '../shared/types';
import { mentionsIn } from '../core/partners';
import { passagesOf } from '../core/passages';
import { classifySentence, facetForHeadings } from '../core/facets';
import type { LibraryView as Library } from './libraryView';

export class DocCache {
  private readonly docs = new Map<string, DeskDocument | null>();
  constructor(readonly library: Library) {}
  get(slug: string): DeskDocument | null {
    if (!this.docs.has(slug)) {
      try {
        this.docs.set(slug, this.library.getDocument(slug));
      } catch {
        this.docs.set(slug, null);
      }
    }
    return this.docs.get(slug)!;
  }
}

/** A passage by its id ("<docSlug>/p<n>"), recomputed from its document the way the builder numbers them. */
export function findPassage(docs: DocCache, id: string): { docSlug: string; anchor: string; sectionPath: string[]; text: string } | null {
  const at = id.lastIndexOf('/p');
  const doc = docs.get(id.slice(0, at));
  if (!doc) return null;
  const raw = passagesOf(doc)[Number(id.slice(at + 2))];
  return raw ? { docSlug: raw.docSlug, anchor: raw.anchor, sectionPath: raw.sectionPath, text: raw.text } : null;
}

/** The sheet partner a passage names first; the first partner when it names none of them. */
export function partnerOf(text: string, partners: readonly ComparisonPartner[]): string {
  const ids = new Set(partners.map((p) => p.id));
  return mentionsIn(text).find((m) => ids.has(m.id))?.id ?? partners[0]!.id;
}

/** Filed as the comparison files sentences: by its heading, else by the keyword classifier. */
export function passageFacet(sectionPath: readonly string[], text: string, partnerName: string): FacetId | null {
  const byHeading = facetForHeadings(sectionPath);
  if (byHeading) return byHeading;
  return classifySentence(text, [partnerName]).facet;
}

// --- sources ----------------------------------------------------------------------------------

export class SourceList {
  private readonly byKey = new Map<string, BriefingSource>();
  constructor(private readonly docs: DocCache) {}
  number(docSlug: string, anchor: string): number {
    const key = `${docSlug}#${anchor}`;
    let s = this.byKey.get(key);
    if (!s) {
      // The section's row alone, not the whole document (issue 19: a sheet cites dozens of documents).
      const section = this.docs.library.findSection(docSlug, anchor);
      const docTitle = section?.docTitle ?? this.docs.library.documentTitle(docSlug) ?? docSlug;
      s = { n: this.byKey.size + 1, docSlug, docTitle, anchor, sectionPath: section?.path ?? [] };
      this.byKey.set(key, s);
    }
    return s.n;
  }
  list(): BriefingSource[] {
    return [...this.byKey.values()];
  }
}
