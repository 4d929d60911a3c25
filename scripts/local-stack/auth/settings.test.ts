import { describe, expect, it } from 'vitest';
import { authSettingsFromToml, DEFAULT_AUTH_SETTINGS, withAuthOverrides } from './settings.ts';

describe('authSettingsFromToml', () => {
  it('takes the rate limits, reuse interval and anonymous switch from [auth]', () => {
    const settings = authSettingsFromToml(`
[auth]
enable_anonymous_sign_ins = true
refresh_token_reuse_interval = 3
[auth.rate_limit]
sign_in_sign_ups = 5
token_refresh = 7
`);
    expect(settings.anonymousSignIns).toBe(true);
    expect(settings.refreshTokenReuseIntervalSeconds).toBe(3);
    expect(settings.rateLimits.signInSignUps).toEqual({ points: 5, durationSeconds: 300 });
    expect(settings.rateLimits.tokenRefresh).toEqual({ points: 7, durationSeconds: 300 });
    expect(settings.rateLimits.anonymousUsers).toEqual(DEFAULT_AUTH_SETTINGS.rateLimits.anonymousUsers);
  });

  it('keeps anonymous sign-ins off and the hosted windows when the file is silent', () => {
    expect(authSettingsFromToml('project_id = "x"')).toEqual(DEFAULT_AUTH_SETTINGS);
  });

  it('refuses a malformed value rather than running without limits', () => {
    expect(() => authSettingsFromToml('[auth.rate_limit]\nsign_in_sign_ups = "many"')).toThrow();
  });

  it('overrides only what it is given', () => {
    const s = withAuthOverrides(DEFAULT_AUTH_SETTINGS, { refreshTokenReuseIntervalSeconds: 0 });
    expect(s.refreshTokenReuseIntervalSeconds).toBe(0);
    expect(s.rateLimits).toEqual(DEFAULT_AUTH_SETTINGS.rateLimits);
  });
});
