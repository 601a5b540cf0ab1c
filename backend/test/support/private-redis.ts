import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { freePort, waitFor } from './ports';

// A redis-server of the test's own on a free port, so a test can stop and restart it
// without disturbing the machine's shared Redis. With `persistent` it keeps an
// append-only file in a private folder, as a production Redis does, so data outlives a
// restart.
export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server for good and removes its folder. */
  close(): Promise<void>;
}

export async function startPrivateRedis(options: { persistent: boolean }): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'r2w-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir, '--appendonly', options.persistent ? 'yes' : 'no', '--appendfsync', 'always'];
  let child: ChildProcess | null = null;

  const answers = async () => {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } finally {
      client.disconnect();
    }
  };
  const start = async () => {
    const started = spawn('redis-server', args, { stdio: 'ignore' });
    let failure: Error | null = null;
    started.on('error', (error) => (failure = new Error(`redis-server could not start (${error.message}): the fault suite needs it on PATH (apt-get install redis-server)`)));
    child = started;
    await waitFor(
      async () => {
        if (failure) throw failure;
        if (started.exitCode !== null) throw new Error(`redis-server exited with code ${started.exitCode}`);
        return answers();
      },
      { what: `a private redis-server on port ${port}`, timeoutMs: 20_000 },
    ).catch((error: unknown) => {
      // waitFor reads a throwing check as "not yet": say why it never came up.
      throw failure ?? error;
    });
  };
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    // SIGTERM is a clean shutdown: Redis finishes its append-only file and closes every client.
    running.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url,
    start,
    stop,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
