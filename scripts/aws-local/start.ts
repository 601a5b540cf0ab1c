// npm run start:aws-local — the product in its AWS topology on this machine (topology.ts):
// moto_server (S3, SQS), the local PostgreSQL (database r2w_aws_local, created and migrated
// when missing) and Redis, a stand-in for CloudFront's KeyValueStore, two API processes,
// the extraction worker, and the load balancer on http://localhost:2000. Ctrl-C stops
// everything. ANTHROPIC_API_KEY (and ANTHROPIC_*), LOG_LEVEL and REDIS_URL are taken from the
// environment; without a key the offline extractor reads the CVs.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startTopology, type Topology } from './topology';

const root = path.resolve(__dirname, '../..');
const dataDir = path.join(root, 'data', 'aws-local');
const PORT = 2000;

// Kept between runs, so sessions in Redis outlive a restart as they do across deployments.
function jwtSecret(): string {
  const file = path.join(dataDir, 'jwt-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
    return readFileSync(file, 'utf8').trim();
  }
}

// Each line of a process's output, marked with the process's name.
function printer(): (name: string, text: string) => void {
  const partial = new Map<string, string>();
  return (name, text) => {
    const lines = ((partial.get(name) ?? '') + text).split('\n');
    partial.set(name, lines.pop()!);
    for (const line of lines) process.stdout.write(`[${name}] ${line}\n`);
  };
}

function passedThrough(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && /^(ANTHROPIC_|LOG_LEVEL$)/.test(entry[0])));
}

async function main(): Promise<void> {
  // Set once started; a Ctrl-C during start-up reaches the child processes from the terminal.
  const running: { topology?: Topology } = {};
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.log('Stopping at once.');
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping the load balancer, the APIs and the worker (they finish what is in hand), then moto_server and the KeyValueStore…`);
    await running.topology?.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  console.log('Starting the AWS topology on this machine (moto_server, PostgreSQL, Redis, two APIs, a worker, a load balancer)…');
  const topology = await startTopology({
    database: 'r2w_aws_local',
    dataDir,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisKeyPrefix: 'r2w-aws-local:',
    jwtSecret: jwtSecret(),
    proxy: { port: PORT },
    visibilityTimeoutSeconds: 60,
    maxReceives: 5,
    env: passedThrough(),
    onOutput: printer(),
  });
  running.topology = topology;
  for (const child of [...topology.apis, ...topology.workers]) {
    child.child.once('exit', (code, signal) => {
      if (!stopping) console.log(`A process (pid ${child.child.pid}) ended on its own (${signal ?? `code ${code}`}); Ctrl-C stops the rest.`);
    });
  }
  console.log(`\n${topology.describe()}\n\nCtrl-C stops everything.`);
}

main().catch((error: unknown) => {
  console.error(`npm run start:aws-local could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
