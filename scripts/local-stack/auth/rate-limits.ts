// GoTrue's rate limits for the local stack, on rate-limiter-flexible's in-memory fixed windows. Over a limit the
// answer is GoTrue's: 429 `over_request_rate_limit` "Request rate limit reached", with Retry-After.

import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { HttpError } from '../http-utils.ts';
import { authError } from './errors.ts';
import type { AuthRateLimits } from './settings.ts';

export type LimitKind = keyof AuthRateLimits;

export class AuthRateLimiter {
  private readonly limiters: Record<LimitKind, RateLimiterMemory>;

  constructor(limits: AuthRateLimits) {
    const make = (w: { points: number; durationSeconds: number }) =>
      new RateLimiterMemory({ points: w.points, duration: w.durationSeconds });
    this.limiters = {
      signInSignUps: make(limits.signInSignUps),
      tokenRefresh: make(limits.tokenRefresh),
      anonymousUsers: make(limits.anonymousUsers),
      failedSignInsPerAccount: make(limits.failedSignInsPerAccount),
    };
  }

  /** Counts one request against `kind` for `key`; throws GoTrue's 429 when the window is used up. */
  async consume(kind: LimitKind, key: string): Promise<void> {
    try {
      await this.limiters[kind].consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const { body } = authError(429, 'over_request_rate_limit', 'Request rate limit reached');
      throw new HttpError(429, body, { 'Retry-After': String(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))) });
    }
  }

  /** True when `key` has no requests left in `kind`'s window, without counting one. */
  async exhausted(kind: LimitKind, key: string): Promise<boolean> {
    const res = await this.limiters[kind].get(key);
    return res !== null && res.remainingPoints <= 0;
  }
}
