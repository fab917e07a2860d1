// Notes of your own (issue 16): select words in a passage, attach a note; it is listed on the
// document and on the Notes screen, found by the "My notes" search filter, exported as Markdown
// with its quote and citation, pinned onto a briefing, and still there after a restart.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, goto, test } from './harness';

/** Select `words` inside the first paragraph of a section, as a reader dragging the mouse would. */
async function selectWords(page: Page, anchor: string, words: string): Promise<void> {
  await page.evaluate(
    ({ anchor, words }) => {
      const p = document.querySelector(`section[data-anchor="${anchor}"] p[id^="b-"]`)!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(words);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + words.length);
        const sel = document.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        return;
      }
      throw new Error(`"${words}" not in ${anchor}`);
    },
    { anchor, words },
  );
}

test('a note on selected words: listed, searchable, exported, pinned onto a briefing, kept across a restart', async ({ launcher }) => {
  const app = await launcher.start();
  const { page } = app;
  await goto(app, '#/doc/albania-nato-relations/kucove-air-base');
  await expect(page.getByRole('heading', { name: 'Kuçovë Air Base', exact: true })).toBeVisible();

  await selectWords(page, 'kucove-air-base', 'its first air base in the Western Balkans');
  await page.getByRole('button', { name: 'Add a note' }).click();
  const composer = page.getByRole('dialog', { name: 'Note on the selected words' });
  await expect(composer.locator('blockquote')).toHaveText('its first air base in the Western Balkans');
  await composer.getByLabel('Your note').fill('Ask the ministry about the 2024 budget line.');
  await composer.getByRole('button', { name: 'Save note' }).click();
  await expect(composer).toBeHidden();

  // Listed on the document.
  const onDoc = page.locator('details.doc-notes');
  await expect(onDoc.locator('summary')).toHaveText('Your notes on this document (1)');
  await onDoc.locator('summary').click();
  await expect(onDoc.getByText('Ask the ministry about the 2024 budget line.')).toBeVisible();

  // Found by "My notes" in search (accents and case ignored), and not by other words.
  await goto(app, '#/search?q=ministry%20BUDGET');
  await page.getByLabel('My notes only').check();
  const mine = page.getByRole('region', { name: 'My notes' });
  await expect(mine.getByText('1 note with “ministry BUDGET”.')).toBeVisible();
  await expect(mine.locator('blockquote')).toHaveText('its first air base in the Western Balkans');

  // The Notes screen: filter, export as Markdown with the quote and the citation.
  await page.getByRole('link', { name: 'Notes', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible();
  await expect(page.getByText('1 note', { exact: true })).toBeVisible();
  await page.getByLabel('Find in your notes').fill('nothing-like-this');
  await expect(page.getByText('No note has the words “nothing-like-this”.')).toBeVisible();
  await page.getByLabel('Find in your notes').fill('');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as Markdown' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^notes-\d{4}-\d{2}-\d{2}\.md$/);
  const md = fs.readFileSync((await download.path())!, 'utf8');
  expect(md).toContain('> its first air base in the Western Balkans');
  expect(md).toContain('Ask the ministry about the 2024 budget line.');
  expect(md).toContain('— Albania–NATO relations › Kuçovë Air Base');

  // Pinned onto a briefing about the document's partner.
  await page.getByRole('link', { name: 'Pin to a briefing' }).click();
  const sheet = page.locator('[data-briefing-ready]');
  await expect(sheet.getByRole('heading', { name: 'Notes', exact: true })).toBeVisible();
  await expect(sheet.getByText('“its first air base in the Western Balkans”')).toBeVisible();
  await expect(sheet.getByText('— Albania–NATO relations › Kuçovë Air Base')).toBeVisible();

  // Kept across a restart of the app; edited and deleted from the Notes screen.
  await app.restart();
  await goto(app, '#/notes');
  await expect(page.getByText('Ask the ministry about the 2024 budget line.')).toBeVisible();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.locator('textarea[id^="edit-"]').fill('Budget line checked.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Budget line checked.')).toBeVisible();
  await page.getByRole('button', { name: /^Delete note on/ }).click();
  await expect(page.getByText('No notes yet.')).toBeVisible();
  await app.close();
});

test('a note whose passage a library update reworded: shown with the text it was made on, what it says now, and so on the briefing', async ({ launcher }) => {
  const first = await launcher.start();
  await goto(first, '#/doc/albania-nato-relations/kucove-air-base');
  await expect(first.page.getByRole('heading', { name: 'Kuçovë Air Base', exact: true })).toBeVisible();
  await selectWords(first.page, 'kucove-air-base', 'its first air base in the Western Balkans');
  await first.page.getByRole('button', { name: 'Add a note' }).click();
  const composer = first.page.getByRole('dialog', { name: 'Note on the selected words' });
  await composer.getByLabel('Your note').fill('Check the cost estimate.');
  await composer.getByRole('button', { name: 'Save note' }).click();
  await expect(composer).toBeHidden();
  await first.close();

  // The next edition of the corpus rewords that paragraph (same section, same place).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-reworded-'));
  try {
    const corpus = path.join(dir, 'corpus');
    fs.cpSync('corpus', corpus, { recursive: true });
    const file = fs.readdirSync(corpus).map((f) => path.join(corpus, f)).find((f) => fs.readFileSync(f, 'utf8').includes('its first air base in the Western Balkans'))!;
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('The first phase of the project, which was expected to have commenced by the end of 2018 will have an estimated cost of 50 million euros.', 'The first phase of the project cost 50.5 million euros and was completed in 2024.'));
    const db = path.join(dir, 'desk.db');
    execFileSync(process.execPath, ['bin/relations-desk.mjs', 'build', '--corpus', corpus, '--out', db], { stdio: 'pipe' });

    const next = await launcher.start({ db, userData: first.userData });
    const { page } = next;
    await goto(next, '#/notes');
    await expect(page.getByText('Check the cost estimate.')).toBeVisible();
    await expect(page.getByRole('note').filter({ hasText: 'The passage has changed since this note was made: the quote above is the text it was made on.' })).toBeVisible();
    await expect(page.getByText(/completed in 2024/)).toBeHidden();
    await page.getByText('What the passage says now').click();
    await expect(page.getByText(/completed in 2024/)).toBeVisible();
    await page.getByRole('link', { name: 'Pin to a briefing' }).click();
    const sheet = page.locator('[data-briefing-ready]');
    await expect(sheet.getByText('“its first air base in the Western Balkans”')).toBeVisible();
    await expect(sheet.getByText('— Albania–NATO relations › Kuçovë Air Base (the passage has changed since; quoted as it was)')).toBeVisible();
    await next.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a selection across two passages is not offered as a quote', async ({ app }) => {
  const { page } = app;
  await goto(app, '#/doc/albania-nato-relations/kucove-air-base');
  await expect(page.getByRole('heading', { name: 'Kuçovë Air Base', exact: true })).toBeVisible();
  await page.evaluate(() => {
    const a = document.querySelector('section[data-anchor="kucove-air-base"] p[id^="b-"]')!;
    const b = document.querySelector('section[data-anchor="pashaliman-naval-base"] p[id^="b-"]')!;
    const text = (el: Element) => {
      const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) if ((n.textContent ?? '').length > 10) return n;
      throw new Error('no text');
    };
    const range = document.createRange();
    range.setStart(text(a), 3);
    range.setEnd(text(b), 5);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await expect(page.getByRole('button', { name: 'Add a note' })).toHaveCount(0);
});
