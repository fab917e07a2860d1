import { describe, expect, it } from 'vitest';
import { chooseDensity, chooseFit, paginate, pageHeightPx } from './fit';

describe('balancing a sheet over its pages', () => {
  it('knows the printable height of A4 and Letter, portrait and landscape', () => {
    expect(Math.round(pageHeightPx('a4'))).toBe(986);
    expect(Math.round(pageHeightPx('letter'))).toBe(920);
    expect(Math.round(pageHeightPx('a4', true))).toBe(658);
  });

  it('paginates blocks as print does, keeping each whole', () => {
    const rows = (heights: number[]) => {
      let y = 50;
      return heights.map((h) => ({ top: y, bottom: (y += h) }));
    };
    expect(paginate(rows([40, 40]), 100)).toEqual({ pages: 1, lastFill: 0.8 });
    // The third row would cross the end of page 1: it starts page 2, whole.
    expect(paginate(rows([40, 40, 40]), 100)).toEqual({ pages: 2, lastFill: 0.4 });
    // A row taller than a page is split over pages.
    expect(paginate(rows([250]), 100)).toEqual({ pages: 3, lastFill: 0.5 });
    // A heading moves to the next page with the block under it.
    const withHeading = [{ top: 0, bottom: 60 }, { top: 60, bottom: 75, keep: true }, { top: 75, bottom: 120 }];
    expect(paginate(withHeading, 100)).toEqual({ pages: 2, lastFill: 0.6 });
    // Side by side (two columns of a list): the lower bottom counts.
    expect(paginate([{ top: 0, bottom: 30 }, { top: 0, bottom: 50 }], 100)).toEqual({ pages: 1, lastFill: 0.5 });
  });

  it('keeps the usual density when the last page is full enough', () => {
    expect(chooseDensity(() => 0.6)).toBe('normal');
    // One page, just: it may spill, so not "balanced" — a tighter density that clearly fits is taken.
    expect(chooseDensity((d) => (d === 'tight' ? 0.85 : 0.97))).toBe('tight');
  });

  it('tightens a sheet whose last page would hold a few lines, or loosens it when tightening cannot save the page', () => {
    const fills = { normal: 0.05, tight: 0.5, loose: 0.3, looser: 0.6 };
    expect(chooseDensity((d) => fills[d])).toBe('tight');
    const stubborn = { normal: 0.1, tight: 0.02, loose: 0.55, looser: 0.7 };
    expect(chooseDensity((d) => stubborn[d])).toBe('loose');
    // Nothing balanced: the nearest.
    expect(chooseDensity((d) => ({ normal: 0.1, tight: 0.2, loose: 0.3, looser: 0.05 })[d])).toBe('loose');
  });
});

describe('fitting a sheet within its pages', () => {
  const m = (pages: number, lastFill: number) => ({ pages, lastFill });

  it('balances among the densities that fit, and says when none does', () => {
    // Normal runs to a 4th page; tight fits 3 with a balanced last page.
    expect(chooseFit((d) => ({ normal: m(4, 0.2), tight: m(3, 0.7), loose: m(4, 0.5), looser: m(4, 0.9) })[d], 3)).toEqual({ density: 'tight', fits: true });
    // A last page of 3 that is nearly full may spill: not within 3 pages.
    expect(chooseFit((d) => ({ normal: m(3, 0.95), tight: m(3, 0.93), loose: m(4, 0.3), looser: m(4, 0.6) })[d], 3)).toEqual({ density: 'tight', fits: false });
    expect(chooseFit(() => m(5, 0.5), 3).fits).toBe(false);
    // When the tightest runs over, nothing else is laid out.
    const asked: string[] = [];
    chooseFit((d) => (asked.push(d), m(4, 0.5)), 3);
    expect(asked).toEqual(['tight']);
    // No limit (the comparison sheet): balancing alone decides.
    expect(chooseFit((d) => ({ normal: m(6, 0.05), tight: m(5, 0.6), loose: m(6, 0.3), looser: m(6, 0.6) })[d], Infinity)).toEqual({ density: 'tight', fits: true });
  });
});
