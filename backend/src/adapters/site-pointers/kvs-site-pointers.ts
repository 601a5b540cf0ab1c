// KeyValueStore requests are signed with SigV4A. This registers the SDK's pure-JS signer;
// the alternative (@aws-sdk/signature-v4-crt) downloads a native binary at install time.
import '@aws-sdk/signature-v4a';
import { CloudFrontKeyValueStoreClient, DeleteKeyCommand, DescribeKeyValueStoreCommand, PutKeyCommand } from '@aws-sdk/client-cloudfront-keyvaluestore';
import { siteFilesPrefix } from '@r2w/portfolio-task/build-job';
import { AppError, DependencyError } from '@r2w/cv-schema';
import { awsClientConfig, instrumented, type AwsConnection } from '@r2w/storage';
import { keyFolder } from '@r2w/storage';
import type { SitePointers, SiteTarget } from './site-pointers';

export interface KvsSitePointersOptions extends AwsConnection {
  /** arn:aws:cloudfront::<account>:key-value-store/<id>, associated with the sites distribution's function. */
  kvsArn: string;
  /** S3_KEY_PREFIX of the bucket the distribution reads, so values are the builds' real S3 keys. */
  keyPrefix?: string;
}

const DEPENDENCY = 'site address store';
const THROTTLING_ERRORS = new Set(['ThrottlingException', 'TooManyRequestsException', 'Throttling']);

type KvsFailure = { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };

/** Another writer changed the store between our DescribeKeyValueStore and our write. */
function isStaleEtag(err: unknown): boolean {
  const e = err as KvsFailure;
  return e.name === 'ConflictException' || e.$metadata?.httpStatusCode === 409 || e.$metadata?.httpStatusCode === 412;
}

function isTransient(err: unknown): boolean {
  const e = err as KvsFailure;
  const status = e.$metadata?.httpStatusCode;
  // No HTTP status at all means the store was never reached (refused, reset, timed out).
  return status === undefined || status >= 500 || status === 429 || THROTTLING_ERRORS.has(e.name ?? '') || isStaleEtag(err);
}

/** Outages and contention are a 503 to retry; refusals (access, validation, quota) are configuration mistakes. */
function kvsError(operation: string, err: unknown): AppError {
  if (isTransient(err)) return new DependencyError(DEPENDENCY, err);
  const e = err as KvsFailure;
  return new AppError('INTERNAL', `CloudFront KeyValueStore ${operation} was refused: ${e.name}: ${e.message}`, undefined, { cause: err });
}

/**
 * The sites distribution's function maps `/<slug>/<path>` to `/<value><path>` in S3, so a
 * slug's value is the S3 key prefix of its published build.
 */
export class KvsSitePointers implements SitePointers {
  readonly kind = 'cloudfront-kvs';
  private readonly client: CloudFrontKeyValueStoreClient;
  private readonly kvsArn: string;
  private readonly keyPrefix: string;

  constructor(options: KvsSitePointersOptions) {
    this.kvsArn = options.kvsArn;
    this.keyPrefix = keyFolder(options.keyPrefix);
    // AWS's endpoint puts the account id in the host name (<account>.cloudfront-kvs…), which
    // an emulator listening on one address cannot answer to: an override is used as it is.
    const { endpoint, ...connection } = options;
    this.client = instrumented(
      connection,
      new CloudFrontKeyValueStoreClient({
        ...awsClientConfig(connection, { maxAttempts: 2, requestHandler: { requestTimeout: 5_000 } }),
        ...(endpoint ? { endpointProvider: () => ({ url: new URL(endpoint) }) } : {}),
      }),
    );
  }

  async set(slug: string, target: SiteTarget): Promise<void> {
    const Value = this.keyPrefix + siteFilesPrefix(target.portfolioId, target.buildId);
    await this.writeAtCurrentVersion('PutKey', (IfMatch) => this.client.send(new PutKeyCommand({ KvsARN: this.kvsArn, Key: slug, Value, IfMatch })));
  }

  async remove(slug: string): Promise<void> {
    await this.writeAtCurrentVersion('DeleteKey', async (IfMatch) => {
      try {
        await this.client.send(new DeleteKeyCommand({ KvsARN: this.kvsArn, Key: slug, IfMatch }));
      } catch (err) {
        // The store itself was just described, so "not found" is about the key: already gone.
        if ((err as KvsFailure).name !== 'ResourceNotFoundException') throw err;
      }
    });
  }

  async check(): Promise<void> {
    await this.currentEtag();
  }

  /** Closes the client's pooled sockets (tests; a server process keeps its client for life). */
  destroy(): void {
    this.client.destroy();
  }

  /**
   * Every write must name the store's current version (its ETag). When another replica
   * wrote in between, the version is read again and the write tried once more.
   */
  private async writeAtCurrentVersion(operation: string, write: (etag: string) => Promise<unknown>): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const etag = await this.currentEtag();
      try {
        await write(etag);
        return;
      } catch (err) {
        if (attempt === 1 && isStaleEtag(err)) continue;
        throw kvsError(operation, err);
      }
    }
  }

  private async currentEtag(): Promise<string> {
    const store = await this.client.send(new DescribeKeyValueStoreCommand({ KvsARN: this.kvsArn })).catch((err: unknown) => {
      throw kvsError('DescribeKeyValueStore', err);
    });
    if (!store.ETag) throw new DependencyError(DEPENDENCY, new Error('DescribeKeyValueStore returned no ETag.'));
    return store.ETag;
  }
}
