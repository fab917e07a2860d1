// `npm run icons`: resources/icon.svg → every icon the packages need.
//   resources/icons/<N>x<N>.png  N = 16 … 1024 (Linux AppImage/deb take the folder as it is)
//   resources/icon.ico           16 … 256 (Windows, NSIS)
//   resources/icon.icns          16 … 1024 (macOS, dmg)
//   resources/icons/source.sha256  the SVG they were rendered from, so a test can tell when the
//                                   SVG changed and the icons were not rendered again
// Rendered by the local headless Chromium (found as the e2e tests find it) with a transparent
// background: no image library, nothing downloaded. The outputs are committed; they are sources
// of the package, and rendering needs a Chromium that a packaging machine may lack.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../../src/host/browsers';
import { encodeIcns, encodeIco } from './containers';

export const RESOURCES = path.resolve(import.meta.dirname, '..', '..', 'resources');
export const ICON_SVG = path.join(RESOURCES, 'icon.svg');
export const ICON_DIR = path.join(RESOURCES, 'icons');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
export const SOURCE_STAMP = path.join(ICON_DIR, 'source.sha256');

export function svgHash(svg: Buffer): string {
  return createHash('sha256').update(svg).digest('hex');
}

async function render(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found to render the icons: set CHROMIUM_PATH.');
  const svg = fs.readFileSync(ICON_SVG);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  const pngs = new Map<number, Buffer>();
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of PNG_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img src="data:image/svg+xml;base64,${svg.toString('base64')}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
  } finally {
    await browser.close();
  }
  fs.mkdirSync(ICON_DIR, { recursive: true });
  for (const [size, png] of pngs) fs.writeFileSync(path.join(ICON_DIR, `${size}x${size}.png`), png);
  fs.writeFileSync(path.join(RESOURCES, 'icon.ico'), encodeIco(ICO_SIZES.map((s) => pngs.get(s)!)));
  fs.writeFileSync(path.join(RESOURCES, 'icon.icns'), encodeIcns(pngs));
  fs.writeFileSync(SOURCE_STAMP, `${svgHash(svg)}  icon.svg\n`);
  console.log(`Rendered ${PNG_SIZES.length} PNG sizes, icon.ico and icon.icns from ${path.relative(process.cwd(), ICON_SVG)}.`);
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (invokedDirectly) {
  render().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
