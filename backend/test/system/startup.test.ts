import { mkdtempSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnServer, startApiProcess } from '../support/api-process';
import { waitFor } from '../support/ports';

function run(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  const child = spawnServer(env);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

describe('starting the API', () => {
  it('refuses a bad configuration with one line per bad value and exit code 1', async () => {
    const { code, stderr } = await run({ PORT: 'abc', STORAGE_DRIVER: 's3', DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'r2w-cfg-')) });
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^ {2}- PORT: .*\(got "abc"\)$/), '  - S3_BUCKET: is required when STORAGE_DRIVER=s3 (not set)']));
    expect(lines.at(-1)).toMatch(/\.env\.example/);
  });

  it('starts on the embedded defaults: SQLite file migrated under DATA_DIR, ready at once', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'r2w-start-'));
    const api = await startApiProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    try {
      expect(existsSync(path.join(dataDir, 'r2w.db'))).toBe(true);
      // Readiness checks have a time limit, which a busy machine can exceed while the parser
      // processes start: wait for the state rather than race it.
      let ready!: Response;
      await waitFor(async () => (ready = await fetch(`${api.url}/health/ready`)).status === 200, { what: 'readiness', timeoutMs: 60_000 });
      const body = (await ready.json()) as { checks: Record<string, { status: string }> };
      expect(Object.values(body.checks).every((c) => c.status === 'ok')).toBe(true);
      const register = await fetch(`${api.url}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'first@example.com', password: 'correct horse battery' }),
      });
      expect(register.status).toBe(201);
      const firstLine = JSON.parse(
        api
          .output()
          .split('\n')
          .find((l) => l.includes('listening'))!,
      );
      expect(firstLine).toMatchObject({ level: 'info', database: 'sqlite', sessions: 'memory', storage: 'local', queue: 'local', taskRunner: 'child-process' });
      // A JWT secret was generated once and kept, so a restart keeps sessions' tokens valid.
      expect(existsSync(path.join(dataDir, 'secrets', 'jwt-secret'))).toBe(true);
    } finally {
      await api.stop();
    }
  }, 60_000);
});
