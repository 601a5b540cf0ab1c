import type { MailMessage, MailSender } from '../../src/adapters/mail/mail-sender';
import { SettlingMailSender } from '../../src/adapters/mail/settling-mail-sender';

const message: MailMessage = { to: 'jane@example.com', subject: 'Reset', text: 'link', html: '<p>link</p>' };

/** A sender whose every send waits until the test ends it. */
function heldSender() {
  const held: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const sender: MailSender = {
    kind: 'outbox',
    send: () => new Promise<void>((resolve, reject) => held.push({ resolve, reject })),
  };
  return { sender, held };
}

/** Whether the promise has settled once everything already queued has run. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('SettlingMailSender', () => {
  it('lets a stopping process wait for mail still on its way, sent or failed', async () => {
    const { sender, held } = heldSender();
    const mail = new SettlingMailSender(sender);
    const first = mail.send(message);
    const second = mail.send(message);
    const settled = mail.settled();
    expect(await isSettled(settled)).toBe(false);

    held[0]!.resolve();
    await expect(first).resolves.toBeUndefined();
    expect(await isSettled(settled)).toBe(false);

    // A failure reaches the caller as before, and counts as done for the wait.
    held[1]!.reject(new Error('SES said no'));
    await expect(second).rejects.toThrow('SES said no');
    await expect(settled).resolves.toBe(0);
    expect(mail.kind).toBe('outbox');
  });

  it('also waits for a message handed over while it was already waiting', async () => {
    const { sender, held } = heldSender();
    const mail = new SettlingMailSender(sender);
    void mail.send(message);
    const settled = mail.settled();
    void mail.send(message);
    held[0]!.resolve();
    expect(await isSettled(settled)).toBe(false);
    held[1]!.resolve();
    await expect(settled).resolves.toBe(0);
  });

  it('has nothing to wait for when nothing was sent', async () => {
    await expect(new SettlingMailSender(heldSender().sender).settled()).resolves.toBe(0);
  });

  it('stops waiting when told to, saying how many are still on their way', async () => {
    const { sender, held } = heldSender();
    const mail = new SettlingMailSender(sender);
    void mail.send(message);
    void mail.send(message);
    held[0]!.resolve();
    const stop = new AbortController();
    const settled = mail.settled(stop.signal);
    expect(await isSettled(settled)).toBe(false);
    stop.abort();
    await expect(settled).resolves.toBe(1);
    await expect(mail.settled(AbortSignal.abort())).resolves.toBe(1);
  });
});
