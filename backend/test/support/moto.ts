import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort, waitFor } from './ports';

// A real moto_server (AWS emulator: S3, SQS, ECS, CloudWatch Logs) on a free port, for
// the AWS adapters' integration tests. moto cannot be installed here if a machine lacks
// it (no PyPI), so a missing moto_server fails the suite loudly instead of skipping.
export interface Moto {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  stop(): Promise<void>;
}

export async function startMoto(): Promise<Moto> {
  const found = spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' });
  if (found.status !== 0) {
    throw new Error('moto_server is not installed on this machine: the AWS adapter tests need it (python3 -m pip install "moto[server]").');
  }
  const port = await freePort();
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${endpoint}/moto-api/`)).ok, { what: 'moto_server to start', timeoutMs: 30_000 });
  return {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
