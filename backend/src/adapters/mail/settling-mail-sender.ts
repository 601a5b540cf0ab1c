import type { MailMessage, MailSender } from './mail-sender';

/**
 * A sender that remembers the messages still on their way, so that a stopping process can
 * wait for them: a reset link is sent after the request has been answered, and a SIGTERM in
 * between (a deploy) would otherwise drop it while the user waits for a mail that never comes.
 */
export class SettlingMailSender implements MailSender {
  private readonly sending = new Set<Promise<void>>();

  constructor(private readonly inner: MailSender) {}

  get kind(): MailSender['kind'] {
    return this.inner.kind;
  }

  send(message: MailMessage): Promise<void> {
    const sent = this.inner.send(message);
    const tracked = sent.then(
      () => undefined,
      () => undefined,
    );
    this.sending.add(tracked);
    void tracked.then(() => this.sending.delete(tracked));
    return sent;
  }

  /**
   * Resolves once every message handed over so far has been sent or has failed, or when
   * `signal` aborts (a stop must not outlast its grace period): with the number still on their way.
   */
  async settled(signal?: AbortSignal): Promise<number> {
    const aborted = signal ? new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true }))) : null;
    while (this.sending.size > 0 && !signal?.aborted) await Promise.race([Promise.all(this.sending), ...(aborted ? [aborted] : [])]);
    return this.sending.size;
  }
}
