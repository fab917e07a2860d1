import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './args';

describe('parseBenchArgs', () => {
  it('reads the flags and the --only list in either spelling', () => {
    expect(parseBenchArgs([])).toEqual({ quick: false, write: true, keep: false, only: null });
    expect(parseBenchArgs(['--quick', '--no-write', '--keep'])).toEqual({ quick: true, write: false, keep: true, only: null });
    expect(parseBenchArgs(['--only', 'real, 200'])).toEqual({ quick: false, write: false, keep: false, only: ['real', '200'] });
    expect(parseBenchArgs(['--only=500']).only).toEqual(['500']);
  });

  it('rejects an unknown option, a stray word and a bad --only list with a message', () => {
    expect(() => parseBenchArgs(['--quik'])).toThrow(/--quik/);
    expect(() => parseBenchArgs(['quick'])).toThrow(/quick/);
    expect(() => parseBenchArgs(['--only', 'real,many'])).toThrow(/--only takes "real" and\/or numbers/);
    expect(() => parseBenchArgs(['--only', ','])).toThrow(/--only takes/);
    expect(() => parseBenchArgs(['--only'])).toThrow(/--only/);
  });
});
