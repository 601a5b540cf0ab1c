import { Duration } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { SITE_CSP } from '@r2w/portfolio-task/site-csp';
import { acknowledge } from './acknowledge';
import { siteRouterSource, spaFallbackSource } from './cloudfront-functions';

/** Where published sites live on the distribution: SITES_BASE_URL is https://<domain>/sites, as /sites is locally. */
export const SITES_PATH = '/sites';
/**
 * Paths of the API on the same origin as the SPA: no CORS, and the refresh cookie stays
 * first-party. /robots.txt too: the API writes it from its settings (where the sites live).
 */
export const API_PATHS = ['/api/*', '/previews/*', '/robots.txt'];

export interface CdnProps {
  webBucket: s3.IBucket;
  dataBucket: s3.IBucket;
  logsBucket: s3.IBucket;
  alb: elbv2.IApplicationLoadBalancer;
  domainName?: string;
  certificateArn?: string;
}

/**
 * One CloudFront distribution for everything people reach: the SPA (default), the API and
 * build previews (the internal load balancer as a VPC origin), and the published sites
 * (the app bucket's sites/ prefix, through the site router and its KeyValueStore).
 */
export class Cdn extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly sitePointers: cloudfront.KeyValueStore;
  readonly publicUrl: string;

  constructor(scope: Construct, id: string, props: CdnProps) {
    super(scope, id);
    this.sitePointers = new cloudfront.KeyValueStore(this, 'SitePointers', { comment: 'Published slug -> S3 prefix of its build; written by the API (CLOUDFRONT_KVS_ARN)' });
    const siteRouter = new cloudfront.Function(this, 'SiteRouter', {
      code: cloudfront.FunctionCode.fromInline(siteRouterSource(SITES_PATH)),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      keyValueStore: this.sitePointers,
      comment: 'Published sites: /sites/<slug>/<path> -> the build the KeyValueStore names',
    });
    const spaFallback = new cloudfront.Function(this, 'SpaFallback', {
      code: cloudfront.FunctionCode.fromInline(spaFallbackSource()),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'SPA routes -> /index.html',
    });

    // CloudFront may read sites/ and nothing else of the app bucket (uploads/ and builds/
    // hold CVs). The origin helper would grant the whole bucket, so the bucket is handed to
    // it as a reference and the narrower grant is written below.
    const sitesBucket = s3.Bucket.fromBucketAttributes(this, 'SitesBucket', {
      bucketArn: props.dataBucket.bucketArn,
      bucketName: props.dataBucket.bucketName,
      bucketRegionalDomainName: props.dataBucket.bucketRegionalDomainName,
    });
    const sitesOrigin = origins.S3BucketOrigin.withOriginAccessControl(sitesBucket);
    const apiOrigin = origins.VpcOrigin.withApplicationLoadBalancer(props.alb, {
      httpPort: 80,
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
      // Event streams are quiet up to 15 s between heartbeats.
      readTimeout: Duration.seconds(60),
    });
    const apiBehavior: cloudfront.BehaviorOptions = {
      origin: apiOrigin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      compress: true,
    };

    // The sites' own headers, as the API sends them locally: S3 objects carry none.
    const siteHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SiteHeaders', {
      comment: 'Published sites: their Content-Security-Policy (no script; their own files) and the usual security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: SITE_CSP, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.SAMEORIGIN, override: true },
      },
    });

    const certificate = props.certificateArn ? acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn) : undefined;
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Resume2Website: SPA, API and published sites',
      defaultRootObject: 'index.html',
      domainNames: props.domainName ? [props.domainName] : undefined,
      certificate,
      // Only a custom certificate can choose the policy (the default one is fixed at TLSv1).
      minimumProtocolVersion: certificate ? cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 : undefined,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.logsBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(props.webBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
        compress: true,
        functionAssociations: [{ function: spaFallback, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        ...Object.fromEntries(API_PATHS.map((pattern) => [pattern, apiBehavior])),
        [`${SITES_PATH}/*`]: {
          origin: sitesOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: siteHeaders,
          compress: true,
          functionAssociations: [{ function: siteRouter, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
        },
      },
    });

    const fromThisDistribution = { StringEquals: { 'AWS:SourceArn': this.distribution.distributionArn } };
    props.dataBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudFrontReadsSites',
        principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: [props.dataBucket.arnForObjects('sites/*')],
        conditions: fromThisDistribution,
      }),
    );
    // So that a missing page of a site is a 404, not S3's 403 (S3 says 404 only to a reader who may list).
    props.dataBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudFrontSees404s',
        principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:ListBucket'],
        resources: [props.dataBucket.bucketArn],
        conditions: fromThisDistribution,
      }),
    );
    acknowledge(this, { 'annotation::@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac': 'The app bucket policy is written by hand in cdn.ts: CloudFront reads sites/* only.' });

    acknowledge(this.distribution, {
      'AwsSolutions-CFR1': 'A CV site is for anyone anywhere; there is no country to exclude.',
      'AwsSolutions-CFR2':
        'No WAF web ACL yet (about $6 a month plus per-request fees): the API limits rates per client itself (RATE_LIMIT_*, counted in Redis). Add one here when abuse shows up in the 4xx/5xx widgets.',
      ...(certificate
        ? {}
        : {
            'AwsSolutions-CFR4': 'Without a custom domain CloudFront serves its own *.cloudfront.net certificate, whose policy allows TLS 1.0; set domainName and certificateArn to get TLSv1.2_2021.',
          }),
    });
    this.publicUrl = `https://${props.domainName ?? this.distribution.distributionDomainName}`;
  }
}
