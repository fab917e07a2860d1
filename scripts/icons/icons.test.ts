// The committed icons are what `npm run icons` renders from resources/icon.svg, in the containers
// the installers read.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeIcns, decodeIco, encodeIco, ICNS_TYPES, pngSize } from './containers';
import { ICO_SIZES, ICON_DIR, ICON_SVG, PNG_SIZES, RESOURCES, SOURCE_STAMP, svgHash } from './render';

const png = (size: number) => fs.readFileSync(path.join(ICON_DIR, `${size}x${size}.png`));

describe('app icons (resources/)', () => {
  it('were rendered from the current icon.svg (run `npm run icons` after editing it)', () => {
    expect(fs.readFileSync(SOURCE_STAMP, 'utf8').split(/\s+/)[0]).toBe(svgHash(fs.readFileSync(ICON_SVG)));
  });

  it('has one PNG per size, each of that size', () => {
    for (const size of PNG_SIZES) expect(pngSize(png(size))).toEqual({ width: size, height: size });
  });

  it('icon.ico holds the 16…256 PNGs, byte for byte', () => {
    const entries = decodeIco(fs.readFileSync(path.join(RESOURCES, 'icon.ico')));
    expect(entries.map((e) => e.width)).toEqual([...ICO_SIZES]);
    for (const e of entries) {
      expect(e.height).toBe(e.width);
      expect(e.png.equals(png(e.width))).toBe(true);
    }
  });

  it('icon.icns holds every PNG slot from 16 to 1024, byte for byte', () => {
    const entries = decodeIcns(fs.readFileSync(path.join(RESOURCES, 'icon.icns')));
    expect(entries.map((e) => e.type)).toEqual(ICNS_TYPES.map((t) => t.type));
    entries.forEach((e, i) => expect(e.png.equals(png(ICNS_TYPES[i]!.pixels))).toBe(true));
  });

  it('refuses what the containers cannot hold', () => {
    expect(() => encodeIco([png(512)])).toThrow(/at most 256/);
    expect(() => pngSize(Buffer.from('GIF89a not a png at all'))).toThrow(/Not a PNG/);
  });
});
