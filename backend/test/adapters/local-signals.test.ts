import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import winston from 'winston';
import { Writable } from 'node:stream';
import { LocalSignals } from '../../src/adapters/signals/local-signals';
import { createLogger } from '../../src/observability/logger';
import { waitFor } from '../support/ports';

let dir: string;
const open: LocalSignals[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'r2w-signals-'));
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((signals) => signals.close()));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function listening(options: ConstructorParameters<typeof LocalSignals>[0]): Promise<LocalSignals> {
  const signals = new LocalSignals(options);
  open.push(signals);
  await signals.listening;
  return signals;
}

const sockets = () => fs.readdirSync(dir).filter((file) => file.endsWith('.sock'));

// Another Node process with its own LocalSignals on the same folder: it says "ready" once
// it can be signalled, publishes each line it is given, and prints each topic it hears.
const PEER = `
  require('tsx/cjs');
  const { LocalSignals } = require(process.env.SIGNALS_MODULE);
  const signals = new LocalSignals({ dir: process.env.SIGNALS_DIR });
  signals.subscribe('cv:from-parent', () => process.stdout.write('heard cv:from-parent\\n'));
  signals.listening.then(() => process.stdout.write('ready\\n'));
  process.stdin.setEncoding('utf8').on('data', (line) => signals.publish(line.trim()));
  process.stdin.on('end', () => signals.close());
`;

function startPeer(): { child: ChildProcess; said: (line: string) => Promise<void> } {
  const child = spawn(process.execPath, ['-e', PEER], {
    env: { ...process.env, SIGNALS_MODULE: path.join(__dirname, '../../src/adapters/signals/local-signals.ts'), SIGNALS_DIR: dir },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let stdout = '';
  const waiting: { line: string; resolve: () => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const w of waiting.filter((w) => stdout.split('\n').includes(w.line))) w.resolve();
  });
  const said = (line: string) =>
    new Promise<void>((resolve, reject) => {
      if (stdout.split('\n').includes(line)) return resolve();
      waiting.push({ line, resolve });
      child.once('exit', (code) => reject(new Error(`peer exited (${code}) before saying "${line}"`)));
    });
  return { child, said };
}

describe('LocalSignals', () => {
  it('carries a topic both ways between two processes sharing the folder, and only to its subscribers', async () => {
    const here = await listening({ dir });
    const peer = startPeer();
    try {
      await peer.said('ready');
      const other = jest.fn();
      here.subscribe('queue:other', other);
      const heard = new Promise<void>((resolve) => here.subscribe('queue:jobs', resolve));
      peer.child.stdin!.write('queue:jobs\n');
      await heard;

      here.publish('cv:from-parent');
      await peer.said('heard cv:from-parent');
      expect(other).not.toHaveBeenCalled();
    } finally {
      peer.child.stdin!.end();
      await once(peer.child, 'exit');
    }
    // A process that closes takes its socket with it.
    expect(sockets()).toHaveLength(1);
  });

  it('tells subscribers in its own process, and removes the socket a killed process left behind when it publishes', async () => {
    const peer = startPeer();
    await peer.said('ready');
    peer.child.kill('SIGKILL');
    await once(peer.child, 'exit');
    expect(sockets()).toHaveLength(1);

    const here = await listening({ dir });
    const heard = new Promise<void>((resolve) => here.subscribe('queue:jobs', resolve));
    here.publish('queue:jobs');
    await heard;
    await waitFor(async () => sockets().length === 1, { what: "the dead process's socket to go" });
  });

  it('still signals within its process, and says so, when the folder is too deep for a socket path', async () => {
    const deep = path.join(dir, 'a'.repeat(60), 'b'.repeat(60));
    const warnings: string[] = [];
    const capture = new winston.transports.Stream({
      stream: new Writable({
        write(chunk: Buffer, _encoding, done) {
          warnings.push(chunk.toString());
          done();
        },
      }),
    });
    // Silent on the console; the capture still gets the warnings.
    const logger = createLogger({ level: 'silent', service: 'test', transports: [capture] });
    logger.level = 'warn';
    const signals = await listening({ dir: deep, logger });
    const heard = new Promise<void>((resolve) => signals.subscribe('queue:jobs', resolve));
    signals.publish('queue:jobs');
    await heard;
    expect(warnings.join('')).toContain('signals from other processes are off');
    expect(fs.readdirSync(deep)).toEqual([]);
  });
});
