import type { ObjectStorage } from './object-storage';

/** A whole (small) object as text: job inputs, progress and results. Throws NotFoundError when it is not there. */
export async function readObjectText(storage: ObjectStorage, key: string): Promise<string> {
  const { body } = await storage.get(key);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}
