import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { TransientError } from '../../lib/failure-cause';
import { ExtractionError, ExtractionFailure, type ExtractionFailureCode } from '../errors';
import type { ChildJob, ChildMessage, FailureReport, JobKind, Jobs } from './parser-pool-child';

// Compiled, the child is a .js file beside this one. From TypeScript source (tests, tsx)
// it is a .ts file that the child compiles itself through tsx's CommonJS hook.
const CHILD_FILE = path.join(__dirname, `parser-pool-child${path.extname(__filename)}`);
const TS_HOOK = __filename.endsWith('.ts') ? ['--require', require.resolve('tsx/cjs')] : [];

// RLIMIT_DATA (ulimit -d, in KB) caps the memory a process can write to: the JavaScript
// heap, the buffers pdf.js inflates streams into, malloc. Since Linux 4.7 it leaves out
// address space that is only reserved, so V8 still starts under it. With `&&`, a shell
// that cannot set the limit starts no parser at all.
const LIMITED_EXEC = 'ulimit -d "$1" && shift && exec "$@"';

// Allocations past the limit end the process with one of these (V8 aborts on most; a few
// code paths crash on the failed allocation), or with V8's out-of-memory report.
const MEMORY_DEATH_SIGNALS = new Set(['SIGABRT', 'SIGSEGV', 'SIGBUS', 'SIGTRAP', 'SIGILL']);
const MEMORY_DEATH_REPORT = /out of memory|allocation failed/i;

// A starting process that is not ready by then is broken, however busy the machine.
const START_TIMEOUT_MS = 60_000;
const STDERR_TAIL_CHARS = 2_000;

// A job still running at its timeout failed because of its input: a file that takes that
// long to parse, or a document whose shape takes the offline extractor that long.
const TIMEOUT_FAILURE: Record<JobKind, ExtractionFailureCode> = { parse: 'EXTRACTION_TIMEOUT', extract: 'CV_TOO_COMPLEX' };

/** The parser process could not be started, or stopped for a reason that is not the file's: worth retrying. */
export class ParserProcessError extends TransientError {
  override readonly name = 'ParserProcessError';
}

/**
 * One parser child process under a memory limit: loads pdf.js, then runs the jobs it is
 * given (parsing a file, extracting a document), one at a time. The pool decides when to stop it.
 */
export class ParserProcess {
  /** Jobs given to this process so far. */
  jobs = 0;
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;
  private readonly exited: Promise<void>;
  private killedByPool = false;
  private stderrTail = '';

  constructor(memoryLimitMb: number) {
    // Half for the JavaScript heap, half for what lives outside it (inflated streams, fonts).
    const heapMb = Math.floor(memoryLimitMb / 2);
    this.child = spawn('/bin/sh', ['-c', LIMITED_EXEC, 'sh', String(memoryLimitMb * 1024), process.execPath, ...TS_HOOK, `--max-old-space-size=${heapMb}`, CHILD_FILE], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // Advanced serialization sends the file and the document as structured clones, not JSON.
      serialization: 'advanced',
      // It reads untrusted files, so it gets none of the server's secrets (or NODE_OPTIONS).
      env: {},
    });
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
    });
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    // Without a listener, a late 'error' (a failed kill or send) would crash the host process;
    // the start and each job watch for the errors that matter to them.
    this.child.on('error', () => undefined);
    this.ready = this.waitUntilReady();
    // A process that never gets a job must not leave an unhandled rejection behind.
    this.ready.catch(() => undefined);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.child.pid !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Runs one job; rejects with ExtractionError for the input's faults, ParserProcessError for the process's. */
  async run<K extends JobKind>(kind: K, job: Jobs[K]['job'], timeoutMs: number): Promise<Jobs[K]['result']> {
    await this.ready;
    this.jobs += 1;
    return new Promise<Jobs[K]['result']>((resolve, reject) => {
      const onMessage = (reply: ChildMessage): void => {
        done();
        // The child answers each job with the result of its kind.
        if (reply.type === 'done') resolve(reply.result as Jobs[K]['result']);
        else if (reply.type === 'failed') reject(fromChild(reply.error));
        else reject(new ParserProcessError(`The parser process said "${reply.type}" instead of answering.`));
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
        done();
        reject(this.exitDuringJob(code, signal));
      };
      // The input's own fault: the job began on a ready process and did not end.
      const timer = setTimeout(() => {
        done();
        reject(new ExtractionError(TIMEOUT_FAILURE[kind]));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.child.off('message', onMessage).off('close', onExit);
      };
      // 'close' rather than 'exit': it comes once stderr is read to the end.
      this.child.on('message', onMessage).once('close', onExit);
      this.child.send({ kind, job } as ChildJob, (error) => {
        if (!error) return;
        done();
        reject(new ParserProcessError(`The file could not be sent to the parser process: ${error.message}`, { cause: error }));
      });
    });
  }

  /** Kills the process (SIGKILL: it may be stuck in a parse) and resolves once it is gone. */
  async kill(): Promise<void> {
    if (this.child.pid === undefined) return;
    this.killedByPool = true;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  private waitUntilReady(): Promise<void> {
    return new Promise((resolve, reject) => {
      const fail = (message: string, cause?: Error): void => {
        done();
        reject(new ParserProcessError(message, { cause }));
      };
      const onMessage = (message: ChildMessage): void => {
        if (message.type !== 'ready') return fail(`The parser process said "${message.type}" before it was ready.`);
        done();
        resolve();
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => fail(`The parser process stopped while starting (${this.describeExit(code, signal)}).`);
      const onError = (error: Error): void => fail(`The parser process could not start: ${error.message}`, error);
      const timer = setTimeout(() => fail(`The parser process was not ready within ${START_TIMEOUT_MS / 1000} s.`), START_TIMEOUT_MS);
      const done = (): void => {
        clearTimeout(timer);
        this.child.off('message', onMessage).off('close', onExit).off('error', onError);
      };
      this.child.once('message', onMessage).once('close', onExit).once('error', onError);
    });
  }

  /** A parser that dies in the middle of a file was killed by that file, unless someone else killed it. */
  private exitDuringJob(code: number | null, signal: NodeJS.Signals | null): Error {
    const cause = new Error(this.describeExit(code, signal));
    if (this.killedByPool) return new ParserProcessError('The parser process was stopped by the pool.', { cause });
    if ((signal !== null && MEMORY_DEATH_SIGNALS.has(signal)) || MEMORY_DEATH_REPORT.test(this.stderrTail)) {
      return new ExtractionError('FILE_TOO_COMPLEX', true, { cause });
    }
    // SIGKILL from outside (the kernel's OOM killer when the machine runs short), or a bug of ours.
    return new ParserProcessError(`The parser process stopped without an answer (${cause.message}).`, { cause });
  }

  /** How the process ended, with the last of its stderr. */
  private describeExit(code: number | null, signal: NodeJS.Signals | null): string {
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    const said = this.stderrTail.trim().slice(-500);
    return said ? `${how}: ${said}` : how;
  }
}

function fromChild(error: FailureReport): Error {
  if (error.code !== undefined && Object.hasOwn(ExtractionFailure, error.code)) {
    return new ExtractionError(error.code as keyof typeof ExtractionFailure, error.permanent);
  }
  const rebuilt = new Error(`Parser process: ${error.message}`);
  rebuilt.name = error.name;
  if (error.stack !== undefined) rebuilt.stack = error.stack;
  return rebuilt;
}
