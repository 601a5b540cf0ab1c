import type { Config } from '../../config/env';
import { awsConnection } from '../aws-client';
import { LocalFolderStorage } from './local-storage';
import type { ObjectStorage } from './object-storage';
import { S3Storage } from './s3-storage';

// Its own module, apart from the container: the builder process needs storage alone, and
// loading the container would load every other adapter's SDK (a third of a second).
export function createStorage(config: Config): ObjectStorage {
  const s = config.storage;
  if (s.driver === 'local') return new LocalFolderStorage({ root: s.root });
  return new S3Storage({
    ...awsConnection(config),
    bucket: s.bucket,
    keyPrefix: s.keyPrefix,
    forcePathStyle: s.forcePathStyle,
    serverSideEncryption: s.sse,
    kmsKeyId: s.kmsKeyId,
  });
}
