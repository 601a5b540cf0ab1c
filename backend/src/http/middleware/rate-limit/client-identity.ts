import { createHmac } from 'node:crypto';
import type { Request } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';

/**
 * The client's network as the rate limits see it: its IPv4 address, or the /64 of its
 * IPv6 address (one subscriber usually holds a whole /64, so counting single IPv6
 * addresses would give each client billions of allowances). req.ip follows `trust proxy`.
 */
export function clientNetwork(req: Request): string {
  return ipKeyGenerator(req.ip ?? 'unknown', 64);
}

/**
 * Keyed hashes of client identifiers (networks, e-mail addresses), so that database rows,
 * counters and logs can tell clients apart without holding the identifiers themselves; the
 * key keeps them from being reversed by hashing every IPv4 address.
 */
export class IdentifierHasher {
  constructor(private readonly key: string) {}

  hash(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url').slice(0, 22);
  }
}
