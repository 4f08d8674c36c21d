// A photo as the app keeps it, made with sharp (libvips): the upload is sniffed, its size read from
// its header before anything is decoded (so a small file claiming a huge picture is refused
// without the memory to decode it), then decoded, turned upright by its EXIF orientation and
// re-encoded without any metadata (no GPS position, no camera serial) at most 2,048 px a side,
// with a 320 px WebP thumbnail. Nothing the merchant added reaches the screen undecoded.
import sharp, { type Metadata } from 'sharp';
import { ApiError } from '../../common/api/errors';
import { sniff } from '../../common/sniff';

// libvips keeps recent operations for reuse; a photo is processed once, so keep nothing
sharp.cache(false);

/** the most pixels a photo may have (a 50-megapixel camera's) */
export const MAX_PIXELS = 50_000_000;
const MAX_SIDE = 2048;
const THUMB_SIDE = 320;

export interface PreparedImage {
  bytes: Buffer;
  mime: string;
  width: number;
  height: number;
  thumb: Buffer;
}

const READABLE: Record<string, 'jpeg' | 'png' | 'webp'> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  // kept as PNG (the first frame) and JPEG: what a photo needs
  'image/gif': 'png',
  'image/avif': 'jpeg',
};

export async function prepareImage(input: Buffer, field = 'base64'): Promise<PreparedImage> {
  const kind = sniff(input);
  if (!kind.image) throw ApiError.field(field, `is not a photo: the file is ${describe(kind.mime)}. Add a JPEG, PNG, WebP, GIF or AVIF image`);
  if (kind.mime === 'image/heic') throw ApiError.field(field, 'is a HEIC photo, which this machine cannot read: export it as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible)');
  const out = READABLE[kind.mime];
  if (!out) throw ApiError.field(field, `is ${describe(kind.mime)}, which the app does not keep as a photo: add a JPEG, PNG, WebP, GIF or AVIF image`);
  const options = { limitInputPixels: MAX_PIXELS, failOn: 'error' as const, sequentialRead: true };
  let meta: Metadata;
  try {
    // the header only: nothing is decoded yet, whatever size the picture claims
    meta = await sharp(input, { ...options, limitInputPixels: false }).metadata();
  } catch (e) {
    throw ApiError.field(field, `cannot be read as an image (${(e as Error).message})`);
  }
  const { width = 0, height = 0 } = meta;
  if (!width || !height) throw ApiError.field(field, 'cannot be read as an image (no size in its header)');
  if (width * height > MAX_PIXELS) throw ApiError.field(field, `is ${width} × ${height} pixels: at most ${MAX_PIXELS / 1_000_000} megapixels`);
  try {
    const upright = sharp(input, options).rotate().resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    const encoded = out === 'jpeg' ? upright.jpeg({ quality: 88 }) : out === 'png' ? upright.png() : upright.webp({ quality: 88 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    const thumb = await sharp(data).resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside', withoutEnlargement: true }).webp({ quality: 78 }).toBuffer();
    return { bytes: data, mime: `image/${out}`, width: info.width, height: info.height, thumb };
  } catch (e) {
    throw ApiError.field(field, `cannot be read as an image (${(e as Error).message})`);
  }
}

function describe(mime: string): string {
  const names: Record<string, string> = {
    'application/pdf': 'a PDF',
    'application/zip': 'a ZIP archive (or an Office document)',
    'text/plain': 'text',
    'image/tiff': 'a TIFF image',
    'video/mp4': 'a video',
    'application/x-msdownload': 'a program',
  };
  return names[mime] ?? 'not a kind of file the app knows';
}
