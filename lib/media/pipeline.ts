// No `import 'server-only'`: the seed (lib/db/seed.ts, run by tsx outside Next) turns the demo art
// into photos with processPhoto, and the marker throws outside React's server build.
import { availableParallelism } from 'node:os';
import sharp, { type Metadata, type OutputInfo, type Sharp, type SharpOptions } from 'sharp';
import { ACCEPTED_FORMATS } from './accepted';
import { lowerImageThreadPriority } from './thread-priority';
import { IMAGE_LONG_SIDE, NARROWEST_POST, THUMBNAIL_SIZE, WIDEST_POST, mediumSize, thumbnailSize } from './sizes';

// Every upload becomes new pixels: the type is read from the content, the size is checked from the
// header before anything is decoded, and the photo is decoded once, cropped, resized and encoded
// again. Nothing of the original file reaches the output but its pixels (no EXIF, GPS, XMP, IPTC,
// comments or ICC profile, nor whatever a polyglot hides after the image).

export const MAX_PIXELS = 40_000_000;
export const MAX_SIDE = 10_000;

const PLACEHOLDER_LONG_SIDE = 16;
// libwebp's default effort (4): on a detailed 1080 px photo it takes ~95 ms against ~50 ms at
// effort 2, for a file 3 % smaller and a little sharper (on flat artwork, 7 % smaller). A photo is
// encoded once and downloaded on every view of it.
const WEBP = { quality: 80, effort: 4 } as const;
// Shown blurred, so a low quality: ~150 bytes for a detailed photo, against ~210 at 80.
const PLACEHOLDER_WEBP = { ...WEBP, quality: 40 } as const;

// One libvips thread per image: the queue below decides how many images are worked on at once.
// The operation cache only pays off when the same input is processed again, which uploads never are.
sharp.concurrency(1);
sharp.cache(false);

export type Rendition = { bytes: Buffer; width: number; height: number; contentType: 'image/webp' };
export type ProcessedPhoto = {
  image: Rendition;
  /** The same crop, MEDIUM_WIDTH wide: the middle candidate of the feed's srcset. */
  medium: Rendition;
  thumbnail: Rendition;
  /** data: URL of a ~16 px WebP, for a blurred placeholder */
  placeholder: string;
};
export type PhotoShape = 'post' | 'square';

/** Refusal a person can act on: 415 (not an accepted image by its content) or 422 (too many pixels / side too long). */
export class PhotoRejected extends Error {
  override name = 'PhotoRejected';
  constructor(
    readonly status: 415 | 422,
    message: string,
  ) {
    super(message);
  }
}

const notAPhoto = () => new PhotoRejected(415, `This file is not a photo we can take. Please choose a ${ACCEPTED_FORMATS} photo.`);
// 415 rather than 422: like a wrong file, a damaged one is fixed by choosing another file, while
// 422 keeps the one meaning "make it smaller".
const unreadable = () =>
  new PhotoRejected(415, `This photo could not be read; it may be damaged or cut short. Please choose a ${ACCEPTED_FORMATS} photo.`);
const tooLarge = (width: number, height: number) =>
  new PhotoRejected(
    422,
    `This photo is ${width} × ${height} pixels; the most we take is ${MAX_PIXELS / 1_000_000} megapixels, ` +
      `and ${MAX_SIDE} pixels on the longest side. Please choose a smaller photo.`,
  );

type AcceptedFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'heif';

/** The first bytes of each accepted format, as Latin-1 text; `?` stands for any byte. */
const SIGNATURES: readonly (readonly [AcceptedFormat, string])[] = [
  ['jpeg', '\xff\xd8\xff'],
  ['png', '\x89PNG\r\n\x1a\n'],
  ['webp', 'RIFF????WEBP'],
  ['gif', 'GIF8'],
  // Any ISO media file (AVIF, HEIC, MP4…): the codec is told apart from sharp's header below.
  ['heif', '????ftyp'],
];

const startsWith = (input: Buffer, signature: string) =>
  input.length >= signature.length && [...signature].every((char, i) => char === '?' || input[i] === char.charCodeAt(0));

/**
 * Reads the header of an upload we accept, or refuses it. The magic number is checked first so
 * that only the five decoders we accept ever parse untrusted bytes (sharp would otherwise hand
 * an SVG to librsvg and libxml2, a TIFF to libtiff, just to say what the file is); sharp must then
 * agree on the format, so a file cannot start as one type and be read as another.
 */
async function readHeader(input: Buffer): Promise<Metadata> {
  const format = SIGNATURES.find(([, signature]) => startsWith(input, signature))?.[0];
  if (!format) throw notAPhoto();
  let header: Metadata;
  try {
    // Headers only, so no pixel limit here: a bomb gets the 422 below, not sharp's own error.
    header = await sharp(input, { limitInputPixels: false, pages: 1 }).metadata();
  } catch {
    throw unreadable();
  }
  // sharp calls AVIF 'heif'; HEIC (HEVC) has no decoder in sharp's prebuilt libvips.
  if (header.format !== format || (format === 'heif' && header.compression !== 'av1')) throw notAPhoto();
  return header;
}

type Size = { width: number; height: number };

/** The centred crop that brings a photo into the shape's range of aspects; a photo inside it is kept whole. */
function cropInto({ width, height }: Size, shape: PhotoShape): Size {
  const [narrowest, widest] = shape === 'square' ? [1, 1] : [NARROWEST_POST, WIDEST_POST];
  const aspect = width / height;
  if (aspect > widest) return { width: Math.max(1, Math.round(height * widest)), height };
  if (aspect < narrowest) return { width, height: Math.max(1, Math.round(width / narrowest)) };
  return { width, height };
}

