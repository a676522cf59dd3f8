import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import * as images from '@/testing/images';
import { ACCEPTED_FORMATS } from './accepted';
import {
  PhotoQueueFull,
  PhotoRejected,
  type ProcessedPhoto,
  createPhotoQueue,
  processPhoto,
  processPhotoQueued,
} from './pipeline';
import { IMAGE_LONG_SIDE, THUMBNAIL_SIZE } from './sizes';

// sharp as it is, but counting its calls: the refusal tests check that a file which does not
// start like an accepted format is never handed to it (to librsvg, poppler, libtiff…) at all.
vi.mock('sharp', async (importOriginal) => {
  const { default: realSharp } = await importOriginal<{ default: typeof sharp }>();
  return { default: Object.assign(vi.fn(realSharp), realSharp) };
});

const placeholderBytes = (photo: ProcessedPhoto) => Buffer.from(photo.placeholder.replace(/^data:image\/webp;base64,/, ''), 'base64');
const everyOutput = (photo: ProcessedPhoto) => [photo.image.bytes, photo.medium.bytes, photo.thumbnail.bytes, placeholderBytes(photo)];

async function pixelAt(bytes: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const start = (y * info.width + x) * info.channels;
  return [...data.subarray(start, start + 3)];
}

const isRed = ([r = 0, g = 0, b = 0]: number[]) => r > 200 && g < 60 && b < 60;
const isBlue = ([r = 0, g = 0, b = 0]: number[]) => r < 60 && g < 60 && b > 200;

async function refusal(photo: Promise<unknown>): Promise<PhotoRejected> {
  const error: unknown = await photo.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PhotoRejected);
  return error as PhotoRejected;
}

describe('processPhoto: what is kept of the upload', () => {
  it('strips EXIF, GPS, XMP, IPTC, comments and the ICC profile from every rendition', async () => {
    const input = await images.privateJpeg();
    const before = await sharp(input).metadata();
    // The control: the upload does carry all of it.
    expect([before.exif, before.xmp, before.iptc, before.icc].every(Boolean)).toBe(true);
    const gps = [images.gpsLatitudeBytes('little-endian'), images.gpsLatitudeBytes('big-endian')];
    const secrets = [images.PRIVATE.artist, images.PRIVATE.xmpCreator, images.PRIVATE.comment, images.PRIVATE.iptcCaption];
    expect(gps.some((bytes) => input.includes(bytes))).toBe(true);
    for (const text of secrets) expect(input.includes(text)).toBe(true);

    for (const output of everyOutput(await processPhoto(input))) {
      const after = await sharp(output).metadata();
      expect(after.format).toBe('webp');
      expect([after.exif, after.xmp, after.iptc, after.icc, after.comments, after.orientation]).toEqual(Array(6).fill(undefined));
      for (const bytes of gps) expect(output.includes(bytes)).toBe(false);
      for (const text of secrets) expect(output.includes(text)).toBe(false);
    }
  });

  it('turns the photo as its EXIF Orientation says (6: a quarter turn clockwise)', async () => {
    // Stored 400 × 200, red left and blue right; shown 200 × 400, red on top, then cropped to 4:5.
    const { image } = await processPhoto(await images.privateJpeg());
    expect([image.width, image.height]).toEqual([200, 250]);
    expect(isRed(await pixelAt(image.bytes, 100, 10))).toBe(true);
    expect(isBlue(await pixelAt(image.bytes, 100, 240))).toBe(true);
  });

  it('converts a CMYK JPEG to sRGB', async () => {
    const input = await images.cmykJpeg();
    expect(await sharp(input).metadata()).toMatchObject({ space: 'cmyk', channels: 4 });
    const { image } = await processPhoto(input);
    expect(await sharp(image.bytes).metadata()).toMatchObject({ space: 'srgb', channels: 3 });
    expect(isRed(await pixelAt(image.bytes, 32, 32))).toBe(true);
  });

  it('scales a 16-bit PNG down to 8 bits rather than clipping it', async () => {
    const input = await images.sixteenBitPng();
    expect(await sharp(input).metadata()).toMatchObject({ depth: 'ushort' });
    const { image } = await processPhoto(input);
    expect(await sharp(image.bytes).metadata()).toMatchObject({ depth: 'uchar' });
    const [r = 0, g = 0, b = 0] = await pixelAt(image.bytes, 32, 24);
    expect(r).toBeGreaterThan(245);
    expect(Math.abs(g - 128)).toBeLessThan(8); // half of 65535 is half of 255, not 255
    expect(b).toBeLessThan(10);
  });

  it('keeps the first frame of an animated GIF, at one frame’s height', async () => {
    const input = await images.animatedGif();
    expect(await sharp(input).metadata()).toMatchObject({ pages: 2 });
    const { image } = await processPhoto(input);
    expect([image.width, image.height]).toEqual([100, 80]);
    expect(isRed(await pixelAt(image.bytes, 50, 40))).toBe(true);
  });

  it('accepts AVIF', async () => {
    const { image } = await processPhoto(await images.avifImage());
    expect([image.width, image.height, image.contentType]).toEqual([64, 48, 'image/webp']);
  });

  it('re-encodes a JPEG/HTML polyglot into an image that carries no markup', async () => {
    const input = await images.polyglotJpeg();
    expect(input.includes('<script')).toBe(true);
    for (const output of everyOutput(await processPhoto(input))) expect(output.includes('<script')).toBe(false);
  });
});

