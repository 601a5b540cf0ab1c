// Mail the product sends (password reset links) behind one call, so that the services
// never see how it leaves: files in a local outbox, or Amazon SES in AWS.

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailSender {
  readonly kind: 'outbox' | 'ses';
  /** Resolves once the message is handed over (written, or accepted by SES); rejects otherwise. */
  send(message: MailMessage): Promise<void>;
}
