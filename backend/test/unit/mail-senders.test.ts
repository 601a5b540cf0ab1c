import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import winston from 'winston';
import { MessageRejected, SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { createLogger } from '../../src/observability/logger';
import { OutboxMailSender, toEml } from '../../src/adapters/mail/outbox-mail-sender';
import { SesMailSender } from '../../src/adapters/mail/ses-mail-sender';
import { passwordResetMail } from '../../src/routes/auth/password-reset-mail';

const message = passwordResetMail('ada@example.com', 'https://app.example.com/reset-password#token=abc_DEF-123', 60);

describe('the password reset mail', () => {
  it('carries the link in both parts, escaped in HTML', () => {
    const mail = passwordResetMail('ada@example.com', 'https://app.example.com/reset-password#token=a&b', 90);
    expect(mail.text).toContain('https://app.example.com/reset-password#token=a&b\n');
    expect(mail.text).toContain('within 90 minutes');
    expect(mail.html).toContain('href="https://app.example.com/reset-password#token=a&#38;b"');
    expect(message.text).toContain('within 1 hour ');
  });
});

describe('SesMailSender', () => {
  const ses = mockClient(SESv2Client);
  afterEach(() => ses.reset());
  afterAll(() => ses.restore());

  it('sends one SendEmail (v2) request with the text and HTML parts', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    await new SesMailSender({ region: 'eu-west-1', from: 'Resume2Website <no-reply@example.com>', configurationSet: null }).send(message);
    const calls = ses.commandCalls(SendEmailCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      FromEmailAddress: 'Resume2Website <no-reply@example.com>',
      Destination: { ToAddresses: ['ada@example.com'] },
      Content: {
        Simple: {
          Subject: { Data: 'Reset your Resume2Website password', Charset: 'UTF-8' },
          Body: { Text: { Data: message.text, Charset: 'UTF-8' }, Html: { Data: message.html, Charset: 'UTF-8' } },
        },
      },
    });
  });

  it('names the configuration set when one is given', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-2' });
    await new SesMailSender({ region: 'eu-west-1', from: 'no-reply@example.com', configurationSet: 'r2w-mail' }).send(message);
    expect(ses.commandCalls(SendEmailCommand)[0]!.args[0].input.ConfigurationSetName).toBe('r2w-mail');
  });

  it('rejects when SES refuses the message', async () => {
    ses.on(SendEmailCommand).rejects(new MessageRejected({ message: 'Email address is not verified.', $metadata: {} }));
    await expect(new SesMailSender({ region: 'eu-west-1', from: 'no-reply@example.com', configurationSet: null }).send(message)).rejects.toThrow('not verified');
  });
});

describe('OutboxMailSender', () => {
  it('writes one .eml file a developer can read and logs its links', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'r2w-outbox-')), 'outbox');
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({
      level: 'silent',
      service: 'test',
      transports: [
        new winston.transports.Stream({ stream: new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>), done()) }) }),
      ],
    });
    logger.level = 'info';
    await new OutboxMailSender({ dir, from: 'Résumé <no-reply@localhost>', logger }).send(message);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d-]+Z-[\w-]+\.eml$/);
    const eml = readFileSync(path.join(dir, files[0]!), 'utf8');
    expect(eml).toMatch(/^From: =\?UTF-8\?B\?[\w+/=]+\?=\r\nTo: ada@example\.com\r\nSubject: Reset your Resume2Website password\r\nDate: .+ GMT\r\n/);
    expect(eml).toContain('\r\n\r\nSomeone, hopefully you');
    expect(eml).toContain('https://app.example.com/reset-password#token=abc_DEF-123\r\n');
    expect(lines).toEqual([
      expect.objectContaining({ message: 'mail written to the local outbox', file: path.join(dir, files[0]!), links: ['https://app.example.com/reset-password#token=abc_DEF-123'] }),
    ]);
  });

  it('encodes a non-ASCII subject as an RFC 2047 word', () => {
    expect(toEml('a@b.c', { ...message, subject: 'Réinitialiser' }, new Date(0))).toContain(`Subject: =?UTF-8?B?${Buffer.from('Réinitialiser').toString('base64')}?=\r\n`);
  });
});
