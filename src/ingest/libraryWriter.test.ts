import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugify } from '../shared/text';
import { CORPUS_DIR } from '../host/paths';
import { extractAll } from './extract';
import { mergeExtractions } from './libraryWriter';
import { parseDocument } from './parse';

describe('mergeExtractions', () => {
  it('gives what extracting all documents together gives (so a rewrite extracts only new documents)', () => {
    const docs = fs
      .readdirSync(CORPUS_DIR)
      .sort()
      .map((f) => parseDocument(fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8'), f))
      .map((doc) => ({ slug: slugify(doc.title, 60), title: doc.title, doc }));
    const together = extractAll(docs);
    const merged = mergeExtractions(docs.map((d) => extractAll([d])));
    expect(merged.documents).toEqual(together.documents);
    expect(merged.events).toEqual(together.events);
    expect(merged.warnings).toEqual(together.warnings);
    expect(merged.partners).toEqual(together.partners);
    expect(together.partners.length).toBeGreaterThan(50);
  });
});
