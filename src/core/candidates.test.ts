import { describe, expect, it } from 'vitest';
import type { DeskDocument } from '../shared/types';
import { candidatesOf, textKey, type DocumentPartners } from './candidates';

const doc: DeskDocument = {
  slug: 'foreign-relations',
  title: 'Foreign relations of Albania',
  kind: 'overview',
  sourceFile: 'x.txt',
  partners: ['kosovo'],
  sections: [
    {
      anchor: 'greece',
      heading: 'Greece',
      level: 2,
      path: ['Greece'],
      blocks: [
        {
          type: 'paragraph',
          id: 'b1',
          text: 'Greek troops trained Albanian military officers in 2019. The Arab League met in Cairo. Trade with Greece grew by 12% to €500 million.',
        },
      ],
    },
    {
      anchor: 'economy',
      heading: 'Economy',
      level: 2,
      path: ['Economy'],
      blocks: [{ type: 'paragraph', id: 'b2', text: 'Italy and Greece signed an energy agreement on the pipeline. Italy invests in the port.' }],
    },
    { anchor: 'see-also', heading: 'See also', level: 2, path: ['See also'], blocks: [{ type: 'list', id: 'b3', style: 'bullet', items: ['Greece signed a military agreement.'] }] },
  ],
};

const who: DocumentPartners = {
  known: (id) => ['greece', 'italy', 'kosovo'].includes(id),
  headed: new Map([['greece', new Set(['greece'])]]),
  named: new Map([
    ['b2', new Set(['greece', 'italy'])],
    ['b3', new Set(['greece'])],
  ]),
};

describe('candidatesOf: a document’s sentences filed per partner and facet at build time (issue 19)', () => {
  const { sentences, rows } = candidatesOf(doc, who);
  const of = (partner: string) => rows.filter((r) => r.partnerId === partner).map((r) => ({ text: sentences[r.sentence]!.text, facet: r.facet, score: r.score, ...(r.label ? { label: r.label } : {}) }));

  it('files a partner’s own section by the classifier, leaves out a region’s sentence, and scores without the date', () => {
    expect(of('greece')).toEqual([
      // security: three cues (troops, military, officers), first in its paragraph, in the partner's section, names it ("Greek")
      { text: 'Greek troops trained Albanian military officers in 2019.', facet: 'security', score: 3 + 1 + 2 + 1 },
      { text: 'Trade with Greece grew by 12% to €500 million.', facet: 'economy', score: 1 + 2 + 1 },
      { text: 'Trade with Greece grew by 12% to €500 million.', facet: 'key-figures', score: 6 + 2, label: '12% · €500 million' },
    ]);
  });

  it('takes a passing mention only when the partner is the sentence’s main subject and the classifier is sure', () => {
    // "Italy and Greece signed …": Italy is named first; "Italy invests in the port": two economy cues.
    expect(of('italy')).toEqual([
      // economy: two cues (energy, pipeline), the heading's facet, first in its paragraph, named
      { text: 'Italy and Greece signed an energy agreement on the pipeline.', facet: 'economy', score: 2 + 2 + 1 + 0 + 1 },
      { text: 'Italy and Greece signed an energy agreement on the pipeline.', facet: 'agreements', score: 0 + 1 + 2 },
      { text: 'Italy invests in the port.', facet: 'economy', score: 2 + 2 + 0 + 0 + 1 },
    ]);
  });

  it('never reads a reference list, and gives an overview’s first partner no document scope', () => {
    expect(rows.some((r) => sentences[r.sentence]!.anchor === 'see-also')).toBe(false);
    expect(of('kosovo')).toEqual([]);
    expect(new Set(sentences.map((s) => s.text)).size).toBe(sentences.length);
  });

  it('keys a wording without case, accents, bullets and the final stop', () => {
    expect(textKey('- Kuçovë Air Base opened.')).toBe(textKey('kucove air base opened'));
  });
});
