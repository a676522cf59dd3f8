// Uploads for the photo pipeline's tests and benchmark, drawn with sharp at run time (no binary
// fixtures in the repository). Each one is built to test one thing; the file they hide things in
// is described next to it, so a test can look for exactly that in the output.
import { deflateSync } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';

const RED = { r: 255, g: 0, b: 0 };
const BLUE = { r: 0, g: 0, b: 255 };

const solid = (width: number, height: number, background: { r: number; g: number; b: number } | string) =>
  sharp({ create: { width, height, channels: 3, background } });

/** A plain JPEG of one colour, for size and crop tests. */
export function plainJpeg(width: number, height: number): Promise<Buffer> {
  return solid(width, height, '#c08040').jpeg().toBuffer();
}

/** What privateJpeg hides in its metadata; none of it may reach the output. */
export const PRIVATE = {
  artist: 'Jane Q. Private',
  // 51° 30' 26.64" N, the way EXIF stores it: three rationals.
  gpsLatitude: [51, 1, 30, 1, 2664, 100],
  xmpCreator: 'xmp-creator-jane',
  comment: 'jpeg-comment-taken-at-home',
  iptcCaption: 'iptc-caption-our-street',
} as const;

/** PRIVATE.gpsLatitude as it appears in the file, in either EXIF byte order. */
export function gpsLatitudeBytes(byteOrder: 'little-endian' | 'big-endian'): Buffer {
  const bytes = Buffer.alloc(PRIVATE.gpsLatitude.length * 4);
  PRIVATE.gpsLatitude.forEach((n, i) => (byteOrder === 'little-endian' ? bytes.writeUInt32LE(n, i * 4) : bytes.writeUInt32BE(n, i * 4)));
  return bytes;
}

/** A JPEG marker segment: 0xFF, the marker, a big-endian length that counts itself, the payload. */
function jpegSegment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** Segments placed right after the start-of-image marker, where decoders read metadata from. */
const withSegments = (jpeg: Buffer, segments: Buffer[]) => Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);

const JPEG_COMMENT = 0xfe;
const JPEG_APP13 = 0xed;

/** Photoshop's APP13 block with one IPTC record, 2:120 (caption); sharp cannot write IPTC itself. */
function iptcSegment(caption: string): Buffer {
  const text = Buffer.from(caption, 'latin1');
  const record = Buffer.concat([Buffer.from([0x1c, 2, 120, 0, 0]), text]);
  record.writeUInt16BE(text.length, 3);
  const resource = Buffer.concat([Buffer.from('8BIM', 'latin1'), Buffer.from([0x04, 0x04, 0, 0, 0, 0, 0, 0]), record]);
  resource.writeUInt32BE(record.length, 8);
  const padded = record.length % 2 === 1 ? Buffer.concat([resource, Buffer.alloc(1)]) : resource;
  return jpegSegment(JPEG_APP13, Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), padded]));
}

const xmpPacket = (creator: string) =>
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  `<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${creator}</dc:creator></rdf:Description>` +
  '</rdf:RDF></x:xmpmeta>';

/**
 * A 400 × 200 JPEG, red on its left half and blue on its right, with EXIF Orientation 6 (shown
 * turned 90° clockwise: 200 × 400, red on top), GPS coordinates, an artist, XMP, IPTC, a comment
 * and an ICC profile: everything in PRIVATE.
 */
export async function privateJpeg(): Promise<Buffer> {
  const rationals = (values: readonly number[]) => [0, 2, 4].map((i) => `${values[i]}/${values[i + 1]}`).join(' ');
  const jpeg = await solid(400, 200, BLUE)
    .composite([{ input: { create: { width: 200, height: 200, channels: 3, background: RED } }, left: 0, top: 0 }])
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Artist: PRIVATE.artist },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: rationals(PRIVATE.gpsLatitude), GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 3912/100' },
    })
    .withXmp(xmpPacket(PRIVATE.xmpCreator))
    .toBuffer();
  return withSegments(jpeg, [jpegSegment(JPEG_COMMENT, Buffer.from(PRIVATE.comment, 'latin1')), iptcSegment(PRIVATE.iptcCaption)]);
}

/** A 16-bit RGB PNG of one colour: full red, half green (32768 of 65535), no blue. */
export function sixteenBitPng(): Promise<Buffer> {
  const pixels = new Uint16Array(64 * 48 * 3);
  for (let i = 0; i < pixels.length; i += 3) pixels.set([65535, 32768, 0], i);
  return sharp(pixels, { raw: { width: 64, height: 48, channels: 3 } }).toColourspace('rgb16').png().toBuffer();
}

