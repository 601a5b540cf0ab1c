import { SESv2Client, SendEmailCommand, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { awsClientConfig, instrumented, type AwsConnection } from '@r2w/storage';
import type { MailMessage, MailSender } from './mail-sender';

export interface SesMailSenderOptions extends AwsConnection {
  from: string;
  /** An SES configuration set (delivery events, suppression); none when null. */
  configurationSet: string | null;
}

/** The SendEmail request (SES API v2) for one message. */
export function sendEmailInput(options: Pick<SesMailSenderOptions, 'from' | 'configurationSet'>, message: MailMessage): SendEmailCommandInput {
  return {
    FromEmailAddress: options.from,
    Destination: { ToAddresses: [message.to] },
    Content: {
      Simple: {
        Subject: { Data: message.subject, Charset: 'UTF-8' },
        Body: { Text: { Data: message.text, Charset: 'UTF-8' }, Html: { Data: message.html, Charset: 'UTF-8' } },
      },
    },
    ...(options.configurationSet ? { ConfigurationSetName: options.configurationSet } : {}),
  };
}

/** Amazon SES (v2 API), with the task role's credentials in ECS. */
export class SesMailSender implements MailSender {
  readonly kind = 'ses';
  private readonly client: SESv2Client;

  constructor(private readonly options: SesMailSenderOptions) {
    // A few attempts: mail is sent after the request has been answered, so nobody waits on it.
    this.client = instrumented(options, new SESv2Client(awsClientConfig(options, { maxAttempts: 3, requestHandler: { requestTimeout: 10_000 } })));
  }

  async send(message: MailMessage): Promise<void> {
    await this.client.send(new SendEmailCommand(sendEmailInput(this.options, message)));
  }
}
