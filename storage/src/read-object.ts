import type { ObjectStorage } from './object-storage';

/** A whole (small) object's bytes: job inputs, images made for a build. Throws NotFoundError when it is not there. */
export async function readObjectBytes(storage: ObjectStorage, key: string): Promise<Buffer> {
  const { body } = await storage.get(key);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

/** A whole (small) object as text: job inputs, progress and results. Throws NotFoundError when it is not there. */
export async function readObjectText(storage: ObjectStorage, key: string): Promise<string> {
  return (await readObjectBytes(storage, key)).toString('utf8');
}
