import { EventEmitter } from 'node:events';

// Signals are "look again" notices between the parts of the product: a job was queued,
// a CV's extraction moved on. They carry no data and promise no delivery: the truth stays
// in the queue and the database, and whoever waits on a signal also looks again after a
// fallback interval, so a lost signal costs that interval, never a job or a state.
export interface Signals {
  /** Tells every subscriber of `topic`, in this process and in the others that share it. Never throws. */
  publish(topic: string): void;
  /** Returns the way to unsubscribe. */
  subscribe(topic: string, listener: () => void): () => void;
  close(): Promise<void>;
}

/** The topics in use, named in one place. */
export const signalTopics = {
  /** A job was sent or handed back to this queue. */
  queue: (queueName: string) => `queue:${queueName}`,
  /** This CV's status or progress changed. */
  cv: (cvId: string) => `cv:${cvId}`,
};

/** Signals within this process only: what the other implementations add other processes to. */
export class InProcessSignals implements Signals {
  // Every open event stream subscribes: many listeners are normal, not a leak.
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(topic: string): void {
    this.emitter.emit(topic);
  }

  subscribe(topic: string, listener: () => void): () => void {
    this.emitter.on(topic, listener);
    return () => this.emitter.off(topic, listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
