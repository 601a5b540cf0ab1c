export type { ObjectStorage, PutOptions, StoredObject } from './object-storage';
export { LocalFolderStorage } from './local-storage';
export type { S3StorageOptions } from './s3-storage';
export { awsClientConfig, instrumented, type AwsConnection } from './aws-client';
export { createS3Storage, createStorage } from './create-storage';
export { StorageEnvSchema, storageEnvOf, storageEnvProblems, storageSettings, type StorageEnv, type StorageSettings } from './storage-settings';
export { keyFolder } from './object-key';
export { readObjectBytes, readObjectText } from './read-object';
