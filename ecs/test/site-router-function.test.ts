import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadFunction, viewerRequest } from '../../scripts/aws-local/cloudfront-function';

// The sites' viewer-request function as the file stands (BASE_PATH ''): a distribution of
// its own serving the sites at its root. cdn.test.ts runs the variant the stack deploys.

const SOURCE_FILE = path.resolve(__dirname, '../functions/site-router.js');
const BUILD = 'sites/0b6a2f4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a/';

describe('site-router CloudFront Function', () => {
  const store = new Map([
    ['jane-doe', BUILD],
    ['staged', `staging/${BUILD}`],
    ['tampered', 'uploads/someone/cv/'],
  ]);
  const handler = loadFunction(readFileSync(SOURCE_FILE, 'utf8'), store);
  const uriFor = async (uri: string) => (await handler(viewerRequest(uri))).uri;
  const statusOf = async (uri: string) => (await handler(viewerRequest(uri))).statusCode;

  it('rewrites a published slug to its build in S3', async () => {
    const result = await handler(viewerRequest('/jane-doe/about.html'));
    expect(result).toMatchObject({ method: 'GET', uri: `/${BUILD}about.html`, headers: { host: { value: 'sites.example.com' } } });
    expect(await uriFor('/staged/styles/site.css')).toBe(`/staging/${BUILD}styles/site.css`);
  });

  it('serves index.html for folder paths', async () => {
    expect(await uriFor('/jane-doe/')).toBe(`/${BUILD}index.html`);
    expect(await uriFor('/jane-doe/projects/')).toBe(`/${BUILD}projects/index.html`);
  });

  it('redirects the slug without its slash', async () => {
    const result = await handler(viewerRequest('/jane-doe'));
    expect(result.statusCode).toBe(301);
    expect(result.headers).toEqual({ location: { value: '/jane-doe/' } });
  });

  it('answers 404 for an unknown slug, an unsafe slug, the root and a value that is not a build', async () => {
    for (const uri of ['/nobody/', '/nobody', '/', '/Jane-Doe/', '/jane_doe/', `/${'a'.repeat(51)}/`, '/tampered/', '/tampered/original.pdf']) {
      const result = await handler(viewerRequest(uri));
      expect([uri, result.statusCode]).toEqual([uri, 404]);
      expect(result.headers).toMatchObject({ 'cache-control': { value: 'no-store' } });
    }
  });

  it('refuses paths that could climb out of the build folder', async () => {
    for (const uri of [
      '/jane-doe/../other/index.html',
      '/jane-doe/a/../../x',
      '/jane-doe/./index.html',
      '/jane-doe/%2e%2e/x',
      '/jane-doe/..%2fx',
      '/jane-doe/..%2Fx',
      '/jane-doe/a%5c..%5cx',
      '/jane-doe/a\\..\\x',
      '/jane-doe//index.html',
      '/jane-doe/index.html%00.png',
    ]) {
      expect([uri, await statusOf(uri)]).toEqual([uri, 404]);
    }
  });

  it('answers a browser with an HTML page and an API client with the API error shape', async () => {
    type Answer = { statusCode: number; headers: Record<string, { value: string }>; body: { data: string } };
    const answer = async (uri: string, accept?: string): Promise<Answer> => {
      const event = viewerRequest(uri);
      const headers = accept === undefined ? event.request.headers : { ...event.request.headers, accept: { value: accept } };
      return (await handler({ ...event, request: { ...event.request, headers } })) as Answer;
    };
    const page = await answer('/nobody/', 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toEqual({ value: 'text/html; charset=utf-8' });
    expect(page.headers.vary).toEqual({ value: 'Accept' });
    expect(page.body.data).toContain('There is no published site at this address.');
    expect(page.body.data).toContain('<meta name="robots" content="noindex">');
    for (const accept of ['application/json', 'application/json, text/html;q=0.5', '*/*']) {
      const api = await answer('/nobody/', accept);
      expect([accept, api.statusCode, api.headers['content-type']]).toEqual([accept, 404, { value: 'application/json; charset=utf-8' }]);
      expect(JSON.parse(api.body.data)).toEqual({ error: { code: 'NOT_FOUND', message: 'There is no published site at this address.' } });
    }
    // No Accept header at all: an API client.
    expect(JSON.parse((await answer('/tampered/')).body.data).error.code).toBe('NOT_FOUND');
  });
});
