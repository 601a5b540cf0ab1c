import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database';
import { Prisma } from '../../db/database';
import { AppError } from '@r2w/cv-schema';
import type { SessionStore } from '../../adapters/session-store/session-store';
import type { SitePointers } from '../../adapters/site-pointers/site-pointers';
import type { TaskRunner } from '../../adapters/task-runner/task-runner';
import type { ObjectStorage } from '@r2w/storage';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';
import type { LoginBody, RegisterBody, Session, User } from '@r2w/cv-schema/api';
import { hashPassword, verifyPassword } from './passwords';
import { formatRefreshToken, hashRefreshSecret, newRefreshSecret, parseRefreshToken, type AccessClaims, type TokenService } from './tokens';
import { publicUserSelect, toApiUser, type PublicUser } from './user.mapper';
import { bestEffort } from '../../lib/best-effort';
import { deleteWithSites } from '../../sites/take-down-sites';

export interface AuthServiceDeps {
  db: Database;
  sessions: SessionStore;
  storage: ObjectStorage;
  sitePointers: SitePointers;
  taskRunner: TaskRunner;
  tokens: TokenService;
  metrics: Metrics;
  logger: Logger;
  scryptLog2N: number;
  sessionTtlSeconds: number;
}

// One message whether the e-mail is unknown or the password wrong, so the answer does
// not tell an attacker which accounts exist.
const BAD_CREDENTIALS = 'The e-mail address or password is not correct.';
const REFRESH_REFUSED = 'Your session has ended; please sign in again.';

