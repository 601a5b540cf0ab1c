import { AppError } from '@r2w/cv-schema';
import type { PhotoCrop } from '@r2w/cv-schema/api';
import sharp from 'sharp';

// A profile photo as the product keeps it: the owner's crop of what they uploaded, upright,
// square, PHOTO_SIZE pixels a side, re-encoded as JPEG without any of the upload's metadata
// (EXIF GPS position, camera serial, embedded thumbnails): only the pixels are kept.

export const PHOTO_SIZE = 512;
export const PHOTO_CONTENT_TYPE = 'image/jpeg';
/** The upload's size limit: a phone camera's full-size JPEG fits. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
// A decompression bomb is a small file of a huge image: refuse before decoding it.
const MAX_PHOTO_PIXELS = 50_000_000;
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp']);

const notAnImage = () => new AppError('UNSUPPORTED_MEDIA_TYPE', 'This file is not a JPEG, PNG or WebP image. Choose a photo in one of those formats.');

/** The image's size as a viewer shows it, its EXIF orientation applied (what the crop is measured on). */
async function uprightSize(bytes: Buffer): Promise<{ width: number; height: number }> {
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw notAnImage();
  }
  if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format)) throw notAnImage();
  if (metadata.width * metadata.height > MAX_PHOTO_PIXELS) {
    throw new AppError('PAYLOAD_TOO_LARGE', `This photo has more than ${MAX_PHOTO_PIXELS / 1e6} million pixels. Choose a smaller one.`);
  }
  return metadata.autoOrient;
}

/** The largest centred square: what a photo without a crop shows. */
function centredSquare({ width, height }: { width: number; height: number }): PhotoCrop {
  const side = Math.min(width, height);
  return { x: Math.floor((width - side) / 2), y: Math.floor((height - side) / 2), width: side, height: side };
}

/**
 * The stored photo made from an upload and the owner's crop (pixels of the upright image;
 * absent, the centred square). Refuses with an AppError what is not a JPEG, PNG or WebP
 * image, too many pixels, or a crop outside the image.
 */
export async function makeProfilePhoto(bytes: Buffer, crop?: PhotoCrop): Promise<Buffer> {
  if (bytes.length === 0) throw new AppError('FILE_EMPTY', 'The photo is empty. Choose the photo again.');
  const size = await uprightSize(bytes);
  const area = crop ?? centredSquare(size);
  if (area.x + area.width > size.width || area.y + area.height > size.height) {
    throw new AppError('VALIDATION_FAILED', `The crop reaches outside the ${size.width}×${size.height} photo.`, [{ path: 'crop', message: 'is outside the photo' }]);
  }
  try {
    return await sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' })
      .autoOrient()
      .extract({ left: area.x, top: area.y, width: area.width, height: area.height })
      .resize(PHOTO_SIZE, PHOTO_SIZE, { fit: 'cover' })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer();
  } catch {
    // The header was readable but the pixels are not (a truncated or corrupt file).
    throw new AppError('UNPROCESSABLE', 'This photo could not be read; it may be damaged. Choose another one.');
  }
}
