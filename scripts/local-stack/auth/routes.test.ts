import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import bcrypt from 'bcrypt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeKeys } from '../keys.ts';
import { createAuthHandler } from './routes.ts';
import { DEFAULT_AUTH_SETTINGS } from './settings.ts';
import type { AuthStore } from './store.ts';
import type { AuthUserRow } from './user-json.ts';

let server: Server;
let base: string;
let storedHash: string;

/** A store holding one user, so the handler's own logic is what runs. */
function fakeStore(): AuthStore {
  const user = { id: '00000000-0000-4000-8000-000000000001', email: 'known@example.com' } as unknown as AuthUserRow;
  return {
    findUserByEmail: async (email: string) =>
      email === 'known@example.com' ? { user: { ...user, encrypted_password: storedHash } } : { error: 'user_not_found' },
  } as unknown as AuthStore;
}

beforeEach(async () => {
  storedHash = await bcrypt.hash('the-right-password', 4);
  const handle = createAuthHandler({ store: fakeStore(), keys: await makeKeys(), issuer: 'http://x/auth/v1', settings: DEFAULT_AUTH_SETTINGS });
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    void handle(req, res, url.pathname, url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  vi.restoreAllMocks();
  await new Promise((resolve) => server.close(resolve));
});

const signIn = (email: string) =>
  fetch(`${base}/token?grant_type=password`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'a-wrong-password' }),
  });

describe('password sign-in', () => {
  it('runs one bcrypt comparison for an unknown account too, so timing does not tell which accounts exist', async () => {
    const compare = vi.spyOn(bcrypt, 'compare');
    const known = await signIn('known@example.com');
    const knownCalls = compare.mock.calls.length;
    const unknown = await signIn('nobody@example.com');
    const unknownCalls = compare.mock.calls.length - knownCalls;
    expect([known.status, unknown.status]).toEqual([400, 400]);
    expect(await unknown.json()).toMatchObject({ code: 'invalid_credentials' });
    expect(knownCalls).toBe(1);
    expect(unknownCalls).toBe(1);
  });
});
