import type { Request, Response } from 'express';
import type { Database } from '../../db/database';
import type { CvById } from '../../db/cv-by-id';
import type { Metrics } from '../../observability/metrics';
import { signalTopics, type Signals } from '../../adapters/signals/signals';
import { findAccessibleCv, type CvCaller } from './cv-access';
import { progressEvent } from './cv.mapper';

export interface EventStreamOptions {
  /** How often the row is read when no signal came (a worker this process cannot hear). */
  pollMs: number;
  heartbeatMs: number;
  maxMs: number;
  /** The process is stopping: end the stream so the client reconnects to another replica. */
  stopping?: AbortSignal;
}

// Progress is read from the database, which every replica shares, so any replica can
// serve any client whichever worker does the job. A signal that the CV changed (from a
// worker in this process or on this machine) has it read at once; the poll is for the
// rest.
export async function streamCvEvents(
  req: Request,
  res: Response,
  deps: { db: Database; cvById: CvById; metrics: Metrics; signals: Signals },
  id: string,
  caller: CvCaller,
  options: EventStreamOptions,
): Promise<void> {
  // Subscribed before the first read, so that a change between that read and the stream's start is not missed.
  let changedSinceRead = false;
  let onChange = () => {
    changedSinceRead = true;
  };
  const unsubscribe = deps.signals.subscribe(signalTopics.cv(id), () => onChange());
  try {
    const first = await findAccessibleCv(deps.cvById, id, caller);
    await follow(first);
  } finally {
    unsubscribe();
  }

  async function follow(first: Parameters<typeof progressEvent>[0]): Promise<void> {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // Proxies (nginx, some load balancers) would otherwise hold events back.
      'X-Accel-Buffering': 'no',
    });
    res.write(`retry: 2000\n\n`);
    deps.metrics.cvEventStreams.inc();

    let last = '';
    let closed = false;
    const send = (row: Parameters<typeof progressEvent>[0]) => {
      const data = JSON.stringify(progressEvent(row));
      if (data === last) return;
      last = data;
      res.write(`event: progress\ndata: ${data}\n\n`);
    };
    const terminal = (status: string) => status === 'ready' || status === 'failed';

    await new Promise<void>((resolve) => {
      const started = Date.now();
      let lastWrite = Date.now();
      let timer: NodeJS.Timeout | undefined;
      // One read at a time: a signal during a read asks for one more read after it.
      let reading = false;
      let readAgain = false;
      const finish = () => {
        if (closed) return;
        closed = true;
        clearTimeout(timer);
        options.stopping?.removeEventListener('abort', finish);
        deps.metrics.cvEventStreams.dec();
        res.end();
        resolve();
      };
      req.on('close', finish);
      options.stopping?.addEventListener('abort', finish, { once: true });

      send(first);
      if (terminal(first.status) || options.stopping?.aborted) return finish();

      const read = async () => {
        if (closed) return;
        if (reading) {
          readAgain = true;
          return;
        }
        reading = true;
        clearTimeout(timer);
        try {
          const row = await deps.db.cv.findUnique({ where: { id }, select: { status: true, progress: true, progressMessage: true, errorCode: true, errorMessage: true } });
          if (!row) {
            res.write(`event: deleted\ndata: {}\n\n`);
            return finish();
          }
          const before = last;
          send(row);
          if (last !== before) lastWrite = Date.now();
          if (terminal(row.status) || Date.now() - started > options.maxMs) return finish();
        } catch {
          // A database hiccup: keep the stream and try again on the next tick.
        } finally {
          reading = false;
        }
        if (Date.now() - lastWrite >= options.heartbeatMs) {
          res.write(`: keep-alive\n\n`);
          lastWrite = Date.now();
        }
        if (readAgain) {
          readAgain = false;
          return void read();
        }
        timer = setTimeout(read, options.pollMs);
      };
      onChange = () => void read();
      if (changedSinceRead) void read();
      else timer = setTimeout(read, options.pollMs);
    });
  }
}
