import { describe, expect, it } from 'vitest';
import { presentInfobox, readableKey } from './infobox';

describe('presentInfobox', () => {
  it('shows the bilateral relations box as Wikipedia does', () => {
    const view = presentInfobox([
      { key: 'Title', value: 'Albania–Kosovo' },
      { key: 'Party1', value: 'Albania' },
      { key: 'Party2', value: 'Kosovo' },
      { key: 'Mission1', value: 'Embassy of Albania, Pristina' },
      { key: 'Mission2', value: 'Embassy of Kosovo, Tirana' },
      { key: 'Envoytitle1', value: 'Ambassador' },
      { key: 'Envoytitle2', value: 'Ambassador' },
      { key: 'Envoy1', value: 'Qemal Minxhozi' },
      { key: 'Envoy2', value: 'Nait Hasani' },
    ]);
    expect(view.title).toBe('Albania — Kosovo');
    expect(view.rows).toEqual([
      { label: 'Diplomatic missions', values: ['Embassy of Albania, Pristina', 'Embassy of Kosovo, Tirana'] },
      { label: 'Envoys', values: ['Ambassador of Albania: Qemal Minxhozi', 'Ambassador of Kosovo: Nait Hasani'] },
    ]);
    const text = JSON.stringify(view);
    for (const raw of ['Party1', 'Mission1', 'Envoytitle1', 'Envoy1']) expect(text).not.toContain(raw);
  });

  it('drops layout fields: a box with only a map and its size has nothing to show', () => {
    const view = presentInfobox([
      { key: 'Map', value: 'Albania NATO Locator Lambert.svg' },
      { key: 'Size', value: '350px' },
    ]);
    expect(view).toEqual({ title: null, rows: [] });
  });

  it('keeps other fields under readable names, and an envoy without a title or party', () => {
    const view = presentInfobox([
      { key: 'date_signed', value: '2024' },
      { key: 'image', value: 'x.png' },
      { key: 'Envoy1', value: 'A. Person' },
    ]);
    expect(view.rows).toEqual([
      { label: 'Date signed', values: ['2024'] },
      { label: 'Envoy', values: ['A. Person'] },
    ]);
  });

  it('makes keys readable', () => {
    expect(readableKey('date_signed')).toBe('Date signed');
  });
});