describe('processPhoto: sizes', () => {
  it.each([
    { upload: [2000, 1500], image: [IMAGE_LONG_SIDE, 810], medium: [640, 480], thumbnail: [427, THUMBNAIL_SIZE], why: 'inside 4:5 … 1.91:1, so only shrunk' },
    { upload: [3000, 1000], image: [IMAGE_LONG_SIDE, 565], medium: [640, 335], thumbnail: [612, THUMBNAIL_SIZE], why: 'a panorama, cropped to 1.91:1' },
    { upload: [1000, 3000], image: [864, IMAGE_LONG_SIDE], medium: [640, 800], thumbnail: [THUMBNAIL_SIZE, 400], why: 'a tall photo, cropped to 4:5' },
  ])('$upload.0 × $upload.1 becomes $image.0 × $image.1 ($why), its smaller renditions the same crop', async ({ upload, image, medium, thumbnail }) => {
    const [width = 0, height = 0] = upload;
    const photo = await processPhoto(await images.plainJpeg(width, height));
    expect([photo.image.width, photo.image.height]).toEqual(image);
    expect(await sharp(photo.image.bytes).metadata()).toMatchObject({ width: image[0], height: image[1] });
    expect([photo.medium.width, photo.medium.height]).toEqual(medium);
    expect(await sharp(photo.medium.bytes).metadata()).toMatchObject({ width: medium[0], height: medium[1] });
    expect([photo.thumbnail.width, photo.thumbnail.height]).toEqual(thumbnail);
    expect(await sharp(photo.thumbnail.bytes).metadata()).toMatchObject({ width: thumbnail[0], height: thumbnail[1] });
  });

  it('never enlarges a small photo', async () => {
    const photo = await processPhoto(await images.plainJpeg(300, 200));
    expect([photo.image.width, photo.image.height]).toEqual([300, 200]);
    expect([photo.medium.width, photo.medium.height]).toEqual([300, 200]);
    expect([photo.thumbnail.width, photo.thumbnail.height]).toEqual([300, 200]);
  });

  it("'square' crops to 1:1 and keeps the image at thumbnail size", async () => {
    const photo = await processPhoto(await images.plainJpeg(1200, 800), { shape: 'square' });
    expect([photo.image.width, photo.image.height]).toEqual([THUMBNAIL_SIZE, THUMBNAIL_SIZE]);
    expect([photo.thumbnail.width, photo.thumbnail.height]).toEqual([THUMBNAIL_SIZE, THUMBNAIL_SIZE]);
  });

  it('makes a placeholder of at most 16 px and a few hundred bytes, in the shape of the image', async () => {
    const photo = await processPhoto(await images.plainJpeg(2000, 1500));
    expect(photo.placeholder).toMatch(/^data:image\/webp;base64,[A-Za-z0-9+/]+=*$/);
    const bytes = placeholderBytes(photo);
    expect(bytes.length).toBeLessThan(400);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'webp', width: 16, height: 12 });
  });
});

