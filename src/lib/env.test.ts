import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

const anonKey = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiJ9.signature';

describe('parseEnv', () => {
  it('accepts a local stack URL and anon key', () => {
    const result = parseEnv({ VITE_SUPABASE_URL: 'http://127.0.0.1:54321', VITE_SUPABASE_ANON_KEY: anonKey });
    expect(result.ok).toBe(true);
  });

  it('names every missing variable', () => {
    const result = parseEnv({});
    expect(result).toEqual({
      ok: false,
      problems: ['VITE_SUPABASE_URL is not set', 'VITE_SUPABASE_ANON_KEY is not set'],
    });
  });

  it('rejects a URL that is not http(s)', () => {
    const result = parseEnv({ VITE_SUPABASE_URL: 'localhost:54321', VITE_SUPABASE_ANON_KEY: anonKey });
    expect(result.ok).toBe(false);
  });
});
