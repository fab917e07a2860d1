// The two icon containers the installers need, written from PNGs. Both are a short header and a
// table pointing at whole PNG files, so a few lines do it and no image library is needed:
//   .ico  (Windows, NSIS): ICONDIR + one 16-byte ICONDIRENTRY per image; PNG payloads are valid
//         since Windows Vista (sizes up to 256; 256 is written as 0 in the one-byte fields).
//   .icns (macOS, dmg):    'icns' + total length, then per image a four-character type, its
//         length (8-byte header included) and the PNG; big-endian throughout.

/** Width and height from a PNG's IHDR chunk (always the first chunk, at byte 16). */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (png.length < 24 || png.subarray(0, 8).toString('hex') !== signature || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('Not a PNG file.');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export function encodeIco(pngs: Buffer[]): Buffer {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach((png, i) => {
    const { width, height } = pngSize(png);
    if (width > 256 || height > 256) throw new Error(`An .ico image is at most 256 px; got ${width}×${height}.`);
    const at = 6 + 16 * i;
    header.writeUInt8(width === 256 ? 0 : width, at);
    header.writeUInt8(height === 256 ? 0 : height, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs]);
}

export interface IcoEntry {
  width: number;
  height: number;
  png: Buffer;
}

export function decodeIco(ico: Buffer): IcoEntry[] {
  if (ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('Not an .ico file.');
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const at = 6 + 16 * i;
    const length = ico.readUInt32LE(at + 8);
    const offset = ico.readUInt32LE(at + 12);
    return { width: ico[at] || 256, height: ico[at + 1] || 256, png: ico.subarray(offset, offset + length) };
  });
}

/**
 * The PNG-based icns types by pixel size. 'ic11'…'ic14' are the @2x ("Retina") slots of the
 * 16, 32, 128 and 256 pt icons; macOS picks whichever fits the screen.
 */
export const ICNS_TYPES: readonly { type: string; pixels: number }[] = [
  { type: 'icp4', pixels: 16 },
  { type: 'icp5', pixels: 32 },
  { type: 'ic11', pixels: 32 },
  { type: 'icp6', pixels: 64 },
  { type: 'ic12', pixels: 64 },
  { type: 'ic07', pixels: 128 },
  { type: 'ic08', pixels: 256 },
  { type: 'ic13', pixels: 256 },
  { type: 'ic09', pixels: 512 },
  { type: 'ic14', pixels: 512 },
  { type: 'ic10', pixels: 1024 },
];

export function encodeIcns(pngBySize: ReadonlyMap<number, Buffer>): Buffer {
  const chunks: Buffer[] = [];
  for (const { type, pixels } of ICNS_TYPES) {
    const png = pngBySize.get(pixels);
    if (!png) throw new Error(`No ${pixels}×${pixels} PNG for the icns type ${type}.`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    chunks.push(head, png);
  }
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([head, body]);
}

export function decodeIcns(icns: Buffer): { type: string; png: Buffer }[] {
  if (icns.toString('latin1', 0, 4) !== 'icns' || icns.readUInt32BE(4) !== icns.length) throw new Error('Not an .icns file.');
  const entries: { type: string; png: Buffer }[] = [];
  for (let at = 8; at < icns.length; ) {
    const length = icns.readUInt32BE(at + 4);
    if (length < 8 || at + length > icns.length) throw new Error(`Damaged .icns entry at byte ${at}.`);
    entries.push({ type: icns.toString('latin1', at, at + 4), png: icns.subarray(at + 8, at + length) });
    at += length;
  }
  return entries;
}