/** Scaled down (never up) so the long side is at most `longSide`. */
function shrinkTo({ width, height }: Size, longSide: number): Size {
  const scale = Math.min(1, longSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

const DECODE_OPTIONS: SharpOptions = {
  // Trusts the header's size, which readHeader has already checked: a second line of defence.
  limitInputPixels: MAX_PIXELS,
  // Aborts on errors and cut-short files, but not on warnings such as "extraneous bytes before
  // marker", which many cameras' JPEGs raise and which decode fine.
  failOn: 'error',
  // The first frame of an animated GIF or WebP: feed photos are still.
  pages: 1,
  autoOrient: true,
};

async function encode(pixels: Sharp): Promise<Rendition> {
  const { data, info } = await pixels.webp(WEBP).toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height, contentType: 'image/webp' };
}

/**
 * shape 'post': centre-crop into 4:5 … 1.91:1; 'square': 1:1 (profile photos), long side ≤ THUMBNAIL_SIZE for the image too.
 *
 * A post's medium and thumbnail renditions are the same crop, smaller (mediumSize, thumbnailSize);
 * a square photo's are its image (the same rendition, encoded once).
 */
export async function processPhoto(input: Buffer, options?: { shape?: PhotoShape }): Promise<ProcessedPhoto> {
  const shape = options?.shape ?? 'post';
  const header = await readHeader(input);
  // With `pages: 1` the height is one frame's, and autoOrient has the sides as displayed.
  const { width, height } = header.autoOrient;
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) throw tooLarge(width, height);

  const target = shrinkTo(cropInto({ width, height }, shape), shape === 'square' ? THUMBNAIL_SIZE : IMAGE_LONG_SIDE);
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    // Decoded once, straight to the final size (JPEG and WebP decode at a fraction of their size
    // when they can); the renditions are made from these pixels, which carry no metadata at all.
    decoded = await sharp(input, DECODE_OPTIONS)
      .resize(target.width, target.height, { fit: 'cover' })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw unreadable();
  }
  const { data, info } = decoded;
  const pixels = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });

  // One encode after another, not all at once: a photo keeps to one core, so the queue's count of
  // pipelines is a count of cores.
  const image = await encode(pixels());
  const smaller = async ({ width: w, height: h }: { width: number; height: number }) =>
    shape === 'square' || w === info.width ? image : encode(pixels().resize(w, h));
  const medium = await smaller(mediumSize(info.width, info.height));
  const thumbnail = await smaller(thumbnailSize(info.width, info.height));
  const placeholder = await pixels()
    .resize(PLACEHOLDER_LONG_SIDE, PLACEHOLDER_LONG_SIDE, { fit: 'inside', withoutEnlargement: true })
    .webp(PLACEHOLDER_WEBP)
    .toBuffer();
  return { image, medium, thumbnail, placeholder: `data:image/webp;base64,${placeholder.toString('base64')}` };
}

/** Too many photos wait already: the upload should be retried after `retryAfterSeconds`. */
export class PhotoQueueFull extends Error {
  override name = 'PhotoQueueFull';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many photos are being processed; try again in ${retryAfterSeconds} s.`);
  }
}

/** A core is left for answering requests (1 on a 2-core machine). */
export const PIPELINES_AT_ONCE = Math.max(1, availableParallelism() - 1);
/** Photos that may wait for a pipeline: a few seconds of work. Beyond, uploads are refused at once instead of hanging. */
export const QUEUE_LIMIT = 8;
/** Until photos have been timed: a 12 MP JPEG takes ~0.15 s on one core, a large PNG a few times that. */
const FIRST_GUESS_SECONDS = 0.5;

export type PhotoQueue = <T>(task: () => Promise<T>) => Promise<T>;

/** Runs tasks `concurrent` at a time, with at most `waiting` in line; a task beyond is refused with PhotoQueueFull. */
export function createPhotoQueue({ concurrent, waiting }: { concurrent: number; waiting: number }): PhotoQueue {
  let running = 0;
  const line: (() => void)[] = [];
  let averageSeconds = FIRST_GUESS_SECONDS;
  // Long enough for everyone ahead to be done, so a retry finds room.
  const secondsToDrain = () => Math.max(1, Math.ceil(((running + line.length) / concurrent) * averageSeconds));

  return async (task) => {
    // libvips starts its threads on first use: lower any new one before this photo's work.
    lowerImageThreadPriority();
    if (running < concurrent) running += 1;
    else if (line.length < waiting) await new Promise<void>((resolve) => line.push(resolve));
    else throw new PhotoQueueFull(secondsToDrain());

    const started = performance.now();
    try {
      const result = await task();
      // Photos only: refusals take no time, and a flood of junk would make the estimate too short.
      averageSeconds = 0.8 * averageSeconds + 0.2 * ((performance.now() - started) / 1000);
      return result;
    } finally {
      lowerImageThreadPriority();
      // The slot passes straight to the next in line, so a newcomer cannot take it in between.
      const next = line.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

const photoQueue = createPhotoQueue({ concurrent: PIPELINES_AT_ONCE, waiting: QUEUE_LIMIT });

/** Runs processPhoto with bounded concurrency; throws PhotoQueueFull when too many wait (the route answers 503 + Retry-After). */
export function processPhotoQueued(input: Buffer, options?: { shape?: PhotoShape }): Promise<ProcessedPhoto> {
  return photoQueue(() => processPhoto(input, options));
}
