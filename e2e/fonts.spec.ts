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
  attributes?: string[];
  children?: DomNode[];
  pseudoElements?: DomNode[];
  pseudoType?: string;
}

/** Family → a few of the elements drawn in it, for every element (and pseudo-element) of the page with text. */
async function platformFonts(page: Page): Promise<Map<string, { custom: boolean; where: string[] }>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const used = new Map<string, { custom: boolean; where: string[] }>();
    const visit = async (node: DomNode, path: string): Promise<void> => {
      const cls = node.attributes?.[node.attributes.indexOf('class') + 1];
      const here = node.pseudoType
        ? `${path}::${node.pseudoType}`
        : `${path} > ${node.nodeName.toLowerCase()}${cls && node.attributes!.includes('class') ? `.${cls.split(' ')[0]}` : ''}`;
      if (node.nodeName !== '#text' && node.nodeName !== '#comment' && !['HEAD', 'SCRIPT', 'STYLE'].includes(node.nodeName)) {
        const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId: node.nodeId })) as {
          fonts: { familyName: string; postScriptName: string; isCustomFont: boolean; glyphCount: number }[];
        };
        for (const f of fonts) {
          const key = `${f.familyName}|${f.postScriptName}`;
          const entry = used.get(key) ?? { custom: f.isCustomFont, where: [] };
          if (entry.where.length < 3) entry.where.push(here.split(' > ').slice(-3).join(' > '));
          used.set(key, entry);
        }
      }
      if (['HEAD', 'SCRIPT', 'STYLE'].includes(node.nodeName)) return;
      for (const p of node.pseudoElements ?? []) await visit(p, here);
      for (const c of node.children ?? []) await visit(c, here);
    };
    await visit(root, '');
    return used;
  } finally {
    await cdp.detach();
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
      const [family] = key.split('|') as [string];
      console.log('FONTUSE', route, key, where[0]);
      expect.soft(BUNDLED.includes(family) && custom, `${route}: “${family}” (${custom ? 'web font' : 'system font'}) draws ${where.join(', ')}`).toBe(true);
      seen.add(family);
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
