import type { ChildProcess } from 'node:child_process';
import { spawnBackend } from './api-process';
import { freePort, waitFor } from './ports';

// API and worker processes for the fault suite and the AWS topology (scripts/aws-local),
// which need more of them than api-process.ts gives: the child itself (to SIGKILL or
// SIGTERM it), its JSON log lines, and its exit, awaited with a hang guard. They run built
// (backend/dist), as they run in their image.
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

export interface StartOptions {
  /** Also hands each piece of output here as it arrives (a console, say). */
  onOutput?: (text: string) => void;
}

function watch(child: ChildProcess, name: string, onOutput?: (text: string) => void): WatchedProcess {
  let output = '';
  const take = (chunk: Buffer) => {
    output += chunk.toString();
    onOutput?.(chunk.toString());
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
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

/** An API process (server.ts, from source unless told) on a free port, once it answers /health/live. */
export async function startWatchedApi(env: NodeJS.ProcessEnv, options: StartOptions = {}): Promise<WatchedApi> {
  const port = await freePort();
  const api = watch(spawnBackend('server', { ...env, PORT: String(port), HOST: '127.0.0.1' }), 'API process', options.onOutput);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => api.child.exitCode === null && (await fetch(`${url}/health/live`)).ok, { what: 'the API process to listen', timeoutMs: 60_000 });
  } catch (error) {
    await api.kill();
    throw new Error(`${(error as Error).message}\n${api.output()}`, { cause: error });
  }
  return { ...api, url };
}

/** A separate extraction worker process (worker.ts, from source unless told), once it has started taking jobs. */
export async function startWatchedWorker(env: NodeJS.ProcessEnv, options: StartOptions = {}): Promise<WatchedProcess> {
  const worker = watch(spawnBackend('worker', env), 'worker process', options.onOutput);
  try {
    await worker.waitForLog('extraction worker started', 60_000);
  } catch (error) {
    await worker.kill();
    throw new Error(`${(error as Error).message}\n${worker.output()}`, { cause: error });
  }
  return worker;
}
