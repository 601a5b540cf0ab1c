import { createWriteStream, mkdtempSync, readdirSync, readFileSync, type WriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnServer } from '../../support/api-process';
import { freePort, waitFor } from '../../support/ports';

// The API under attack: a real process on the embedded defaults (fresh DATA_DIR, SQLite,
// local queue, extraction worker in-process, builders as child processes), so that a
// crash is seen as a crash and its memory can be read from /proc.

export const ABUSE_JWT_SECRET = randomBytes(48).toString('base64');

// Rate limits far above what the suite sends, so that only the limits family (which
// runs its own server on the defaults) meets them.
const GENEROUS = '9999999/1s';
const GENEROUS_LIMITS: Record<string, string> = {
  RATE_LIMIT_LOGIN_PER_IP: GENEROUS,
  RATE_LIMIT_LOGIN_PER_ACCOUNT: GENEROUS,
  RATE_LIMIT_REGISTER: GENEROUS,
  RATE_LIMIT_REFRESH: GENEROUS,
  RATE_LIMIT_UPLOAD_ANONYMOUS: GENEROUS,
  RATE_LIMIT_UPLOAD_USER: GENEROUS,
  RATE_LIMIT_BUILD: GENEROUS,
  RATE_LIMIT_IMPORT: GENEROUS,
  RATE_LIMIT_PHOTO: GENEROUS,
  MAX_ACTIVE_BUILDS_PER_USER: '100',
  MAX_PENDING_EXTRACTIONS: '1000',
};

export interface ServerMemory {
  rssKb: number;
  peakKb: number;
}

function statusFields(pid: number): ServerMemory & { ppid: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssKb: field('VmRSS'), peakKb: field('VmHWM'), ppid: field('PPid') };
  } catch {
    return { rssKb: 0, peakKb: 0, ppid: 0 };
  }
}

/** The process and every descendant alive now (parser and builder child processes). */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry)) parents.set(Number(entry), statusFields(Number(entry)).ppid);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i += 1) for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

export class AbuseServer {
  private output = '';
  private exitNote: string | null = null;

  private readonly log: WriteStream;

  private constructor(
    readonly url: string,
    private readonly child: ReturnType<typeof spawnServer>,
    /** Everything the process wrote, kept for reading after the run. */
    readonly logFile: string,
  ) {
    this.log = createWriteStream(logFile);
    child.stdout?.on('data', (chunk: Buffer) => this.record(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.record(chunk));
    child.once('exit', (code, signal) => (this.exitNote = `exited with ${signal ?? `code ${code}`}`));
  }

  /** Starts an API process; `limits: 'defaults'` leaves the rate limits as a fresh install has them. */
  static async start(options: { limits?: 'generous' | 'defaults' } = {}): Promise<AbuseServer> {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'r2w-abuse-'));
    const env: NodeJS.ProcessEnv = {
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: ABUSE_JWT_SECRET,
      PASSWORD_SCRYPT_LOG2N: '14',
      LOG_LEVEL: 'warn',
      WEB_DIR: 'none',
      // A failure the file causes must end the CV at once; two deliveries are enough to
      // see one that is retried instead (it ends with the generic code) without waiting
      // for five rounds of backoff.
      QUEUE_MAX_RECEIVES: '2',
      TEXT_EXTRACTION_TIMEOUT_SECONDS: '20',
      ...(options.limits === 'defaults' ? {} : GENEROUS_LIMITS),
    };
    const server = new AbuseServer(`http://127.0.0.1:${port}`, spawnServer(env), path.join(dataDir, 'server.log'));
    await waitFor(
      async () => {
        if (server.exitNote) throw new Error(`the API process ${server.exitNote}:\n${server.tail()}`);
        return (await fetch(`${server.url}/health/live`)).ok;
      },
      { what: 'the API process to listen', timeoutMs: 60_000 },
    ).catch((error: unknown) => {
      server.child.kill('SIGKILL');
      throw new Error(`${(error as Error).message}\n${server.tail(20)}`);
    });
    return server;
  }

  private record(chunk: Buffer): void {
    this.log.write(chunk);
    // Only the end matters (a crash's stack); keep memory bounded over a long run.
    this.output = (this.output + chunk.toString()).slice(-20_000);
  }

  /** The last lines the process wrote, for a failure report. */
  tail(lines = 8): string {
    return this.output.trim().split('\n').slice(-lines).join('\n');
  }

  /** Null while running; how it ended otherwise. */
  get exited(): string | null {
    return this.exitNote;
  }

  async alive(): Promise<boolean> {
    if (this.exitNote) return false;
    try {
      return (await fetch(`${this.url}/health/live`, { signal: AbortSignal.timeout(30_000) })).status === 200;
    } catch {
      return false;
    }
  }

  /** Resident memory now and its peak (VmRSS, VmHWM), in KB; zero once the process is gone. */
  memory(): ServerMemory {
    const { rssKb, peakKb } = statusFields(this.child.pid!);
    return { rssKb, peakKb };
  }

  /** Resident memory of the process and its children together, and the largest child's peak, in KB. */
  treeMemory(): { rssKb: number; largestChildPeakKb: number } {
    const [root, ...children] = processTree(this.child.pid!);
    const childFields = children.map(statusFields);
    return {
      rssKb: statusFields(root!).rssKb + childFields.reduce((sum, f) => sum + f.rssKb, 0),
      largestChildPeakKb: Math.max(0, ...childFields.map((f) => f.peakKb)),
    };
  }

  async stop(): Promise<void> {
    if (!this.exitNote) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    await new Promise((resolve) => this.log.end(resolve));
  }
}
