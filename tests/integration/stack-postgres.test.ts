/**
 * The stack's Postgres behaves as hosted Supabase configures it: PostgREST applies each role's statement_timeout
 * (anon 3 s, authenticated 8 s), so a runaway anonymous query is cancelled instead of holding a connection.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { anonClient, serviceClient, signUpUser, stack } from '../support/clients.ts';

const admin = new pg.Client({ connectionString: stack().dbUrl });

// Test-only functions, created by the superuser and dropped afterwards; PostgREST learns of them by NOTIFY.
beforeAll(async () => {
  await admin.connect();
  await admin.query(`
    create function public.test_statement_timeout() returns text language sql stable as $$ select current_setting('statement_timeout') $$;
    create function public.test_sleep(seconds float8) returns boolean language sql volatile as $$ select pg_sleep(seconds) is not null $$;
    grant execute on function public.test_statement_timeout(), public.test_sleep(float8) to anon, authenticated, service_role;
    notify pgrst, 'reload schema';
  `);
  await vi.waitUntil(async () => !(await serviceClient().rpc('test_statement_timeout' as never)).error, { timeout: 10_000, interval: 50 });
});

afterAll(async () => {
  await admin.query(`drop function public.test_statement_timeout(); drop function public.test_sleep(float8); notify pgrst, 'reload schema';`);
  await admin.end();
});

describe('statement timeouts per role', () => {
  it('gives anon 3 s, a signed-in user 8 s, and service_role the authenticator’s 8 s', async () => {
    const { client } = await signUpUser();
    const read = async (c: ReturnType<typeof anonClient>) => {
      const { data, error } = await c.rpc('test_statement_timeout' as never);
      expect(error).toBeNull();
      return data as unknown as string;
    };
    expect(await read(anonClient())).toBe('3s');
    expect(await read(client)).toBe('8s');
    expect(await read(serviceClient())).toBe('8s');
  });

  it('cancels an anonymous query that runs past 3 s with 57014', async () => {
    const { error } = await anonClient().rpc('test_sleep' as never, { seconds: 3.5 } as never);
    expect(error?.code).toBe('57014');
    expect(error?.message).toMatch(/statement timeout/);
  });
});
