import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printPdf } from '../../test/documents';
import { ImportRefusal, MAX_IMPORT_BYTES, readDocumentBytes } from './index';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-refusals-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function refusal(bytes: Uint8Array, name: string): Promise<ImportRefusal> {
  try {
    await readDocumentBytes(bytes, name);
  } catch (err) {
    if (err instanceof ImportRefusal) return err;
    throw err;
  }
  throw new Error(`${name} was read, not refused`);
}

describe('refusals name the file and the reason', () => {
  it('a kind it does not read', async () => {
    const r = await refusal(Buffer.from('PK\u0003\u0004 zip bytes of a Word file'), 'memo.docx');
    expect(r).toMatchObject({ code: 'unsupported', file: 'memo.docx' });
    expect(r.message).toBe('memo.docx: ".docx" files are not a kind Relations Desk reads (it reads PDF, HTML, Markdown and plain text)');
  });

  it('an empty file, a binary file named .txt, a Latin-1 Markdown file', async () => {
    expect((await refusal(new Uint8Array(0), 'empty.md')).message).toBe('empty.md: the file is empty');
    expect(await refusal(Buffer.from([0x41, 0x00, 0x42, 0x43]), 'notes.txt')).toMatchObject({ code: 'binary', message: expect.stringContaining('notes.txt: binary content') });
    expect(await refusal(Buffer.from('Caf\xe9 notes', 'latin1'), 'cafe.md')).toMatchObject({ code: 'not-utf8', message: expect.stringContaining('not valid UTF-8') });
  });

  it('a file over the size limit, before reading it', async () => {
    const r = await refusal(new Uint8Array(MAX_IMPORT_BYTES + 1), 'huge.pdf');
    expect(r).toMatchObject({ code: 'too-large' });
    expect(r.message).toBe('huge.pdf: 50.0 MB is more than the 50 MB a document may have');
  });

  it('a damaged PDF, and a PDF with no text in it', async () => {
    expect(await refusal(Buffer.from('%PDF-1.7\nthis is not really a PDF at all\n%%EOF'), 'broken.pdf')).toMatchObject({ code: 'damaged', message: expect.stringContaining('broken.pdf: the PDF is damaged') });
    const scan = path.join(dir, 'scan.pdf');
    await printPdf('<div style="width:300px;height:300px;background:#333"></div>', scan, null);
    expect(await refusal(fs.readFileSync(scan), 'scan.pdf')).toMatchObject({ code: 'no-content', message: 'scan.pdf: the PDF has no text layer (a scanned image?); nothing could be read from it' });
  });

  it('a web page with nothing but script and navigation', async () => {
    const r = await refusal(Buffer.from('<html><body><nav>Home</nav><script>document.write("hi")</script></body></html>'), 'page.html');
    expect(r).toMatchObject({ code: 'no-content', message: 'page.html: nothing readable was found in it' });
  });
});

describe('plain text', () => {
  it('reads title, headings, lists, numbered and hard-wrapped paragraphs', async () => {
    const text = [
      'Notes on Albania and Kosovo',
      '',
      'Background',
      '',
      'Albania recognised Kosovo on 18 February 2008, a day after its',
      'declaration of independence.',
      '',
      '2.1 Trade',
      '',
      '- Railway Durrës–Prishtina',
      '- Customs agreement',
      '',
      '12. The parties will meet twice a year.',
    ].join('\n');
    const { doc, format } = await readDocumentBytes(Buffer.from(text), 'notes.txt');
    expect(format).toBe('text');
    expect(doc.title).toBe('Notes on Albania and Kosovo');
    expect(doc.sections.map((s) => [s.level, s.heading])).toEqual([[0, 'Notes on Albania and Kosovo'], [2, 'Background'], [3, '2.1 Trade']]);
    expect(doc.sections[1]!.blocks).toEqual([{ id: 'background:0', type: 'paragraph', text: 'Albania recognised Kosovo on 18 February 2008, a day after its declaration of independence.' }]);
    expect(doc.sections[2]!.blocks.map((b) => b.type)).toEqual(['list', 'paragraph']);
    expect(doc.sections[2]!.blocks[1]).toMatchObject({ number: '12', text: 'The parties will meet twice a year.' });
  });

  it('reads a .txt in the corpus\'s wiki-export format with the corpus parser', async () => {
    const { doc, format } = await readDocumentBytes(Buffer.from('= Albania–Chad relations =\n\n== History ==\nRelations were established in 1971.\n'), 'chad.txt');
    expect(format).toBe('wiki');
    expect(doc.title).toBe('Albania–Chad relations');
    expect(doc.sections[1]).toMatchObject({ heading: 'History', blocks: [{ type: 'paragraph', text: 'Relations were established in 1971.' }] });
  });
});
