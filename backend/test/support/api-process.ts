import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { builtFile } from './built-product';
import { freePort, waitFor } from './ports';

// A real API process (backend/dist/server.js, as in its image), for tests about what
// crosses process boundaries: shared sessions, start-up, configuration errors.
export const backendRoot = path.resolve(__dirname, '../..');

export interface ApiProcess {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** A backend program as built (`npm run build` first), as in its image. */
export function spawnBackend(program: 'server' | 'worker', env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [builtFile(`backend/dist/${program}.js`)], {
    cwd: backendRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function spawnServer(env: NodeJS.ProcessEnv): ChildProcess {
  return spawnBackend('server', env);
}

export async function startApiProcess(env: NodeJS.ProcessEnv): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawnServer({ ...env, PORT: String(port), HOST: '127.0.0.1' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`API process exited early:\n${output}`);
        return (await fetch(`${url}/health/live`)).ok;
      },
      { what: 'the API process to listen', timeoutMs: 30_000 },
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
