import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface StorageProps {
  /** The app's BUILD_RETENTION_DAYS: the lifecycle rules back up its sweep of never-published builds. */
  buildRetentionDays: number;
}

/**
 * The app's bucket (S3_BUCKET: uploads/, builds/, sites/, all private; CloudFront may read
 * sites/ only), the SPA's bucket (what deploy.yml syncs frontend/dist to), and the bucket
 * the load balancer and CloudFront write their access logs to.
 */
export class Storage extends Construct {
  readonly data: s3.Bucket;
  readonly web: s3.Bucket;
  readonly logs: s3.Bucket;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    this.logs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront's standard logs are delivered with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const days = Duration.days(props.buildRetentionDays);
    this.data = new s3.Bucket(this, 'Data', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'data-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        // CVs are read at extraction and rarely after: Intelligent-Tiering moves the untouched ones to cheaper tiers.
        { id: 'uploads-intelligent-tiering', prefix: 'uploads/', transitions: [{ storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(0) }] },
        // A build's job objects (input with a copy of the CV, progress, result) are deleted when its end is recorded; any left behind go after the retention.
        { id: 'expire-build-jobs', prefix: 'builds/', expiration: days },
        // What the app deletes (the sweep of never-published builds, deleted CVs and sites) stays restorable for the same time, then goes for good.
        { id: 'expire-deleted-versions', noncurrentVersionExpiration: days, expiredObjectDeleteMarker: true },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });

    this.web = new s3.Bucket(this, 'Web', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // A bad SPA deployment is rolled back by syncing the previous build; versions also keep the files an old index.html names.
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'web-bucket/',
      lifecycleRules: [{ id: 'expire-old-spa-files', noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
