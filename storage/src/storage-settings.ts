import path from 'node:path';
import { z } from 'zod';

// The storage part of the configuration, read the same way by the API (whose own
// configuration includes these variables) and by the builder task (which reads nothing else).

export const StorageEnvSchema = z.object({
  DATA_DIR: z.string().min(1).default('./data'),
  AWS_REGION: z.string().min(1).optional(),
  AWS_ENDPOINT_URL: z.url().optional(),
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  S3_BUCKET: z.string().min(3).optional(),
  S3_KEY_PREFIX: z.string().default(''),
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .default(false),
  S3_SSE: z.enum(['AES256', 'aws:kms']).default('AES256'),
  S3_KMS_KEY_ID: z.string().min(1).optional(),
});

export type StorageEnv = z.infer<typeof StorageEnvSchema>;

export type StorageSettings =
  { driver: 'local'; root: string } | { driver: 's3'; region: string; endpoint?: string; bucket: string; keyPrefix: string; forcePathStyle: boolean; sse: 'AES256' | 'aws:kms'; kmsKeyId?: string };

/** Requirements that depend on other variables, checked on the raw values (zod skips refinements once a field failed). */
export function storageEnvProblems(env: Record<string, string | undefined>): { variable: string; message: string }[] {
  const problems: { variable: string; message: string }[] = [];
  if (env.STORAGE_DRIVER !== 's3') return problems;
  if (env.S3_BUCKET === undefined) problems.push({ variable: 'S3_BUCKET', message: 'is required when STORAGE_DRIVER=s3' });
  if (env.S3_SSE === 'aws:kms' && env.S3_KMS_KEY_ID === undefined) problems.push({ variable: 'S3_KMS_KEY_ID', message: 'is required when S3_SSE=aws:kms' });
  if (env.AWS_REGION === undefined) problems.push({ variable: 'AWS_REGION', message: 'is required when an AWS driver is chosen' });
  return problems;
}

export function storageSettings(e: StorageEnv): StorageSettings {
  if (e.STORAGE_DRIVER === 'local') return { driver: 'local', root: path.join(path.resolve(e.DATA_DIR), 'storage') };
  return {
    driver: 's3',
    region: e.AWS_REGION!,
    endpoint: e.AWS_ENDPOINT_URL,
    bucket: e.S3_BUCKET!,
    keyPrefix: e.S3_KEY_PREFIX,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
    sse: e.S3_SSE,
    kmsKeyId: e.S3_KMS_KEY_ID,
  };
}

// What the AWS SDK's default credential chain reads: static keys (an emulator), profiles,
// web identity (EKS) and the container credentials endpoint (ECS).
const AWS_CREDENTIAL_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ROLE_ARN',
  'AWS_ROLE_SESSION_NAME',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
  'AWS_EC2_METADATA_DISABLED',
];

/** The variables of `env` that another process needs to reach the same storage, and nothing else (AWS credentials only for S3). */
export function storageEnvOf(env: Record<string, string | undefined>): Record<string, string> {
  const names = [...Object.keys(StorageEnvSchema.shape), ...(env.STORAGE_DRIVER === 's3' ? AWS_CREDENTIAL_VARIABLES : [])];
  return Object.fromEntries(names.flatMap((name) => (env[name] ? [[name, env[name]]] : [])));
}