/** An animated GIF of two 100 × 80 frames: red, then blue. */
export function animatedGif(): Promise<Buffer> {
  const frame = (colour: typeof RED) => Buffer.alloc(100 * 80 * 3).map((_, i) => [colour.r, colour.g, colour.b][i % 3] ?? 0);
  const frames = Buffer.concat([frame(RED), frame(BLUE)]);
  return sharp(frames, { raw: { width: 100, height: 160, channels: 3, pageHeight: 80 } }).gif({ loop: 0, delay: [500, 500] }).toBuffer();
}

/** A red JPEG stored as CMYK (four channels, as print workflows save them). */
export function cmykJpeg(): Promise<Buffer> {
  return solid(64, 64, RED).toColourspace('cmyk').jpeg().toBuffer();
}

/** A small AVIF, the one HEIF flavour that is accepted. */
export function avifImage(): Promise<Buffer> {
  return solid(64, 48, '#40a060').avif({ effort: 0 }).toBuffer();
}

/** A TIFF: an image sharp reads, but not one that is accepted. */
export function tiffImage(): Promise<Buffer> {
  return solid(64, 48, '#40a060').tiff().toBuffer();
}

// zlib.crc32 needs Node 20.15; package.json allows 20.9.
function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const chunk = Buffer.alloc(typed.length + 8);
  chunk.writeUInt32BE(data.length, 0);
  typed.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typed), typed.length + 4);
  return chunk;
}

/**
 * A PNG of a few hundred bytes whose header (IHDR, with a correct CRC) declares `width` × `height`
 * RGB pixels. Its image data is one deflated row; a decoder that believed the header would set out
 * to produce all the declared pixels, which is what a decompression bomb gets a server to do.
 */
export function pixelBombPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter, no interlace
  const firstRow = Buffer.alloc(1 + width * 3);
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(firstRow)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The script a polyglot carries. */
export const POLYGLOT_HTML = '<html><body><script>fetch("/api/steal?c=" + document.cookie)</script></body></html>';

/** A real JPEG that is also an HTML page: the markup sits in a comment segment and after the image. */
export async function polyglotJpeg(): Promise<Buffer> {
  const jpeg = await solid(64, 64, '#808080').jpeg().toBuffer();
  const html = Buffer.from(POLYGLOT_HTML, 'latin1');
  return Buffer.concat([withSegments(jpeg, [jpegSegment(JPEG_COMMENT, html)]), html]);
}

/** Not images at all, whatever name or type they were uploaded with (think "holiday.jpg"). */
export const NOT_IMAGES = {
  text: Buffer.from('Holiday notes: pack the cookie tin.\n'),
  svg: Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(document.cookie)</script>' +
      '<rect width="100" height="100" fill="red"/></svg>',
  ),
  html: Buffer.from('<!doctype html><html><head><title>Photo</title></head><body><script>alert(1)</script></body></html>'),
  pdf: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n', 'latin1'),
  empty: Buffer.alloc(0),
};

/** Deterministic bytes from a seed (a linear congruential generator). */
function pseudoRandomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    bytes[i] = state >>> 23;
  }
  return bytes;
}

/** Random bytes: what a corrupted upload or a scanner's probe looks like. */
export const garbage = (length = 4096) => pseudoRandomBytes(length, 7);

/**
 * A photo-like JPEG: colour blobs at three scales under film grain, so it has detail at every
 * size it is shrunk to. 4000 × 3000 (12 MP) is about 2.8 MB, like a phone photo; it takes a few
 * seconds to draw.
 */
export async function photoLikeJpeg(width: number, height: number): Promise<Buffer> {
  const blobs = (across: number, down: number, seed: number) =>
    sharp(pseudoRandomBytes(across * down * 3, seed), { raw: { width: across, height: down, channels: 3 } })
      .resize(width, height, { kernel: 'cubic' })
      .png({ compressionLevel: 0 })
      .toBuffer();
  const grain: Sharp = sharp({
    create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 12 } },
  });
  const [coarse, medium, fine, grainPng] = await Promise.all([
    blobs(12, 9, 1),
    blobs(160, 120, 2),
    blobs(480, 360, 3),
    grain.png({ compressionLevel: 0 }).toBuffer(),
  ]);
  return sharp(coarse)
    .composite([
      { input: medium, blend: 'soft-light' },
      { input: fine, blend: 'soft-light' },
      { input: grainPng, blend: 'overlay' },
    ])
    .jpeg({ quality: 85 })
    .toBuffer();
}
