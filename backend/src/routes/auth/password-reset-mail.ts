import type { MailMessage } from '../../adapters/mail/mail-sender';

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The e-mail with a password reset link; the link is the only thing in it that varies. */
export function passwordResetMail(to: string, link: string, ttlMinutes: number): MailMessage {
  const within = ttlMinutes % 60 === 0 ? `${ttlMinutes / 60} hour${ttlMinutes === 60 ? '' : 's'}` : `${ttlMinutes} minutes`;
  const lines = [
    'Someone, hopefully you, asked to reset the password of your Resume2Website account.',
    `Choose a new password with this link within ${within} (it works once):`,
    link,
    'If it was not you, ignore this e-mail: your password stays as it is.',
  ];
  return {
    to,
    subject: 'Reset your Resume2Website password',
    text: `${lines.join('\n\n')}\n`,
    html: `<p>${escapeHtml(lines[0]!)}</p><p>${escapeHtml(lines[1]!)}</p><p><a href="${escapeHtml(link)}">Choose a new password</a></p><p>${escapeHtml(lines[3]!)}</p>`,
  };
}
