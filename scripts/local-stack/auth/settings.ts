// The auth settings the local stack honours, read from supabase/config.toml as `supabase start` reads them, with
// the CLI's defaults (which are hosted GoTrue's) where the file is silent.

import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { z } from 'zod';

/** `points` requests per `durationSeconds`, per key (an IP address, or an IP and an account). */
export interface RateWindow {
  points: number;
  durationSeconds: number;
}

export interface AuthRateLimits {
  /** Email sign-ups and password sign-ins per IP (`[auth.rate_limit] sign_in_sign_ups`, per 5 minutes). */
  signInSignUps: RateWindow;
  /** Refresh-token grants per IP (`token_refresh`, per 5 minutes). */
  tokenRefresh: RateWindow;
  /** Anonymous sign-ups per IP (`anonymous_users`, per hour). */
  anonymousUsers: RateWindow;
  /**
   * Wrong passwords for one account from one IP. Local-only: hosted GoTrue relies on the per-IP limit (and CAPTCHA);
   * here every client is 127.0.0.1, so the per-account window is what stops guessing one user's password.
   */
  failedSignInsPerAccount: RateWindow;
}

export interface AuthSettings {
  rateLimits: AuthRateLimits;
  /** Seconds during which a just-rotated refresh token may be used again (`refresh_token_reuse_interval`). */
  refreshTokenReuseIntervalSeconds: number;
  /** `enable_anonymous_sign_ins`: off unless the project turns it on, as on hosted Supabase. */
  anonymousSignIns: boolean;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  rateLimits: {
    signInSignUps: { points: 30, durationSeconds: 300 },
    tokenRefresh: { points: 150, durationSeconds: 300 },
    anonymousUsers: { points: 30, durationSeconds: 3600 },
    failedSignInsPerAccount: { points: 10, durationSeconds: 300 },
  },
  refreshTokenReuseIntervalSeconds: 10,
  anonymousSignIns: false,
};

const count = z.number().int().nonnegative();
const configSchema = z.object({
  auth: z
    .object({
      enable_anonymous_sign_ins: z.boolean().optional(),
      refresh_token_reuse_interval: count.optional(),
      rate_limit: z
        .object({ sign_in_sign_ups: count.optional(), token_refresh: count.optional(), anonymous_users: count.optional() })
        .optional(),
    })
    .optional(),
});

/** Auth settings from the text of a supabase/config.toml; throws with the offending key when a value is malformed. */
export function authSettingsFromToml(text: string): AuthSettings {
  const auth = configSchema.parse(parse(text)).auth ?? {};
  const d = DEFAULT_AUTH_SETTINGS;
  const window = (points: number | undefined, base: RateWindow): RateWindow => ({ ...base, points: points ?? base.points });
  return {
    rateLimits: {
      signInSignUps: window(auth.rate_limit?.sign_in_sign_ups, d.rateLimits.signInSignUps),
      tokenRefresh: window(auth.rate_limit?.token_refresh, d.rateLimits.tokenRefresh),
      anonymousUsers: window(auth.rate_limit?.anonymous_users, d.rateLimits.anonymousUsers),
      failedSignInsPerAccount: d.rateLimits.failedSignInsPerAccount,
    },
    refreshTokenReuseIntervalSeconds: auth.refresh_token_reuse_interval ?? d.refreshTokenReuseIntervalSeconds,
    anonymousSignIns: auth.enable_anonymous_sign_ins ?? d.anonymousSignIns,
  };
}

/** Reads `<root>/supabase/config.toml`; the defaults when it is missing. */
export function readAuthSettings(root: string): AuthSettings {
  let text: string;
  try {
    text = readFileSync(`${root}/supabase/config.toml`, 'utf8');
  } catch {
    return DEFAULT_AUTH_SETTINGS;
  }
  return authSettingsFromToml(text);
}

/** Settings with some parts replaced (tests and benches that stand in for many clients from one address). */
export function withAuthOverrides(base: AuthSettings, overrides: AuthSettingsOverrides = {}): AuthSettings {
  return {
    rateLimits: { ...base.rateLimits, ...overrides.rateLimits },
    refreshTokenReuseIntervalSeconds: overrides.refreshTokenReuseIntervalSeconds ?? base.refreshTokenReuseIntervalSeconds,
    anonymousSignIns: overrides.anonymousSignIns ?? base.anonymousSignIns,
  };
}

export interface AuthSettingsOverrides {
  rateLimits?: Partial<AuthRateLimits>;
  refreshTokenReuseIntervalSeconds?: number;
  anonymousSignIns?: boolean;
}

/**
 * For test stacks, where every test's many users come from 127.0.0.1: the per-IP windows are opened wide, the
 * per-account window for wrong passwords stays as it is.
 */
export const ONE_ADDRESS_MANY_CLIENTS: AuthSettingsOverrides = {
  rateLimits: {
    signInSignUps: { points: 1_000_000, durationSeconds: 300 },
    tokenRefresh: { points: 1_000_000, durationSeconds: 300 },
    anonymousUsers: { points: 1_000_000, durationSeconds: 3600 },
  },
};
