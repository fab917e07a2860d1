import { describe, expect, it } from 'vitest';
import { metaLine, sourcePlace, sourcesByNumber } from './sheet';
import { cssString, pageHeadsCss } from './pageHeads';

describe('sheet helpers', () => {
  it('names a source by document and section path', () => {
    expect(sourcePlace({ docTitle: 'Albania–Kosovo relations', sectionPath: ['History', 'Independence'] })).toBe('Albania–Kosovo relations › History › Independence');
    expect(sourcePlace({ docTitle: 'Albania–NATO relations', sectionPath: [] })).toBe('Albania–NATO relations, introduction');
  });

  it('prints the date, the corpus version and the paper', () => {
    expect(metaLine({ date: '2026-01-02', corpus: { hash: 'abc', builtAt: '2026-01-01', label: 'corpus abc · built 2026-01-01' } }, 'letter')).toBe(
      'Prepared 2 January 2026 · corpus abc · built 2026-01-01 · US Letter',
    );
  });

  it('indexes sources by number', () => {
    const s = { n: 2, docSlug: 'd', docTitle: 'D', anchor: 'a', sectionPath: [] };
    expect(sourcesByNumber({ sources: [s] }).get(2)).toBe(s);
  });
});

describe('page heads', () => {
  it('escapes the title into a CSS string and numbers pages from CSS counters', () => {
    expect(cssString('Say "hi" \\ now\nplease')).toBe('"Say \\"hi\\" \\\\ now please"');
    const css = pageHeadsCss({ title: 'Albania–Kosovo: briefing', date: '6 December 2025', note: 'prepared offline · corpus x' });
    expect(css).toContain('@top-left { content: "Albania–Kosovo: briefing · 6 December 2025";');
    expect(css).toContain('content: "page " counter(page) " of " counter(pages);');
    expect(css).toContain('@bottom-right { content: "prepared offline · corpus x";');
  });
});
