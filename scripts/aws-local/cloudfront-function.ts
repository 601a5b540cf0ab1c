import vm from 'node:vm';

// Runs a CloudFront Function's source as CloudFront runs it: in a bare context with no Node
// APIs (cloudfront-js-2.0 has none), its `cloudfront` import bound to a KeyValueStore backed
// by a Map.

const IMPORT = "import cf from 'cloudfront';";

export type ViewerRequestHandler = (event: unknown) => Promise<Record<string, unknown>>;

export function loadFunction(source: string, store: Map<string, string> = new Map()): ViewerRequestHandler {
  const imports = source.split(IMPORT).length - 1;
  if (imports > 1) throw new Error(`A function must import the KeyValueStore module at most once as: ${IMPORT}`);
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

export function viewerRequest(uri: string, host = 'sites.example.com') {
  return {
    version: '1.0',
    context: { eventType: 'viewer-request' },
    viewer: { ip: '192.0.2.1' },
    request: { method: 'GET', uri, querystring: {}, headers: { host: { value: host } }, cookies: {} },
  };
}
