// The app sets its text in its own bundled faces (src/renderer/src/styles/fonts.css), never in
// whatever fonts the machine has (issue 11): on every screen, each piece of text Chromium draws,
// pseudo-element marks (◇) included, comes from a bundled web font, as CDP's
// CSS.getPlatformFontsForNode reports it. This machine's system fonts (DejaVu) are not on any
// font stack, so a glyph missing from the bundled subsets, or a face that failed to load, would
// show up here as a system font.
import type { CDPSession, Page } from '@playwright/test';
import { expect, goto, test } from './harness';

const BUNDLED = ['Source Sans 3', 'Source Serif 4', 'Source Code Pro', 'Noto Sans Math'];

interface DomNode {
  nodeId: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  pseudoElements?: DomNode[];
  pseudoType?: string;
}

/** Font → a few of the elements drawn in it, for every element (and pseudo-element) of the page with text of its own. */
async function platformFonts(page: Page): Promise<Map<string, { custom: boolean; where: string[] }>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const texts: { nodeId: number; where: string }[] = [];
    const visit = (node: DomNode, path: string): void => {
      if (['HEAD', 'SCRIPT', 'STYLE'].includes(node.nodeName)) return;
      const cls = node.attributes && node.attributes.indexOf('class') % 2 === 0 ? node.attributes[node.attributes.indexOf('class') + 1] : '';
      const here = node.pseudoType ? `${path}::${node.pseudoType}` : `${path} > ${node.nodeName.toLowerCase()}${cls ? `.${cls.split(' ')[0]}` : ''}`;
      const ownText = (node.children ?? []).some((c) => c.nodeName === '#text' && (c.nodeValue ?? '').trim() !== '');
      if (ownText || node.pseudoType) texts.push({ nodeId: node.nodeId, where: here.split(' > ').slice(-3).join(' > ') });
      for (const p of node.pseudoElements ?? []) visit(p, here);
      for (const c of node.children ?? []) visit(c, here);
    };
    visit(root, '');
    const used = new Map<string, { custom: boolean; where: string[] }>();
    // Sent together: one round trip per element, one after another, is minutes on a long document.
    const answers = await Promise.all(
      texts.map(({ nodeId }) =>
        cdp.send('CSS.getPlatformFontsForNode', { nodeId }) as Promise<{ fonts: { familyName: string; postScriptName: string; isCustomFont: boolean }[] }>,
      ),
    );
    answers.forEach(({ fonts }, i) => {
      for (const f of fonts) {
        const key = `${f.familyName} (${f.postScriptName})`;
        const entry = used.get(key) ?? { custom: f.isCustomFont, where: [] };
        if (entry.where.length < 3) entry.where.push(texts[i]!.where);
        used.set(key, entry);
      }
    });
    return used;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Every bundled face that the page's text needs has loaded (font-display: block holds text until then). */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

const SCREENS: { route: string; ready: (page: Page) => Promise<void> }[] = [
  { route: '#/', ready: (p) => expect(p.getByRole('heading', { level: 1, name: "Albania's foreign relations" })).toBeVisible() },
  {
    // Its "- ◇" bullets are drawn as a ::before mark, a glyph the Latin subsets lack.
    route: '#/doc/security-and-defence-partnership-between-the-european-union',
    ready: (p) => expect(p.locator('ul.diamond li').first()).toBeVisible(),
  },
  { route: '#/doc/foreign-relations-of-albania', ready: (p) => expect(p.locator('table').first()).toBeVisible() },
  { route: '#/search?q=Kosovo', ready: (p) => expect(p.locator('mark').first()).toBeVisible() },
  { route: '#/partner/kosovo', ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible() },
  { route: '#/compare?p=kosovo,ukraine,nato&mode=grid', ready: (p) => expect(p.getByRole('table').first()).toBeVisible() },
  { route: '#/timeline', ready: (p) => expect(p.getByRole('button', { name: 'Earlier' })).toBeVisible() },
  { route: '#/briefing?partner=kosovo', ready: (p) => expect(p.locator('[data-briefing-ready]')).toBeVisible() },
  { route: '#/briefing?partner=kosovo&print=1', ready: (p) => expect(p.locator('[data-briefing-ready]')).toBeVisible() },
];

test('every screen, the reader and the briefing sheet included, is set in the bundled faces only', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  const seen = new Set<string>();
  for (const { route, ready } of SCREENS) {
    await goto(app, route);
    await ready(page);
    await settled(page);
    const used = await platformFonts(page);
    expect(used.size, `${route}: text was drawn at all`).toBeGreaterThan(0);
    for (const [key, { custom, where }] of used) {
      // The name inside the file: Google's static cuts of Source Sans 3 call themselves "Source Sans 3 ExtraLight".
      const bundled = BUNDLED.find((b) => key.startsWith(b));
      expect.soft(bundled !== undefined && custom, `${route}: “${key}” (${custom ? 'web font' : 'system font'}) draws ${where.join(', ')}`).toBe(true);
      if (bundled) seen.add(bundled);
    }
  }
  // The reader's serif, the interface's sans, and the ◇ marks' fallback were all really used.
  for (const family of ['Source Sans 3', 'Source Serif 4', 'Noto Sans Math']) expect(seen, family).toContain(family);
});

test('the bundled faces are declared, load from the app itself, and Chromium reports them ready', async ({ app }) => {
  const { page } = app;
  await goto(app, '#/briefing?partner=kosovo&print=1');
  await expect(page.locator('[data-briefing-ready]')).toBeVisible();
  const faces = await page.evaluate(async () => {
    await Promise.all([...document.fonts].map((f) => f.load().catch(() => undefined)));
    return [...document.fonts].map((f) => `${f.family.replace(/"/g, '')} ${f.style} ${f.status}`);
  });
  for (const family of BUNDLED) expect(faces.filter((f) => f.startsWith(`${family} `)).length, family).toBeGreaterThan(0);
  expect(faces.filter((f) => !f.endsWith(' loaded'))).toEqual([]);
  for (const family of BUNDLED.slice(0, 3)) {
    expect(await page.evaluate((f) => document.fonts.check(`16px "${f}"`, 'Ëë Çç Şş Ğğ Ćć Žž – — “ ” ‹ › †'), family), family).toBe(true);
  }
  const fontFiles = app.requests.filter((u) => /\.woff2$/.test(u));
  expect(fontFiles.length).toBeGreaterThan(0);
  for (const u of fontFiles) expect(u.startsWith(app.origin), u).toBe(true);
});
