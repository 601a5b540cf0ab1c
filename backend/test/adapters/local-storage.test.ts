import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { LocalFolderStorage } from '@r2w/storage';
import { describeObjectStorageContract, expectAppError, readAll } from './storage.contract';

async function tempRoot(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'r2w-storage-'));
}

/** Every file under the root, relative and '/'-separated: what is really on disk. */
async function filesOnDisk(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describeObjectStorageContract('LocalFolderStorage', async () => {
  const root = await tempRoot();
  return { storage: new LocalFolderStorage({ root }), cleanup: () => rm(root, { recursive: true, force: true }) };
});

describe('LocalFolderStorage', () => {
  let root: string;
  let storage: LocalFolderStorage;

  beforeEach(async () => {
    root = await tempRoot();
    storage = new LocalFolderStorage({ root });
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('keeps each object as a plain file under objects/ and its content type beside it under meta/', async () => {
    await storage.put('uploads/u1/cv.pdf', 'pdf bytes', { contentType: 'application/pdf' });
    expect(await filesOnDisk(root)).toEqual(['meta/uploads/u1/cv.pdf', 'objects/uploads/u1/cv.pdf']);
    expect(await readFile(path.join(root, 'objects/uploads/u1/cv.pdf'), 'utf8')).toBe('pdf bytes');
  });

  it('lists content types, and never sidecars or temporary files', async () => {
    await storage.put('a/page.html', '<p>', { contentType: 'text/html' });
    await storage.put('a/raw', 'bytes');
    await writeFile(path.join(root, 'tmp', 'leftover-from-a-crash'), 'junk');
    expect(await storage.list('')).toEqual([
      { key: 'a/page.html', size: 3, contentType: 'text/html', lastModified: expect.any(Date) },
      { key: 'a/raw', size: 5, contentType: 'application/octet-stream', lastModified: expect.any(Date) },
    ]);
  });

  it('shows nothing of a write in progress, then the whole object at once', async () => {
    const body = new PassThrough();
    const putting = storage.put('cv/slow.bin', body, { contentType: 'application/pdf' });
    body.write(Buffer.alloc(100_000, 1));
    await waitUntil(async () => (await filesOnDisk(root)).some((f) => f.startsWith('tmp/')));

    expect(await storage.head('cv/slow.bin')).toBeNull();
    expect(await storage.list('')).toEqual([]);
    await expectAppError(storage.get('cv/slow.bin'), 'NOT_FOUND', 404);

    body.end(Buffer.alloc(50_000, 2));
    await expect(putting).resolves.toEqual({ key: 'cv/slow.bin', size: 150_000, contentType: 'application/pdf' });
    expect(await storage.head('cv/slow.bin')).toEqual({ key: 'cv/slow.bin', size: 150_000, contentType: 'application/pdf' });
    expect(await filesOnDisk(root)).toEqual(['meta/cv/slow.bin', 'objects/cv/slow.bin']);
  });

  it('leaves no file and no temporary litter when the body breaks mid-way, and keeps the previous object', async () => {
    await storage.put('cv/original.pdf', 'previous', { contentType: 'application/pdf' });
    const body = new PassThrough();
    const putting = storage.put('cv/original.pdf', body, { contentType: 'text/plain' });
    body.write(Buffer.alloc(200_000, 7));
    await waitUntil(async () => (await filesOnDisk(root)).some((f) => f.startsWith('tmp/')));
    body.destroy(new Error('client went away'));

    await expect(putting).rejects.toThrow('client went away');
    expect(await filesOnDisk(root)).toEqual(['meta/cv/original.pdf', 'objects/cv/original.pdf']);
    expect(await storage.head('cv/original.pdf')).toEqual({ key: 'cv/original.pdf', size: 8, contentType: 'application/pdf' });
    expect((await readAll((await storage.get('cv/original.pdf')).body)).toString()).toBe('previous');
  });

  it('fails a write whose body closes before its end, leaving nothing', async () => {
    const body = new PassThrough();
    const putting = storage.put('cv/cut.pdf', body);
    body.write('partial');
    body.destroy();
    await expect(putting).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
    expect(await filesOnDisk(root)).toEqual([]);
  });

  it('leaves no temporary file behind when maxBytes refuses a body', async () => {
    await expectAppError(storage.put('cv/big.pdf', Buffer.alloc(2_000), { maxBytes: 1_000 }), 'PAYLOAD_TOO_LARGE', 413);
    expect(await filesOnDisk(root)).toEqual([]);
  });

  it('removes the folders deletePrefix empties, in both trees, and keeps the rest', async () => {
    await storage.put('cv/1/a/b/deep.txt', 'x');
    await storage.put('cv/1/top.txt', 'x');
    await storage.put('cv/2/other.txt', 'x');
    await expect(storage.deletePrefix('cv/1/')).resolves.toBe(2);
    expect(await readdir(path.join(root, 'objects/cv'))).toEqual(['2']);
    expect(await readdir(path.join(root, 'meta/cv'))).toEqual(['2']);
    await storage.delete('cv/2/other.txt');
    expect(await readdir(path.join(root, 'objects'))).toEqual([]);
    expect(await readdir(path.join(root, 'meta'))).toEqual([]);
  });

  it('refuses a key that would be both a file and a folder on disk, with CONFLICT', async () => {
    await storage.put('cv/a', 'file');
    await storage.put('cv/b/inner', 'file in folder');
    await expectAppError(storage.put('cv/a/b', 'x'), 'CONFLICT', 409);
    await expectAppError(storage.put('cv/b', 'x'), 'CONFLICT', 409);
    expect((await readAll((await storage.get('cv/a')).body)).toString()).toBe('file');
    expect(await filesOnDisk(root)).toEqual(['meta/cv/a', 'meta/cv/b/inner', 'objects/cv/a', 'objects/cv/b/inner']);
  });

  it('ping creates a missing root and fails when the root cannot be a folder', async () => {
    const missing = new LocalFolderStorage({ root: path.join(root, 'not', 'yet') });
    await missing.ping();
    expect((await readdir(path.join(root, 'not', 'yet'))).sort()).toEqual(['objects', 'tmp']);

    await writeFile(path.join(root, 'a-file'), 'x');
    await expect(new LocalFolderStorage({ root: path.join(root, 'a-file') }).ping()).rejects.toMatchObject({ code: expect.stringMatching(/^(ENOTDIR|EEXIST)$/) });
  });
});
