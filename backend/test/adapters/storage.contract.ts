import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ObjectStorage } from '@r2w/storage';
import { AppError } from '@r2w/cv-schema';

// The behaviour every ObjectStorage must share, run against each implementation by its own
// test file. Anything one backend cannot promise (content types in list, presigned URLs)
// is checked there instead.

export interface StorageUnderTest {
  storage: ObjectStorage;
  cleanup(): Promise<void>;
}

export async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Random bytes produced lazily, so a test can tell how far the storage read. Infinity never ends. */
export function generatedStream(totalBytes: number, chunkBytes = 64 * 1024) {
  const hash = createHash('sha256');
  let produced = 0;
  async function* chunks() {
    while (produced < totalBytes) {
      const chunk = randomBytes(Math.min(chunkBytes, totalBytes - produced));
      produced += chunk.length;
      hash.update(chunk);
      yield chunk;
    }
  }
  // Byte mode, so the stream's own read-ahead is a few KiB rather than 16 whole chunks.
  return { stream: Readable.from(chunks(), { objectMode: false }), produced: () => produced, sha256: () => hash.digest('hex') };
}

export async function expectAppError(promise: Promise<unknown>, code: string, status: number): Promise<AppError> {
  const err = await promise.then(
    () => {
      throw new Error(`expected an AppError ${code}, but the call succeeded`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect(err).toMatchObject({ code, status });
  return err as AppError;
}

export const UNSAFE_KEYS = ['', '/etc/passwd', '../escape', 'a/../../b', 'a/..', './a', 'a/./b', 'a//b', 'a/', 'a\\b', 'a\u0000b', 'a\nb', `${'x'.repeat(256)}/y`];

export function describeObjectStorageContract(name: string, makeStorage: () => Promise<StorageUnderTest>): void {
  describe(`ObjectStorage contract: ${name}`, () => {
    let storage: ObjectStorage;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ storage, cleanup } = await makeStorage());
    });

    afterEach(async () => {
      await cleanup();
    });

    async function contentOf(key: string): Promise<Buffer> {
      return readAll((await storage.get(key)).body);
    }

    it('round-trips a Buffer and reports what it stored', async () => {
      const data = randomBytes(10_000);
      await expect(storage.put('uploads/u1/cv1/original.pdf', data, { contentType: 'application/pdf' })).resolves.toEqual({
        key: 'uploads/u1/cv1/original.pdf',
        size: 10_000,
        contentType: 'application/pdf',
      });
      const { body, object } = await storage.get('uploads/u1/cv1/original.pdf');
      expect(object).toEqual({ key: 'uploads/u1/cv1/original.pdf', size: 10_000, contentType: 'application/pdf' });
      expect((await readAll(body)).equals(data)).toBe(true);
    });

    it('round-trips a string as UTF-8 and sizes it in bytes', async () => {
      const text = 'Résumé — 履歴書 ✓';
      const stored = await storage.put('notes/cv.txt', text, { contentType: 'text/plain; charset=utf-8' });
      expect(stored.size).toBe(Buffer.byteLength(text));
      expect((await contentOf('notes/cv.txt')).toString('utf8')).toBe(text);
    });

    it('round-trips a multi-megabyte stream of unknown length byte for byte', async () => {
      // Over 5 MiB and not a multiple of it, so S3 takes the multipart path with a short last part.
      const size = 6 * 1024 * 1024 + 123;
      const source = generatedStream(size);
      const stored = await storage.put('big/blob.bin', source.stream);
      expect(stored.size).toBe(size);
      const back = await contentOf('big/blob.bin');
      expect(back.length).toBe(size);
      expect(sha256(back)).toBe(source.sha256());
    });

    it('keeps the content type, and defaults it to application/octet-stream', async () => {
      await storage.put('typed.html', '<p>hi</p>', { contentType: 'text/html; charset=utf-8' });
      await storage.put('untyped', 'bytes');
      expect(await storage.head('typed.html')).toEqual({ key: 'typed.html', size: 9, contentType: 'text/html; charset=utf-8' });
      expect(await storage.head('untyped')).toEqual({ key: 'untyped', size: 5, contentType: 'application/octet-stream' });
      const { body, object } = await storage.get('typed.html');
      body.destroy();
      expect(object.contentType).toBe('text/html; charset=utf-8');
    });

    it('keeps the Cache-Control an object was stored with, and reports none for one stored without', async () => {
      const immutable = 'public, max-age=31536000, immutable';
      await storage.put('site/fonts/a.woff2', Buffer.from('wOF2'), { contentType: 'font/woff2', cacheControl: immutable });
      await storage.put('site/index.html', '<p>', { contentType: 'text/html' });
      expect(await storage.head('site/fonts/a.woff2')).toEqual({ key: 'site/fonts/a.woff2', size: 4, contentType: 'font/woff2', cacheControl: immutable });
      const { body, object } = await storage.get('site/fonts/a.woff2');
      body.destroy();
      expect(object.cacheControl).toBe(immutable);
      expect((await storage.head('site/index.html'))?.cacheControl).toBeUndefined();
    });

    it('overwrites an object, content type included', async () => {
      await storage.put('site/index.html', 'first version', { contentType: 'text/html' });
      await storage.put('site/index.html', '{"second":true}', { contentType: 'application/json' });
      expect(await storage.head('site/index.html')).toEqual({ key: 'site/index.html', size: 15, contentType: 'application/json' });
      expect((await contentOf('site/index.html')).toString()).toBe('{"second":true}');
    });

    it('heads a missing key, or a folder of other keys, as null', async () => {
      await storage.put('folder/inside.txt', 'x');
      expect(await storage.head('missing.txt')).toBeNull();
      expect(await storage.head('folder')).toBeNull();
      expect(await storage.head('folder/inside.txt/deeper')).toBeNull();
    });

    it('gets a missing key as NotFoundError (NOT_FOUND, 404)', async () => {
      await storage.put('folder/inside.txt', 'x');
      const err = await expectAppError(storage.get('missing.txt'), 'NOT_FOUND', 404);
      expect(err.name).toBe('NotFoundError');
      await expectAppError(storage.get('folder'), 'NOT_FOUND', 404);
    });

    it('deletes an object, and deleting a missing one is not an error', async () => {
      await storage.put('gone.txt', 'x');
      await storage.put('folder/kept.txt', 'y');
      await storage.delete('gone.txt');
      await expect(storage.delete('gone.txt')).resolves.toBeUndefined();
      await expect(storage.delete('never/was.txt')).resolves.toBeUndefined();
      await expect(storage.delete('folder')).resolves.toBeUndefined();
      expect(await storage.head('gone.txt')).toBeNull();
      await expectAppError(storage.get('gone.txt'), 'NOT_FOUND', 404);
      expect(await storage.head('folder/kept.txt')).not.toBeNull();
    });

    it('deletes everything under a prefix and nothing beside it', async () => {
      for (const key of ['cv/1/a.pdf', 'cv/1/b.json', 'cv/1/sub/c.png', 'cv/10/d.pdf', 'cv/2/e.pdf', 'cv1.txt']) {
        await storage.put(key, key);
      }
      await expect(storage.deletePrefix('cv/1/')).resolves.toBe(3);
      expect((await storage.list('')).map((o) => o.key)).toEqual(['cv/10/d.pdf', 'cv/2/e.pdf', 'cv1.txt']);
      await expect(storage.deletePrefix('cv/1/')).resolves.toBe(0);
      await expect(storage.deletePrefix('nothing/here/')).resolves.toBe(0);
    });

    it('refuses to delete with an empty prefix', async () => {
      await storage.put('precious.txt', 'x');
      await expectAppError(storage.deletePrefix(''), 'VALIDATION_FAILED', 400);
      expect(await storage.head('precious.txt')).not.toBeNull();
    });

    it('lists keys with sizes, in byte order, matching the prefix as a string', async () => {
      await storage.put('cv/2/b.txt', 'bb');
      await storage.put('cv/1/a.txt', 'a');
      await storage.put('cv/1/sub/c.txt', 'ccc');
      await storage.put('cv/10/d.txt', 'dddd');
      await storage.put('other.txt', 'e');
      const shape = (objects: { key: string; size: number }[]) => objects.map(({ key, size }) => ({ key, size }));
      // Sweeps leave objects younger than their retention alone: the listing says when each was written.
      for (const object of await storage.list('cv/')) expect(object.lastModified?.getTime()).toEqual(expect.any(Number));
      expect(shape(await storage.list('cv/1/'))).toEqual([
        { key: 'cv/1/a.txt', size: 1 },
        { key: 'cv/1/sub/c.txt', size: 3 },
      ]);
      expect(shape(await storage.list('cv/1'))).toEqual([
        { key: 'cv/1/a.txt', size: 1 },
        { key: 'cv/1/sub/c.txt', size: 3 },
        { key: 'cv/10/d.txt', size: 4 },
      ]);
      expect((await storage.list('')).map((o) => o.key)).toEqual(['cv/1/a.txt', 'cv/1/sub/c.txt', 'cv/10/d.txt', 'cv/2/b.txt', 'other.txt']);
      expect(await storage.list('nothing/')).toEqual([]);
    });

    it('stores a body of exactly maxBytes', async () => {
      await expect(storage.put('limit/exact.bin', randomBytes(1000), { maxBytes: 1000 })).resolves.toMatchObject({ size: 1000 });
      await expect(storage.put('limit/exact-stream.bin', generatedStream(1000, 100).stream, { maxBytes: 1000 })).resolves.toMatchObject({ size: 1000 });
    });

    it('refuses a body over maxBytes, stores nothing and keeps the previous object', async () => {
      const previous = randomBytes(500);
      await storage.put('limit/cv.pdf', previous, { contentType: 'application/pdf' });

      await expectAppError(storage.put('limit/cv.pdf', randomBytes(1001), { maxBytes: 1000, contentType: 'text/plain' }), 'PAYLOAD_TOO_LARGE', 413);
      await expectAppError(storage.put('limit/cv.pdf', generatedStream(1001, 100).stream, { maxBytes: 1000 }), 'PAYLOAD_TOO_LARGE', 413);
      await expectAppError(storage.put('limit/new.pdf', 'x'.repeat(1001), { maxBytes: 1000 }), 'PAYLOAD_TOO_LARGE', 413);

      expect(await storage.head('limit/cv.pdf')).toEqual({ key: 'limit/cv.pdf', size: 500, contentType: 'application/pdf' });
      expect((await contentOf('limit/cv.pdf')).equals(previous)).toBe(true);
      expect(await storage.head('limit/new.pdf')).toBeNull();
      expect((await storage.list('limit/')).map((o) => o.key)).toEqual(['limit/cv.pdf']);
    });

    it('stops reading an endless body soon after maxBytes instead of buffering it', async () => {
      const maxBytes = 1024 * 1024;
      const endless = generatedStream(Infinity);
      await expectAppError(storage.put('limit/endless.bin', endless.stream, { maxBytes }), 'PAYLOAD_TOO_LARGE', 413);
      endless.stream.destroy();
      // Only the streams' own buffers beyond the limit, nowhere near the whole (infinite) body.
      expect(endless.produced()).toBeLessThan(maxBytes + 512 * 1024);
      expect(await storage.head('limit/endless.bin')).toBeNull();
    });

    it.each(UNSAFE_KEYS.map((key) => [key.length > 40 ? `a ${key.length}-character key` : JSON.stringify(key), key]))('refuses the unsafe key %s everywhere', async (_label, key) => {
      await expectAppError(storage.put(key, 'x'), 'VALIDATION_FAILED', 400);
      await expectAppError(storage.get(key), 'VALIDATION_FAILED', 400);
      await expectAppError(storage.head(key), 'VALIDATION_FAILED', 400);
      await expectAppError(storage.delete(key), 'VALIDATION_FAILED', 400);
    });

    it('refuses unsafe prefixes', async () => {
      for (const prefix of ['../', '/abs/', 'a/../', 'a\\b/', 'a//']) {
        await expectAppError(storage.list(prefix), 'VALIDATION_FAILED', 400);
        await expectAppError(storage.deletePrefix(prefix), 'VALIDATION_FAILED', 400);
      }
    });

    it('accepts keys with spaces, punctuation and Unicode', async () => {
      const key = "uploads/Jane Doe's files/Résumé – 履歴書 🎓 (final) #2 +100%.pdf";
      await storage.put(key, 'pdf bytes', { contentType: 'application/pdf' });
      expect(await storage.head(key)).toEqual({ key, size: 9, contentType: 'application/pdf' });
      expect((await contentOf(key)).toString()).toBe('pdf bytes');
      expect((await storage.list('uploads/Jane Doe')).map((o) => o.key)).toEqual([key]);
      await expect(storage.deletePrefix("uploads/Jane Doe's files/")).resolves.toBe(1);
      expect(await storage.head(key)).toBeNull();
    });

    it('answers ping', async () => {
      await expect(storage.ping()).resolves.toBeUndefined();
    });
  });
}
