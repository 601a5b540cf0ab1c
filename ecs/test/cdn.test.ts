import { Match } from 'aws-cdk-lib/assertions';
import { SITE_CSP } from '@r2w/portfolio-task/site-csp';
import { API_PATHS, SITES_PATH } from '../src/cdn';
import { loadFunction, viewerRequest } from '../../scripts/aws-local/cloudfront-function';
import { resourceNamed, synthesizedTemplate } from './support/synthesized';

// The one distribution: SPA, API and previews (same origin), published sites through the
// site router and its KeyValueStore. The functions are run from the code in the template,
// which is what CloudFront runs.

const template = synthesizedTemplate();
const config = resourceNamed(template, 'AWS::CloudFront::Distribution', 'CdnDistribution').props.DistributionConfig;
const origins = config.Origins as Record<string, any>[];
const behaviors = config.CacheBehaviors as Record<string, any>[];
const behavior = (pattern: string) => behaviors.find((b) => b.PathPattern === pattern)!;
const originOf = (b: Record<string, any>) => origins.find((o) => o.Id === b.TargetOriginId)!;
const functionCode = (prefix: string) => resourceNamed(template, 'AWS::CloudFront::Function', prefix).props.FunctionCode as string;
const BUILD = 'sites/0b6a2f4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a/';

describe('distribution', () => {
  it('serves the SPA from its bucket by default, through the SPA fallback function', () => {
    const spa = config.DefaultCacheBehavior;
    expect(originOf(spa)).toMatchObject({ DomainName: { 'Fn::GetAtt': [expect.stringMatching(/^StorageWeb/), 'RegionalDomainName'] }, OriginAccessControlId: expect.anything() });
    expect(spa).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      Compress: true,
      FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^CdnSpaFallback/), 'FunctionARN'] } }],
    });
    expect(config.DefaultRootObject).toBe('index.html');
  });

  it('sends the API and previews to the internal load balancer, uncached, with every method', () => {
    for (const pattern of API_PATHS) {
      const api = behavior(pattern);
      expect(api).toMatchObject({ AllowedMethods: expect.arrayContaining(['POST', 'PUT', 'PATCH', 'DELETE']), CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' /* CachingDisabled */ });
      expect(originOf(api)).toMatchObject({ VpcOriginConfig: { VpcOriginId: { 'Fn::GetAtt': [expect.stringMatching(/VpcOrigin/), 'Id'] }, OriginReadTimeout: 60 } });
    }
    template.hasResourceProperties('AWS::CloudFront::VpcOrigin', {
      VpcOriginEndpointConfig: { Arn: { Ref: Match.stringLikeRegexp('^ApiLoadBalancerAlb') }, HTTPPort: 80, OriginProtocolPolicy: 'http-only' },
    });
    // Nothing routes /metrics or /health to the API from the internet: they fall to the SPA.
    expect(behaviors.map((b) => b.PathPattern).sort()).toEqual([...API_PATHS, `${SITES_PATH}/*`].sort());
  });

  it('serves /sites/* from the app bucket through the site router and its KeyValueStore', () => {
    const sites = behavior(`${SITES_PATH}/*`);
    expect(originOf(sites)).toMatchObject({ DomainName: { 'Fn::GetAtt': [expect.stringMatching(/^StorageData/), 'RegionalDomainName'] } });
    expect(sites.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^CdnSiteRouter/), 'FunctionARN'] } }]);
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionConfig: { Runtime: 'cloudfront-js-2.0', KeyValueStoreAssociations: [{ KeyValueStoreARN: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CdnSitePointers'), 'Arn'] } }] },
    });
  });

  it('serves the sites with their own CSP (what the API sends locally) and security headers', () => {
    const policyId = behavior(`${SITES_PATH}/*`).ResponseHeadersPolicyId as { Ref: string };
    expect(policyId.Ref).toMatch(/^CdnSiteHeaders/);
    const headers = resourceNamed(template, 'AWS::CloudFront::ResponseHeadersPolicy', 'CdnSiteHeaders').props.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers.ContentSecurityPolicy).toEqual({ ContentSecurityPolicy: SITE_CSP, Override: true });
    expect(headers).toMatchObject({ ContentTypeOptions: { Override: true }, FrameOptions: { FrameOption: 'SAMEORIGIN' }, StrictTransportSecurity: { AccessControlMaxAgeSec: 31536000 } });
  });

  it('sends /robots.txt to the API, which writes it from its settings', () => {
    expect(API_PATHS).toContain('/robots.txt');
    expect(originOf(behavior('/robots.txt'))).toMatchObject({ VpcOriginConfig: expect.anything() });
  });

  it('has no custom error responses, so the API’s JSON 404s and the sites’ 404s reach the visitor', () => {
    expect(config.CustomErrorResponses).toBeUndefined();
  });

  it('logs to the access-log bucket and redirects HTTP to HTTPS everywhere', () => {
    expect(config.Logging).toEqual({ Bucket: { 'Fn::GetAtt': [expect.stringMatching(/^StorageAccessLogs/), 'RegionalDomainName'] }, Prefix: 'cloudfront/' });
    for (const b of [config.DefaultCacheBehavior, ...behaviors]) expect(b.ViewerProtocolPolicy).toBe('redirect-to-https');
  });
});

