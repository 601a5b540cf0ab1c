import dgram from 'node:dgram';
import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';

// A stand-in for the X-Ray daemon: a UDP socket that keeps every segment document the SDK
// sends (a datagram is a JSON header line, then the document). Tests wait for documents as
// they arrive, not for time to pass.
export interface SegmentDocument {
  id: string;
  trace_id: string;
  name: string;
  parent_id?: string;
  type?: string;
  namespace?: string;
  fault?: boolean;
  annotations?: Record<string, string | number | boolean>;
  http?: { request?: { method?: string; url?: string }; response?: { status?: number } };
  aws?: { operation?: string };
  sql?: Record<string, string>;
  subsegments?: SegmentDocument[];
}

export interface XrayDaemon {
  /** For AWS_XRAY_DAEMON_ADDRESS. */
  address: string;
  documents: SegmentDocument[];
  /** Every datagram as received, for searching the wire itself. */
  datagrams: string[];
  /** The first document (already received or still to come) that matches. */
  next(match: (doc: SegmentDocument) => boolean): Promise<SegmentDocument>;
  close(): Promise<void>;
}

/** A document and all its subsegments, nested or not. */
export function allSubsegments(doc: SegmentDocument): SegmentDocument[] {
  return (doc.subsegments ?? []).flatMap((sub) => [sub, ...allSubsegments(sub)]);
}

export async function startXrayDaemon(): Promise<XrayDaemon> {
  const socket = dgram.createSocket('udp4');
  const documents: SegmentDocument[] = [];
  const datagrams: string[] = [];
  const arrivals = new EventEmitter();
  socket.on('message', (message) => {
    const text = message.toString('utf8');
    datagrams.push(text);
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline)) as { format: string; version: number };
    if (header.format !== 'json' || header.version !== 1) throw new Error(`unexpected X-Ray datagram header: ${text.slice(0, newline)}`);
    const doc = JSON.parse(text.slice(newline + 1)) as SegmentDocument;
    documents.push(doc);
    arrivals.emit('document', doc);
  });
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  const { port } = socket.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    documents,
    datagrams,
    next(match) {
      const found = documents.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => {
        const listener = (doc: SegmentDocument) => {
          if (!match(doc)) return;
          arrivals.off('document', listener);
          resolve(doc);
        };
        arrivals.on('document', listener);
      });
    },
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
