import { randomUUID } from 'node:crypto';
import { Prisma, type Database } from '../../../db/database';
import type { OAuthProviderId } from '../../../config/env';
import { publicUserSelect, type PublicUser } from '../user.mapper';
import { OAuthFlowError } from './oauth-failure';
import type { VerifiedIdentity } from './oidc-client';

/** signed_in: a known identity; linked: a new identity on an existing account (same verified e-mail); signed_up: a new account. */
export type AccountOutcome = 'signed_in' | 'linked' | 'signed_up';

/**
 * The account an identity signs in to. An identity seen before keeps its account whatever
 * its e-mail is now. A new one joins the account with its e-mail only when the provider
 * has verified that e-mail; otherwise whoever controls the provider account could take
 * over ours. Nothing is written unless the whole sign-in can succeed.
 */
export interface AccountForIdentity {
  user: PublicUser;
  outcome: AccountOutcome;
  /** Linking took away a password nobody had proved the e-mail for: the account's other sessions must end. */
  passwordCleared: boolean;
}

export async function accountForIdentity(db: Database, provider: OAuthProviderId, identity: VerifiedIdentity): Promise<AccountForIdentity> {
  try {
    return await resolve(db, provider, identity);
  } catch (error) {
    // Another request created the identity or the account a moment ago: it now exists.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return resolve(db, provider, identity);
    throw error;
  }
}

async function resolve(db: Database, provider: OAuthProviderId, identity: VerifiedIdentity): Promise<AccountForIdentity> {
  const known = await db.oAuthIdentity.findUnique({ where: { provider_subject: { provider, subject: identity.subject } }, select: { user: { select: publicUserSelect } } });
  if (known) return { user: known.user, outcome: 'signed_in', passwordCleared: false };
  if (!identity.email) throw new OAuthFlowError('email_missing', 'the ID token has no usable e-mail address');
  // An unverified address neither joins an account nor makes one: the address would then
  // be taken from its real owner.
  if (!identity.emailVerified) throw new OAuthFlowError('email_unverified', 'the provider has not verified the e-mail address');

  const existing = await db.user.findUnique({ where: { email: identity.email }, select: publicUserSelect });
  if (existing) {
    await db.oAuthIdentity.create({ data: { id: randomUUID(), provider, subject: identity.subject, userId: existing.id } });
    // Signing up with a password never proved the address; the provider just has. Whoever
    // chose that password may have registered someone else's e-mail to wait for its owner,
    // so the password goes (and, in the caller, every session made with it): the owner signs
    // in through the provider from now on.
    const { count } = await db.user.updateMany({ where: { id: existing.id, passwordHash: { not: null } }, data: { passwordHash: null } });
    return { user: existing, outcome: 'linked', passwordCleared: count > 0 };
  }
  // One statement: the account and its identity exist together or not at all.
  const user = await db.user.create({
    data: { id: randomUUID(), email: identity.email, name: identity.name, passwordHash: null, identities: { create: { id: randomUUID(), provider, subject: identity.subject } } },
    select: publicUserSelect,
  });
  return { user, outcome: 'signed_up', passwordCleared: false };
}