describe('app bucket policy', () => {
  it('lets this distribution read sites/* and nothing else (uploads/ and builds/ hold CVs)', () => {
    const statements = resourceNamed(template, 'AWS::S3::BucketPolicy', 'StorageDataPolicy').props.PolicyDocument.Statement as Record<string, any>[];
    const cloudfront = statements.filter((s) => s.Principal?.Service === 'cloudfront.amazonaws.com');
    const fromDistribution = { StringEquals: { 'AWS:SourceArn': { 'Fn::Join': ['', expect.arrayContaining([':distribution/', { Ref: expect.stringMatching(/^CdnDistribution/) }])] } } };
    expect(cloudfront).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^StorageData/), 'Arn'] }, '/sites/*']] },
        Condition: fromDistribution,
      }),
      expect.objectContaining({ Effect: 'Allow', Action: 's3:ListBucket', Resource: { 'Fn::GetAtt': [expect.stringMatching(/^StorageData/), 'Arn'] }, Condition: fromDistribution }),
    ]);
  });
});

describe('SPA fallback function', () => {
  const handler = loadFunction(functionCode('CdnSpaFallback'));
  const uriFor = async (uri: string) => (await handler(viewerRequest(uri, 'app.example.com'))).uri;

  it('gives index.html for SPA routes and leaves files alone', async () => {
    expect(await uriFor('/')).toBe('/index.html');
    expect(await uriFor('/dashboard')).toBe('/index.html');
    expect(await uriFor('/cvs/0b6a2f4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b')).toBe('/index.html');
    expect(await uriFor('/assets/index-3f2a9c.js')).toBe('/assets/index-3f2a9c.js');
    expect(await uriFor('/favicon.svg')).toBe('/favicon.svg');
  });
});

describe('site router as deployed (under /sites)', () => {
  const handler = loadFunction(functionCode('CdnSiteRouter'), new Map([['jane-doe', BUILD]]));
  const run = (uri: string) => handler(viewerRequest(uri, 'app.example.com'));

  it('rewrites /sites/<slug>/<path> to the build’s files', async () => {
    expect((await run('/sites/jane-doe/about.html')).uri).toBe(`/${BUILD}about.html`);
    expect((await run('/sites/jane-doe/')).uri).toBe(`/${BUILD}index.html`);
  });

  it('redirects /sites/<slug> to /sites/<slug>/', async () => {
    expect(await run('/sites/jane-doe')).toMatchObject({ statusCode: 301, headers: { location: { value: '/sites/jane-doe/' } } });
  });

  it('answers 404 for an unknown slug, the base path alone, and paths outside the base path', async () => {
    for (const uri of ['/sites/nobody/', '/sites/', '/jane-doe/', '/sitesjane-doe/', '/sites/jane-doe/../x']) expect([uri, (await run(uri)).statusCode]).toEqual([uri, 404]);
  });
});
