import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';
import { InProcessSignals, type Signals } from './signals';

// Signals between the processes of one machine that share a DATA_DIR (the API and a worker
// started with `npm run worker`, both on the local queue). Each process listens on a Unix
// socket of its own in one folder; a publish writes the topic to every socket there. The
// local queue already needs its processes on one machine (SQLite's WAL lives in shared
// memory), so this asks for nothing more. A socket whose process died refuses connections
// and is removed by the first publisher that finds it.

// sun_path holds 104 bytes on macOS, 108 on Linux, the terminating NUL included.
const MAX_SOCKET_PATH_BYTES = 103;
const SOCKET_SUFFIX = '.sock';
// The longest topic worth reading; anything longer is not from a peer.
const MAX_LINE_CHARS = 512;

export interface LocalSignalsOptions {
  /** The folder the processes' sockets live in (DATA_DIR/signals). */
  dir: string;
  logger?: Logger;
  metrics?: Metrics;
}

export class LocalSignals implements Signals {
  private readonly local = new InProcessSignals();
  private readonly dir: string;
  private readonly ownFile: string;
  private readonly server: net.Server;
  /** Resolves once this process can be signalled by the others (or never will be: see the warning). */
  readonly listening: Promise<void>;
  private closed = false;

  constructor(private readonly options: LocalSignalsOptions) {
    this.dir = options.dir;
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const name = randomBytes(6).toString('hex');
    this.ownFile = path.join(this.dir, name + SOCKET_SUFFIX);
    this.server = net.createServer((socket) => this.readPeer(socket));
    // The sockets must never keep a process alive that has nothing else to do.
    this.server.unref();
    this.listening = this.listen(path.join(this.dir, `.${name}.binding`));
  }

  publish(topic: string): void {
    this.local.publish(topic);
    if (this.closed) return;
    void this.publishToPeers(topic);
  }

  subscribe(topic: string, listener: () => void): () => void {
    return this.local.subscribe(topic, listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.listening;
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    fs.rmSync(this.ownFile, { force: true });
    await this.local.close();
  }

  // Bound under a name publishers ignore and renamed once listening: a publisher that
  // reached the socket between bind and listen would take it for a dead one and delete it.
  private async listen(bindingFile: string): Promise<void> {
    try {
      if (Buffer.byteLength(bindingFile) > MAX_SOCKET_PATH_BYTES) throw new Error(`the path ${bindingFile} is longer than a Unix socket path may be`);
      await new Promise<void>((resolve, reject) => {
        this.server.once('error', reject);
        this.server.listen(bindingFile, () => {
          this.server.off('error', reject);
          resolve();
        });
      });
      fs.renameSync(bindingFile, this.ownFile);
      this.server.on('error', (error) => this.options.logger?.warn('signal socket problem', { err: error.message }));
    } catch (error) {
      fs.rmSync(bindingFile, { force: true });
      this.options.logger?.warn('signals from other processes are off; this process looks for new work at its fallback interval', {
        dir: this.dir,
        err: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private readPeer(socket: net.Socket): void {
    let buffered = '';
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      if (buffered.length > MAX_LINE_CHARS) return socket.destroy();
      for (const topic of lines) if (topic) this.local.publish(topic);
    });
  }

  private async publishToPeers(topic: string): Promise<void> {
    let files: string[];
    try {
      files = await fs.promises.readdir(this.dir);
    } catch {
      return;
    }
    const peers = files.filter((file) => file.endsWith(SOCKET_SUFFIX)).map((file) => path.join(this.dir, file));
    await Promise.all(peers.filter((peer) => peer !== this.ownFile).map((peer) => this.send(peer, topic)));
  }

  private send(peer: string, topic: string): Promise<void> {
    const count = (outcome: 'sent' | 'stale_peer' | 'failed') => this.options.metrics?.signalsSent.inc({ outcome });
    return new Promise((resolve) => {
      const socket = net.connect(peer);
      socket.on('connect', () => socket.end(`${topic}\n`));
      socket.on('close', (hadError) => {
        if (!hadError) count('sent');
        resolve();
      });
      socket.on('error', (error: NodeJS.ErrnoException) => {
        // Nobody listens there: its process is gone and left its socket behind.
        if (error.code === 'ECONNREFUSED') {
          fs.rmSync(peer, { force: true });
          count('stale_peer');
        } else if (error.code !== 'ENOENT') {
          count('failed');
        }
      });
    });
  }
}
