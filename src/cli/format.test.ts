import { describe, expect, it } from 'vitest';
import { formatTable } from './format';

describe('formatTable', () => {
  it('pads columns to the widest cell, capped at 60 characters with an ellipsis', () => {
    const out = formatTable(['id', 'name'], [['a', 'Kosovo'], ['bb', 'x'.repeat(70)]]).split('\n');
    expect(out[0]).toBe('id  name');
    expect(out[1]).toBe(`--  ${'-'.repeat(60)}`);
    expect(out[2]).toBe('a   Kosovo');
    expect(out[3]).toBe(`bb  ${'x'.repeat(59)}…`);
  });

  it('prints a table of 200,000 rows (spreading a column into Math.max overflowed the stack)', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [i, `event ${i}`]);
    const out = formatTable(['n', 'summary'], rows);
    expect(out.split('\n')).toHaveLength(200_002);
    expect(out.endsWith('199999  event 199999')).toBe(true);
  });
});
