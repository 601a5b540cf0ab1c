import { LocalFolderStorage } from './local-storage';
import type { ObjectStorage } from './object-storage';
import type { S3Storage } from './s3-storage';
import type { StorageSettings } from './storage-settings';
import type { AwsConnection } from './aws-client';

/** `instrument` is applied to the S3 client (X-Ray in the API); the local folder has no client. */
export function createStorage(settings: StorageSettings, options: Pick<AwsConnection, 'instrument'> = {}): ObjectStorage {
  if (settings.driver === 'local') return new LocalFolderStorage({ root: settings.root });
  return createS3Storage(settings, options);
}

/** S3 itself, for the tools that need more than ObjectStorage (the storage sync's checksums). */
export function createS3Storage(settings: Extract<StorageSettings, { driver: 's3' }>, options: Pick<AwsConnection, 'instrument'> = {}): S3Storage {
  // Loaded only when chosen: the AWS SDK is a third of a second of start-up that a local
  // builder task would pay for nothing.
  const { S3Storage } = require('./s3-storage') as typeof import('./s3-storage');
  return new S3Storage({
    region: settings.region,
    endpoint: settings.endpoint,
    bucket: settings.bucket,
    keyPrefix: settings.keyPrefix,
    forcePathStyle: settings.forcePathStyle,
    serverSideEncryption: settings.sse,
    kmsKeyId: settings.kmsKeyId,
    instrument: options.instrument,
  });
}
