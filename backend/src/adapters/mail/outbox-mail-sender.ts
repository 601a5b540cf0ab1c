import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../observability/logger';
import type { MailMessage, MailSender } from './mail-sender';

// Non-ASCII header text as an RFC 2047 encoded word, so any mail client shows it.
function headerText(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/** The message as an .eml file: any mail client opens it, and it reads as plain text too. */
export function toEml(from: string, message: MailMessage, date: Date): string {
  const headers = [
    `From: ${headerText(from)}`,
    `To: ${message.to}`,
    `Subject: ${headerText(message.subject)}`,
    `Date: ${date.toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${message.text.replace(/\r?\n/g, '\r\n')}\r\n`;
}

/**
 * The local stand-in for a mail service: each message becomes a file under DATA_DIR/outbox
 * that a developer opens, and its links are printed in the log so a reset can be followed
 * from the terminal. Only this local driver logs links; SES never does.
 */
export class OutboxMailSender implements MailSender {
  readonly kind = 'outbox';

  constructor(private readonly options: { dir: string; from: string; logger: Logger }) {}

  async send(message: MailMessage): Promise<void> {
    const { dir, from, logger } = this.options;
    const now = new Date();
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${now.toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`);
    // Written whole under another name first, so a reader never sees half a message.
    await writeFile(`${file}.partial`, toEml(from, message, now), { mode: 0o600 });
    await rename(`${file}.partial`, file);
    logger.info('mail written to the local outbox', { file, subject: message.subject, links: message.text.match(/https?:\/\/\S+/g) ?? [] });
  }
}