describe('processPhoto: refusals', () => {
  async function expectNotAccepted(input: Buffer) {
    const error = await refusal(processPhoto(input));
    expect(error.status).toBe(415);
    expect(error.message).toContain(ACCEPTED_FORMATS);
  }

  it.each([...Object.entries(images.NOT_IMAGES), ['garbage', images.garbage()] as const])(
    '%s: 415, naming the accepted formats, without sharp ever parsing it',
    async (_, input) => {
      vi.mocked(sharp).mockClear();
      await expectNotAccepted(input);
      expect(sharp).not.toHaveBeenCalled();
    },
  );

  it('an SVG or a TIFF, which sharp could read: 415 all the same', async () => {
    const tiff = await images.tiffImage();
    expect((await sharp(images.NOT_IMAGES.svg).metadata()).format).toBe('svg');
    expect((await sharp(tiff).metadata()).format).toBe('tiff');
    await expectNotAccepted(images.NOT_IMAGES.svg);
    await expectNotAccepted(tiff);
  });

  it('a JPEG cut short: 415', async () => {
    const whole = await images.plainJpeg(800, 600);
    await expect(processPhoto(whole)).resolves.toBeDefined();
    await expectNotAccepted(whole.subarray(0, whole.length / 2));
  });

  it('a PNG whose header is sound but whose pixels are missing: 415', () => expectNotAccepted(images.pixelBombPng(1000, 1000)));

  it.each([
    [8_000, 8_000, '64 megapixels, no side too long'],
    [12_000, 100, '1.2 megapixels, a side too long'],
  ])('a header that declares %i × %i (%s): 422 from the header, naming the limits', async (width, height) => {
    const error = await refusal(processPhoto(images.pixelBombPng(width, height)));
    expect(error.status).toBe(422);
    expect(error.message).toContain(`${width} × ${height}`);
    expect(error.message).toContain('40 megapixels');
    expect(error.message).toContain('10000 pixels');
  });
});

describe('photo queue', () => {
  it('in a burst of 12, runs 2 at a time, lets 3 wait, refuses the rest, and finishes every one it took', async () => {
    const runQueued = createPhotoQueue({ concurrent: 2, waiting: 3 });
    const input = await images.plainJpeg(1200, 900);
    let running = 0;
    let mostAtOnce = 0;
    const task = async () => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      try {
        return await processPhoto(input);
      } finally {
        running -= 1;
      }
    };

    const results = await Promise.allSettled(Array.from({ length: 12 }, () => runQueued(task)));

    expect(mostAtOnce).toBe(2);
    const done = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(done).toHaveLength(5);
    for (const photo of done) expect(photo.image.width).toBe(IMAGE_LONG_SIDE);
    expect(refused).toHaveLength(7);
    for (const error of refused) {
      expect(error).toBeInstanceOf(PhotoQueueFull);
      expect((error as PhotoQueueFull).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
    // Drained, it takes work again.
    await expect(runQueued(task)).resolves.toMatchObject({ image: { width: IMAGE_LONG_SIDE } });
  });

  it('passes a freed slot to the next in line, so a newcomer waits its turn', async () => {
    const runQueued = createPhotoQueue({ concurrent: 1, waiting: 5 });
    const started: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    let newcomer: Promise<void> | undefined;
    const task = (name: string, onStart?: () => void) => async () => {
      started.push(name);
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      onStart?.();
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    };
    // D arrives just as B is handed the slot A freed, with C still in line.
    const joinAsBStarts = () => {
      newcomer = runQueued(task('D'));
    };
    await Promise.all([runQueued(task('A')), runQueued(task('B', joinAsBStarts)), runQueued(task('C'))]);
    await newcomer;
    expect(started).toEqual(['A', 'B', 'C', 'D']);
    expect(mostAtOnce).toBe(1);
  });

  it('gives the slot back when a photo is refused', async () => {
    const runQueued = createPhotoQueue({ concurrent: 1, waiting: 0 });
    await expect(runQueued(() => processPhoto(images.NOT_IMAGES.text))).rejects.toBeInstanceOf(PhotoRejected);
    await expect(runQueued(async () => 'ran')).resolves.toBe('ran');
  });

  it('processPhotoQueued processes a photo', async () => {
    const photo = await processPhotoQueued(await images.plainJpeg(640, 480), { shape: 'square' });
    expect([photo.image.width, photo.image.height]).toEqual([THUMBNAIL_SIZE, THUMBNAIL_SIZE]);
  });
});
