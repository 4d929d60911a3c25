import { describe, expect, it } from 'vitest';
import { verifyJwtSetting } from './functions-runner.ts';

describe('verifyJwtSetting', () => {
  const toml = `
[functions.health]
verify_jwt = true

[functions.track-event]
verify_jwt = false

[auth]
enabled = true
`;

  it('reads verify_jwt from the function section', () => {
    expect(verifyJwtSetting(toml, 'health')).toBe(true);
    expect(verifyJwtSetting(toml, 'track-event')).toBe(false);
  });

  it('defaults to true, as Supabase does, when the function has no section', () => {
    expect(verifyJwtSetting(toml, 'compute-drift')).toBe(true);
    expect(verifyJwtSetting('', 'health')).toBe(true);
  });
});
