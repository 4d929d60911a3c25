import { describe, expect, it, vi } from 'vitest';
import { bearerToken, DEFAULT_JWT_SECRET, makeKeys, signJwt, verifyJwt } from './keys.ts';

const CLI_DEMO_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';

describe('keys', () => {
  it('produces the Supabase CLI demo anon key with the default secret', async () => {
    expect((await makeKeys(DEFAULT_JWT_SECRET)).anonKey).toBe(CLI_DEMO_ANON_KEY);
  });

  it('refuses a secret shorter than 32 characters', async () => {
    await expect(makeKeys('short')).rejects.toThrow(/32 characters/);
  });

  it('tells expired tokens from forged ones', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await signJwt({ role: 'anon', exp: now - 5 }, DEFAULT_JWT_SECRET);
    expect(await verifyJwt(expired, DEFAULT_JWT_SECRET)).toMatchObject({ ok: false, reason: 'expired' });
    const forged = await signJwt({ role: 'anon', exp: now + 60 }, 'x'.repeat(40));
    expect(await verifyJwt(forged, DEFAULT_JWT_SECRET)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await verifyJwt(CLI_DEMO_ANON_KEY, DEFAULT_JWT_SECRET)).toMatchObject({ ok: true, claims: { role: 'anon' } });
  });

  it('reports a token verified earlier as expired once its exp has passed', async () => {
    const now = Date.now();
    const token = await signJwt({ role: 'authenticated', sub: 'u1', exp: Math.floor(now / 1000) + 60 }, DEFAULT_JWT_SECRET);
    expect(await verifyJwt(token, DEFAULT_JWT_SECRET)).toMatchObject({ ok: true, claims: { sub: 'u1' } });
    expect(await verifyJwt(token, DEFAULT_JWT_SECRET)).toMatchObject({ ok: true, claims: { sub: 'u1' } });
    expect(await verifyJwt(token, 'y'.repeat(40))).toMatchObject({ ok: false, reason: 'invalid' });
    vi.useFakeTimers({ now: now + 61_000 });
    try {
      expect(await verifyJwt(token, DEFAULT_JWT_SECRET)).toMatchObject({ ok: false, reason: 'expired' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('extracts bearer tokens case-insensitively', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
