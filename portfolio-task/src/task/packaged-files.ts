import { readFile } from 'node:fs/promises';
import type { PackagedFile } from '../render/render-site';

/**
 * The bytes of a file a site copies from an npm package (its fonts and their licences),
 * found as Node finds the package: in node_modules when run from source, and in the image
 * from the copies the bundle step puts in node_modules beside the bundle
 * (scripts/bundle-builder.ts), the only node_modules the image has.
 */
export function readPackagedFile(file: PackagedFile): Promise<Buffer> {
  return readFile(require.resolve(`${file.package}/${file.file}`));
}
