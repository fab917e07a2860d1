import { describe, expect, it } from 'vitest';
import { editDistance } from '../shared/text';
import { closestWord } from './suggest';

describe('editDistance', () => {
  it('counts edits and stops early past the limit', () => {
    expect(editDistance('kosovo', 'kosova', 2)).toBe(1);
    expect(editDistance('nato', 'nato', 1)).toBe(0);
    expect(editDistance('albania', 'ukraine', 2)).toBe(3);
  });
});

describe('closestWord', () => {
  const vocabulary = new Map([
    ['kucove', 'Kuçovë'],
    ['kosovo', 'Kosovo'],
    ['refugees', 'refugees'],
  ]);
  it('returns the corpus spelling, accents included', () => {
    expect(closestWord('kucova', vocabulary)).toBe('Kuçovë');
    expect(closestWord('refugess', vocabulary)).toBe('refugees');
  });
  it('gives nothing when no word is close', () => {
    expect(closestWord('zzzzzz', vocabulary)).toBeNull();
    expect(closestWord('ab', vocabulary)).toBeNull();
  });
});
