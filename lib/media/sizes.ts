// The renditions' sizes, for the pipeline that makes them and the pages that pick one (no sharp
// here: client components import it).

/** Instagram's range for a post's width ÷ height: from 4:5 portrait to 1.91:1 landscape. */
export const NARROWEST_POST = 4 / 5;
export const WIDEST_POST = 1.91;

/** The large rendition's long side, in pixels; smaller photos are never upscaled. */
export const IMAGE_LONG_SIDE = 1080;
/** The middle rendition's width: what a 470 px feed column needs on a screen of density 1. */
export const MEDIUM_WIDTH = 640;
/** The small rendition, for grids and narrow screens. */
export const THUMBNAIL_SIZE = 320;

/** The middle rendition of a width × height image: the same crop, MEDIUM_WIDTH wide, never wider than the image. */
export function mediumSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, MEDIUM_WIDTH / width);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/**
 * The small rendition of a width × height image: the same crop, its short side THUMBNAIL_SIZE
 * (so it covers a square grid cell of that size, and serves as the narrow candidate of the
 * large one's srcset), never bigger than the image.
 */
export function thumbnailSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, THUMBNAIL_SIZE / Math.min(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
