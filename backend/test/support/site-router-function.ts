import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

// The CloudFront Function of the sites distribution (ecs/functions/site-router.js), run as
// CloudFront runs it: the file's own source, its `cloudfront` import bound to a
// KeyValueStore backed by a Map, in a bare context with no Node APIs (cloudfront-js-2.0
// has none).

const SOURCE_FILE = path.resolve(__dirname, '../../../ecs/functions/site-router.js');
const IMPORT = "import cf from 'cloudfront';";

export type ViewerRequestHandler = (event: unknown) => Promise<Record<string, unknown>>;

export function loadSiteRouter(store: Map<string, string>): ViewerRequestHandler {
  const source = readFileSync(SOURCE_FILE, 'utf8');
  if (source.split(IMPORT).length !== 2) throw new Error(`${SOURCE_FILE} must import the KeyValueStore module exactly once as: ${IMPORT}`);
  const cloudfront = {
    kvs: () => ({
      async get(key: string) {
        if (!store.has(key)) throw new Error(`Key ${key} not found`);
        return store.get(key);
      },
    }),
  };
  return vm.runInNewContext(`${source.replace(IMPORT, 'const cf = __cloudfront;')}\nhandler;`, { __cloudfront: cloudfront }) as ViewerRequestHandler;
}

/** A viewer-request event for `uri`, as CloudFront hands it to the function. */
export function viewerRequest(uri: string) {
  return {
    version: '1.0',
    context: { eventType: 'viewer-request' },
    viewer: { ip: '192.0.2.1' },
    request: { method: 'GET', uri, querystring: {}, headers: { host: { value: 'sites.example.com' } }, cookies: {} },
  };
}
