import { spawn, type ChildProcess } from 'node:child_process';
import { backendRoot, spawnServer } from './api-process';
import { freePort, waitFor } from './ports';

// API and worker processes for the fault suite, which needs more of them than
// api-process.ts gives: the child itself (to SIGKILL or SIGTERM it), its JSON log lines,
// and its exit, awaited with a hang guard.
export interface WatchedProcess {
  child: ChildProcess;
  output(): string;
  /** The JSON log lines written so far whose message is `message` (or matches it). */
  logs(message: string | RegExp): Record<string, unknown>[];
  waitForLog(message: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves on exit; rejects when the process is still running after `guardMs`. */
  exited(guardMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills it (SIGKILL) unless it has exited; for clean-up after a failed test. */
  kill(): Promise<void>;
}

export interface WatchedApi extends WatchedProcess {
  url: string;
}

function watch(child: ChildProcess, name: string): WatchedProcess {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const matches = (message: string | RegExp, line: Record<string, unknown>) =>
    typeof message === 'string' ? line.message === message : typeof line.message === 'string' && message.test(line.message);
  const logs = (message: string | RegExp) =>
    output
      .split('\n')
      .flatMap((line) => {
        // The last line may still be arriving; it is read on the next look.
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      })
      .filter((line) => matches(message, line));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    output: () => output,
    logs,
    waitForLog: (message, timeoutMs = 30_000) => waitFor(async () => logs(message).length > 0, { what: `the ${name} to log "${message}"`, timeoutMs }),
    exited(guardMs) {
      let guard: NodeJS.Timeout | undefined;
      const hung = new Promise<never>((_, reject) => {
        guard = setTimeout(() => reject(new Error(`the ${name} was still running ${guardMs} ms later:\n${output.slice(-3000)}`)), guardMs);
      });
      return Promise.race([exit, hung]).finally(() => clearTimeout(guard));
    },
    async kill() {
      if (!running()) return;
      child.kill('SIGKILL');
      await exit;
    },
  };
}

/** An API process (src/server.ts) on a free port, once it answers /health/live. */
export async function startWatchedApi(env: NodeJS.ProcessEnv): Promise<WatchedApi> {
  const port = await freePort();
  const api = watch(spawnServer({ ...env, PORT: String(port), HOST: '127.0.0.1' }), 'API process');
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => api.child.exitCode === null && (await fetch(`${url}/health/live`)).ok, { what: 'the API process to listen', timeoutMs: 60_000 });
  } catch (error) {
    await api.kill();
    throw new Error(`${(error as Error).message}\n${api.output()}`, { cause: error });
  }
  return { ...api, url };
}

/** A separate extraction worker process (src/worker.ts), once it has started taking jobs. */
export async function startWatchedWorker(env: NodeJS.ProcessEnv): Promise<WatchedProcess> {
  const child = spawn(process.execPath, ['--conditions=r2w-source', '--import', 'tsx', 'src/worker.ts'], {
    cwd: backendRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const worker = watch(child, 'worker process');
  try {
    await worker.waitForLog('extraction worker started', 60_000);
  } catch (error) {
    await worker.kill();
    throw new Error(`${(error as Error).message}\n${worker.output()}`, { cause: error });
  }
  return worker;
}