export class AuthService {
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly deps: AuthServiceDeps) {}

  async register(input: RegisterBody): Promise<Session> {
    const { db, metrics, logger } = this.deps;
    const passwordHash = await hashPassword(input.password, this.deps.scryptLog2N);
    let user: PublicUser;
    try {
      user = await db.user.create({
        data: { id: randomUUID(), email: input.email, name: input.name ?? null, passwordHash },
        select: publicUserSelect,
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new AppError('EMAIL_TAKEN', 'An account with this e-mail address already exists. Sign in instead.');
      }
      throw error;
    }
    metrics.authEvents.inc({ event: 'register' });
    logger.info('account registered', { userId: user.id });
    return this.startSession(user);
  }

  async login(input: LoginBody): Promise<Session> {
    const { db, metrics, logger } = this.deps;
    const found = await db.user.findUnique({ where: { email: input.email }, select: { ...publicUserSelect, passwordHash: true } });
    // Hash even when there is no such user, so both failures take the same time.
    const valid = await verifyPassword(input.password, found?.passwordHash ?? (await this.timingDummy()));
    if (!found || !found.passwordHash || !valid) {
      metrics.authEvents.inc({ event: 'login_failed' });
      logger.info('login refused', { reason: found ? 'wrong password' : 'unknown e-mail' });
      throw new AppError('INVALID_CREDENTIALS', BAD_CREDENTIALS);
    }
    const { passwordHash: _omit, ...user } = found;
    metrics.authEvents.inc({ event: 'login' });
    logger.info('signed in', { userId: user.id });
    return this.startSession(user);
  }

  async refresh(refreshToken: string | undefined): Promise<Session> {
    const { db, sessions, metrics, logger } = this.deps;
    const parsed = refreshToken ? parseRefreshToken(refreshToken) : null;
    if (!parsed) throw new AppError('INVALID_TOKEN', 'A valid refresh token is required.');

    const secret = newRefreshSecret();
    const outcome = await sessions.rotate(parsed.sessionId, hashRefreshSecret(parsed.secret), hashRefreshSecret(secret), this.expiresAt());
    if (outcome === 'reused') {
      // An already-rotated token came back: someone else may hold the newer one, so the
      // whole session is gone for both of them.
      metrics.authEvents.inc({ event: 'refresh_reuse' });
      logger.warn('refresh token reused; session revoked', { sessionId: parsed.sessionId });
      throw new AppError('SESSION_REVOKED', REFRESH_REFUSED);
    }
    if (outcome === 'invalid') {
      // Never issued for this session: refuse it and leave the session to its holder.
      metrics.authEvents.inc({ event: 'refresh_invalid' });
      logger.info('refresh refused: token not issued for this session', { sessionId: parsed.sessionId });
      throw new AppError('INVALID_TOKEN', 'This refresh token is not valid; please sign in again.');
    }
    if (outcome === 'missing') throw new AppError('SESSION_REVOKED', REFRESH_REFUSED);

    const session = await sessions.get(parsed.sessionId);
    const user = session ? await db.user.findUnique({ where: { id: session.userId }, select: publicUserSelect }) : null;
    if (!session || !user) {
      await sessions.delete(parsed.sessionId);
      throw new AppError('SESSION_REVOKED', REFRESH_REFUSED);
    }
    metrics.authEvents.inc({ event: 'refresh' });
    return this.issue(user, session.id, secret);
  }

  async logout(claims: AccessClaims): Promise<void> {
    await this.deps.sessions.delete(claims.sessionId);
    this.deps.metrics.authEvents.inc({ event: 'logout' });
    this.deps.logger.info('signed out', { userId: claims.userId });
  }

  async me(claims: AccessClaims): Promise<User> {
    const user = await this.deps.db.user.findUnique({ where: { id: claims.userId }, select: publicUserSelect });
    if (!user) throw new AppError('SESSION_REVOKED', 'This account no longer exists.');
    return toApiUser(user);
  }

  async deleteAccount(claims: AccessClaims): Promise<void> {
    const { db, sessions, storage, sitePointers, taskRunner, metrics, logger } = this.deps;
    // Sessions first: if a later step fails the user is signed out but keeps their data
    // and can sign in again; the reverse would leave live sessions of a deleted account.
    await sessions.deleteAllForUser(claims.userId);
    const cvs = await db.cv.findMany({ where: { userId: claims.userId }, select: { fileKey: true, photoKey: true } });
    const files = cvs.flatMap(({ fileKey, photoKey }) => [fileKey, photoKey].filter((key): key is string => key !== null));
    const portfolios = await db.portfolio.findMany({ where: { userId: claims.userId }, select: { id: true, slug: true, publishedBuildId: true } });
    // CVs and portfolios go with the user (cascade).
    await deleteWithSites({ db, sitePointers, storage, taskRunner, logger, metrics }, portfolios, () => db.user.deleteMany({ where: { id: claims.userId } }));
    // Files after the rows, as a file without a row is invisible.
    await bestEffort(
      files.map((key) => storage.delete(key)),
      logger,
      'account files not all deleted',
      { userId: claims.userId },
    );
    metrics.authEvents.inc({ event: 'account_deleted' });
    logger.info('account deleted', { userId: claims.userId, files: files.length });
  }

  private expiresAt(): number {
    return Date.now() + this.deps.sessionTtlSeconds * 1000;
  }

  /** A new session for a user who has proved who they are (a password, or a provider's ID token). */
  async startSession(user: PublicUser): Promise<Session> {
    const sessionId = randomUUID();
    const secret = newRefreshSecret();
    await this.deps.sessions.create({ id: sessionId, userId: user.id, refreshHash: hashRefreshSecret(secret), createdAt: Date.now(), expiresAt: this.expiresAt() });
    return this.issue(user, sessionId, secret);
  }

  private issue(user: PublicUser, sessionId: string, secret: string): Session {
    const { tokens } = this.deps;
    return {
      user: toApiUser(user),
      accessToken: tokens.issueAccessToken({ userId: user.id, sessionId }),
      refreshToken: formatRefreshToken(sessionId, secret),
      expiresIn: tokens.accessTokenTtlSeconds,
    };
  }

  private timingDummy(): Promise<string> {
    this.dummyHash ??= hashPassword('timing-equaliser-not-a-password', this.deps.scryptLog2N);
    return this.dummyHash;
  }
}
