// scripts/start.mjs (`npm start`) calls the browser edition's module by name (`serve.X`): every
// name it uses must be exported, or `npm start` fails at run time where no type check sees it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as serve from './serve';

describe('the module scripts/start.mjs loads', () => {
  it('exports every name start.mjs calls', () => {
    const start = readFileSync(new URL('../../scripts/start.mjs', import.meta.url), 'utf8').replace(/\/\/.*$/gm, '');
    const used = [...new Set([...start.matchAll(/\bserve\.([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
    expect(used.length).toBeGreaterThan(3);
    const missing = used.filter((name) => !(name in serve));
    expect(missing).toEqual([]);
  });
});
