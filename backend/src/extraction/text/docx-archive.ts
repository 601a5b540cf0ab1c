import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { ExtractionError } from '../errors';
import { writeZip, type ZipRecord } from './zip-writer';

/** What a DOCX may unpack to. A CV with photos is a few MB; these leave room for big ones. */
export const DOCX_LIMITS = {
  maxEntries: 2_000,
  maxTotalBytes: 60 * 1024 * 1024,
  maxRatio: 200,
  // Small members compress far better than 200:1 when they are mostly markup, and cannot
  // hurt anyway, so the ratio is only checked above this size.
  ratioFloorBytes: 256 * 1024,
};

const MAIN_PART = 'word/document.xml';

/**
 * Checks that a zip is a DOCX that unpacks to a sane size and returns it re-packed with
 * every member stored uncompressed. The sizes the zip declares are checked first, then
 * every member is really inflated while counting, since declared sizes can lie. mammoth
 * then reads the re-packed copy, so its own zip reader (which may see a crafted archive
 * differently from yauzl) has nothing left to inflate.
 */
export async function unpackDocx(file: Buffer): Promise<Buffer> {
  const zip = await yauzl.fromBufferPromise(file, { lazyEntries: true, validateEntrySizes: false }).catch(rethrowAsCorrupt);
  try {
    if (zip.entryCount > DOCX_LIMITS.maxEntries) throw new ExtractionError('ARCHIVE_TOO_LARGE');
    const entries = await listEntries(zip);
    if (!entries.some((entry) => entry.fileName === MAIN_PART)) throw new ExtractionError('UNSUPPORTED_TYPE');
    const records: ZipRecord[] = [];
    let total = 0;
    for (const entry of entries) {
      const data = await inflate(zip, entry, DOCX_LIMITS.maxTotalBytes - total);
      total += data.length;
      records.push({ name: entry.fileName, method: 0, crc32: crc32(data), uncompressedSize: data.length, body: data });
    }
    return writeZip(records);
  } catch (error) {
    return rethrowAsCorrupt(error);
  } finally {
    zip.close();
  }
}

async function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  const entries: yauzl.Entry[] = [];
  let declared = 0;
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName.endsWith('/')) continue;
    declared += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (declared > DOCX_LIMITS.maxTotalBytes || (entry.uncompressedSize > DOCX_LIMITS.ratioFloorBytes && ratio > DOCX_LIMITS.maxRatio)) {
      throw new ExtractionError('ARCHIVE_TOO_LARGE');
    }
    entries.push(entry);
  }
  return entries;
}

/** The member's real content, given up as soon as it passes budget bytes. */
async function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of await zip.openReadStreamPromise(entry)) {
    size += (chunk as Buffer).length;
    if (size > budget) throw new ExtractionError('ARCHIVE_TOO_LARGE');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}

/** Anything yauzl or zlib throws means the zip is damaged; our own verdicts pass through. */
function rethrowAsCorrupt(error: unknown): never {
  throw error instanceof ExtractionError ? error : new ExtractionError('FILE_CORRUPT', true, { cause: error });
}
