import type { Request, Response } from 'express';
import type { Database } from '../../db/database';
import type { CvById } from '../../db/cv-by-id';
import type { Metrics } from '../../observability/metrics';
import { findAccessibleCv, type CvCaller } from './cv-access';
import { progressEvent } from './cv.mapper';

export interface EventStreamOptions {
  pollMs: number;
  heartbeatMs: number;
  maxMs: number;
  /** The process is stopping: end the stream so the client reconnects to another replica. */
  stopping?: AbortSignal;
}

// Progress is read from the database, which every replica shares, so any replica can
// serve any client whichever worker does the job.
export async function streamCvEvents(req: Request, res: Response, deps: { db: Database; cvById: CvById; metrics: Metrics }, id: string, caller: CvCaller, options: EventStreamOptions): Promise<void> {
  const first = await findAccessibleCv(deps.cvById, id, caller);
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

    const poll = async () => {
      if (closed) return;
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
      }
      if (Date.now() - lastWrite >= options.heartbeatMs) {
        res.write(`: keep-alive\n\n`);
        lastWrite = Date.now();
      }
      timer = setTimeout(poll, options.pollMs);
    };
    timer = setTimeout(poll, options.pollMs);
  });
}
