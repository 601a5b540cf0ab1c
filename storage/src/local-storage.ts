import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@r2w/cv-schema';
import { assertSafeKey, assertSafePrefix, countedBody, DEFAULT_CONTENT_TYPE, objectNotFound } from './object-key';
import type { ObjectStorage, PutOptions, StoredObject } from './object-storage';

interface Sidecar {
  contentType: string;
  cacheControl?: string;
}

// Layout under the root:
//   objects/<key>  the bytes, so a key is a plain file anyone can open;
//   meta/<key>     a JSON sidecar with the content type, in a mirror tree so that no key
//                  can ever collide with a sidecar name;
//   tmp/           writes in progress, on the same filesystem so rename() publishes a
//                  finished file atomically.
export class LocalFolderStorage implements ObjectStorage {
  readonly kind = 'local';
  private readonly objectsDir: string;
  private readonly metaDir: string;
  private readonly tmpDir: string;

  constructor(options: { root: string }) {
    const root = path.resolve(options.root);
    this.objectsDir = path.join(root, 'objects');
    this.metaDir = path.join(root, 'meta');
    this.tmpDir = path.join(root, 'tmp');
  }

  async put(key: string, body: Readable | Buffer | string, options: PutOptions = {}): Promise<StoredObject> {
    assertSafeKey(key);
    const contentType = options.contentType ?? DEFAULT_CONTENT_TYPE;
    const { cacheControl } = options;
    await mkdir(this.tmpDir, { recursive: true });
    const tmpData = this.tempPath();
    const tmpMeta = this.tempPath();
    const counted = countedBody(body, options.maxBytes);
    try {
      await pipeline(counted, createWriteStream(tmpData, { flags: 'wx', flush: true }));
      await writeFile(tmpMeta, JSON.stringify({ contentType, cacheControl } satisfies Sidecar), { flag: 'wx' });
      // The data file is the commit point: its sidecar is already in place when it appears.
      await moveIntoPlace(tmpMeta, this.metaPath(key));
      await moveIntoPlace(tmpData, this.dataPath(key));
    } catch (err) {
      await Promise.all([rm(tmpData, { force: true }), rm(tmpMeta, { force: true })]);
      throw CLASH_CODES.has(errno(err) ?? '') ? new AppError('CONFLICT', 'In local storage a key cannot be both an object and a folder of other objects.', { key }, { cause: err }) : err;
    }
    return { key, size: counted.bytes, contentType, cacheControl };
  }

  async get(key: string): Promise<{ body: Readable; object: StoredObject }> {
    assertSafeKey(key);
    const handle = await open(this.dataPath(key), 'r').catch((err: unknown) => {
      throw isMissing(err) ? objectNotFound(key) : err;
    });
    try {
      // Sizing the open file, not the path, keeps size and bytes consistent if the key is overwritten meanwhile.
      const info = await handle.stat();
      if (!info.isFile()) throw objectNotFound(key);
      const object = { key, size: info.size, ...(await this.sidecarOf(key)) };
      return { body: handle.createReadStream(), object };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async head(key: string): Promise<StoredObject | null> {
    assertSafeKey(key);
    const object = await this.described(key);
    return object && { key, size: object.size, contentType: object.contentType, cacheControl: object.cacheControl };
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    await this.remove(key);
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertSafePrefix(prefix, { allowEmpty: false });
    const keys = await this.keysUnder(prefix);
    for (const key of keys) await this.remove(key);
    return keys.length;
  }

  async list(prefix: string): Promise<StoredObject[]> {
    assertSafePrefix(prefix, { allowEmpty: true });
    const objects: StoredObject[] = [];
    // One at a time: a large folder must not exhaust file descriptors.
    for (const key of await this.keysUnder(prefix)) {
      const object = await this.described(key);
      if (object) objects.push(object);
    }
    return objects;
  }

  async ping(): Promise<void> {
    await mkdir(this.objectsDir, { recursive: true });
    await mkdir(this.tmpDir, { recursive: true });
    const probe = this.tempPath();
    await writeFile(probe, '');
    await rm(probe);
  }

  /** What head() says, and (like S3's listing) when the object was written. */
  private async described(key: string): Promise<StoredObject | null> {
    const info = await stat(this.dataPath(key)).catch(unlessMissing(null));
    if (!info?.isFile()) return null;
    return { key, size: info.size, ...(await this.sidecarOf(key)), lastModified: new Date(info.mtimeMs) };
  }

  private dataPath(key: string): string {
    return path.join(this.objectsDir, key);
  }

  private metaPath(key: string): string {
    return path.join(this.metaDir, key);
  }

  private tempPath(): string {
    return path.join(this.tmpDir, randomUUID());
  }

  private async sidecarOf(key: string): Promise<Sidecar> {
    const text = await readFile(this.metaPath(key), 'utf8').catch(unlessMissing(null));
    const sidecar = text === null ? {} : (JSON.parse(text) as Partial<Sidecar>);
    return { contentType: sidecar.contentType ?? DEFAULT_CONTENT_TYPE, cacheControl: sidecar.cacheControl };
  }

  private async remove(key: string): Promise<void> {
    // The data file goes first: once it is gone the object is gone, whatever happens next.
    await removeFile(this.dataPath(key));
    await removeFile(this.metaPath(key));
    await removeEmptyFolders(path.dirname(this.dataPath(key)), this.objectsDir);
    await removeEmptyFolders(path.dirname(this.metaPath(key)), this.metaDir);
  }

  /** Keys starting with the prefix as a string (S3's rule: 'a/b' matches 'a/bc/d'), in S3's byte order. */
  private async keysUnder(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    const walk = async (folder: string): Promise<void> => {
      const entries = await readdir(path.join(this.objectsDir, folder), { withFileTypes: true }).catch(unlessMissing([]));
      for (const entry of entries) {
        const key = folder + entry.name;
        if (entry.isDirectory() && `${key}/`.startsWith(prefix)) await walk(`${key}/`);
        else if (entry.isFile() && key.startsWith(prefix)) keys.push(key);
      }
    };
    await walk(prefix.slice(0, prefix.lastIndexOf('/') + 1));
    return keys.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  }
}

// A file where a folder is needed, or the other way round: 'a' and 'a/b' cannot both exist on disk.
const CLASH_CODES = new Set(['EEXIST', 'ENOTDIR', 'EISDIR']);

function errno(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | null)?.code;
}

function isMissing(err: unknown): boolean {
  const code = errno(err);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function unlessMissing<T>(fallback: T): (err: unknown) => T {
  return (err) => {
    if (isMissing(err)) return fallback;
    throw err;
  };
}

/** Deleting 'a' while 'a/b' exists must leave the folder alone, as S3 would. */
async function removeFile(file: string): Promise<void> {
  const info = await lstat(file).catch(unlessMissing(null));
  if (info?.isFile()) await unlink(file).catch(unlessMissing(undefined));
}

async function removeEmptyFolders(from: string, root: string): Promise<void> {
  for (let folder = from; folder.startsWith(root + path.sep); folder = path.dirname(folder)) {
    try {
      await rmdir(folder);
    } catch (err) {
      if (errno(err) !== 'ENOENT') return; // not empty: everything above is in use too
    }
  }
}

/** A concurrent delete may prune the folder between mkdir and rename: make it again. */
async function moveIntoPlace(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await mkdir(path.dirname(to), { recursive: true });
    try {
      return await rename(from, to);
    } catch (err) {
      if (errno(err) !== 'ENOENT' || attempt === 3) throw err;
    }
  }
}
