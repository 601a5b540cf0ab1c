import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '@r2w/cv-schema';
import type { PasswordResetBody, PasswordResetRequestBody, Session } from '@r2w/cv-schema/api';
import type { Database } from '../../db/database';
import type { SessionStore } from '../../adapters/session-store/session-store';
import type { MailSender } from '../../adapters/mail/mail-sender';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';
import type { AuthService } from './auth.service';
import { hashPassword } from './passwords';
import { publicUserSelect } from './user.mapper';
import { passwordResetMail } from './password-reset-mail';

export interface PasswordResetsDeps {
  db: Database;
  sessions: SessionStore;
  mail: MailSender;
  auth: AuthService;
  metrics: Metrics;
  logger: Logger;
  scryptLog2N: number;
  ttlMinutes: number;
  /** The SPA's origin: the link leads to its /reset-password page. */
  appBaseUrl: string;
}

/** The one answer to every reset request, so it does not tell who has an account. */
export const RESET_REQUESTED = 'If an account uses this address, an e-mail with a link to choose a new password is on its way.';
const LINK_REFUSED = 'This password reset link does not work: it is unknown, has expired or was used already. Ask for a new one.';

// The token is 256 random bits, so a fast hash suffices (no guessing to slow down), and the
// lookup by hash needs no per-row salt.
const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Password reset by e-mail: a single-use link that expires, of which only a hash is stored;
 * using it sets the password, ends every session and every other link of the account.
 */
export class PasswordResets {
  constructor(private readonly deps: PasswordResetsDeps) {}

  async request(input: PasswordResetRequestBody): Promise<void> {
    const { db, metrics, logger, ttlMinutes } = this.deps;
    const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, email: true } });
    if (!user) {
      metrics.passwordResets.inc({ event: 'requested_unknown_email' });
      logger.info('password reset asked for an address without an account');
      return;
    }
    // The token travels in the link's fragment, which browsers never send to a server, so
    // it stays out of access logs and Referer headers.
    const token = randomBytes(32).toString('base64url');
    await db.passwordResetToken.create({ data: { id: randomUUID(), userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + ttlMinutes * 60_000) } });
    metrics.passwordResets.inc({ event: 'requested' });
    logger.info('password reset link made', { userId: user.id });
    // Sent after the answer: waiting for SES would make known addresses answer slower than unknown ones.
    void this.deliver(user, `${this.deps.appBaseUrl}/reset-password#token=${token}`);
  }

  async reset(input: PasswordResetBody): Promise<Session> {
    const { db, sessions, metrics, logger, scryptLog2N } = this.deps;
    const found = await db.passwordResetToken.findUnique({ where: { tokenHash: hashToken(input.token) }, select: { id: true, userId: true, expiresAt: true, usedAt: true } });
    const refusal = !found ? 'unknown' : found.usedAt ? 'used' : found.expiresAt.getTime() <= Date.now() ? 'expired' : null;
    if (!found || refusal) return this.refuse(refusal ?? 'unknown');
    const passwordHash = await hashPassword(input.password, scryptLog2N);
    const now = new Date();
    // The claim is one conditional update, so two requests with the same link cannot both pass.
    const claimed = await db.passwordResetToken.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) return this.refuse('used');
    const user = await db.user.update({ where: { id: found.userId }, data: { passwordHash }, select: publicUserSelect });
    // Whoever knew the old password, or holds another link, is shut out from here on.
    await db.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await sessions.deleteAllForUser(user.id);
    metrics.passwordResets.inc({ event: 'reset' });
    logger.info('password reset; every other session ended', { userId: user.id });
    return this.deps.auth.startSession(user);
  }

  private refuse(reason: 'unknown' | 'used' | 'expired'): never {
    this.deps.metrics.passwordResets.inc({ event: `refused_${reason}` });
    this.deps.logger.info('password reset refused', { reason });
    throw new AppError('RESET_TOKEN_INVALID', LINK_REFUSED);
  }

  private async deliver(user: { id: string; email: string }, link: string): Promise<void> {
    const { mail, metrics, logger, ttlMinutes } = this.deps;
    try {
      await mail.send(passwordResetMail(user.email, link, ttlMinutes));
      metrics.mailMessages.inc({ driver: mail.kind, outcome: 'sent' });
      logger.info('password reset mail sent', { userId: user.id, driver: mail.kind });
    } catch (error) {
      metrics.mailMessages.inc({ driver: mail.kind, outcome: 'failed' });
      logger.error('password reset mail not sent', { userId: user.id, driver: mail.kind, err: error instanceof Error ? error.message : String(error) });
    }
  }
}
