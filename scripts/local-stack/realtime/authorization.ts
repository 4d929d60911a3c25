// Private-channel authorization as Supabase Realtime does it (lib/realtime/tenants/authorization.ex): RLS
// policies on realtime.messages decide, checked in a transaction that is always rolled back, as the client's
// role with its JWT claims and `realtime.topic` set.
//   read:  insert one probe row per extension (as the service), switch to the client, select the probes back
//   write: switch to the client and insert one row per extension (each under a savepoint); a refusal is 42501
// A role the API could not switch to (anything but anon, authenticated, service_role) is refused outright, as
// PostgREST refuses it. A failing policy counts as no permission (Realtime's RlsPolicyError → Unauthorized).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Claims } from './types.ts';

export type Extension = 'broadcast' | 'presence';

export interface Permission {
  read: boolean | null;
  write: boolean | null;
}

/** What the client may do on one private channel; null until checked (Realtime caches the answers per join). */
export interface Policies {
  broadcast: Permission;
  presence: Permission;
}

export const uncheckedPolicies = (): Policies => ({ broadcast: { read: null, write: null }, presence: { read: null, write: null } });

export interface AuthorizationContext {
  /** The channel's sub-topic (without `realtime:`), what realtime.topic() returns. */
  topic: string;
  claims: Claims;
  headers?: Record<string, string>;
}

export interface ChannelAuthorizer {
  /** Checks receive permission for these extensions, filling `policies[ext].read`. */
  read(policies: Policies, ctx: AuthorizationContext, extensions: Extension[]): Promise<Policies>;
  /** Checks send permission for these extensions, filling `policies[ext].write`. */
  write(policies: Policies, ctx: AuthorizationContext, extensions: Extension[]): Promise<Policies>;
}

const SWITCHABLE_ROLE = `select exists (select 1 from pg_roles where rolname = $1 and pg_has_role('authenticator', oid, 'member'))`;

const SET_CONFIG = `select set_config('role', $1, true), set_config('realtime.topic', $2, true),
  set_config('request.jwt.claims', $3, true), set_config('request.jwt.claim.sub', $4, true),
  set_config('request.jwt.claim.role', $1, true), set_config('request.headers', $5, true)`;

function configParams(ctx: AuthorizationContext): unknown[] {
  const sub = typeof ctx.claims.sub === 'string' ? ctx.claims.sub : '';
  return [ctx.claims.role, ctx.topic, JSON.stringify(ctx.claims), sub, JSON.stringify(ctx.headers ?? {})];
}

const isInsufficientPrivilege = (err: unknown) => (err as { code?: string } | null)?.code === '42501';

export function channelAuthorizer(pool: pg.Pool, log: (m: string) => void): ChannelAuthorizer {
  /** Runs `fn` in a transaction that is rolled back whatever happens; false when the role is not switchable. */
  async function inRolledBackTransaction(ctx: AuthorizationContext, fn: (client: pg.PoolClient) => Promise<void>): Promise<boolean> {
    const client = await pool.connect();
    try {
      const { rows } = await client.query<{ exists: boolean }>(SWITCHABLE_ROLE, [ctx.claims.role]);
      if (!rows[0]?.exists) return false;
      await client.query('begin');
      try {
        await fn(client);
      } finally {
        await client.query('rollback');
      }
      return true;
    } finally {
      client.release();
    }
  }

  async function read(policies: Policies, ctx: AuthorizationContext, extensions: Extension[]): Promise<Policies> {
    const next: Policies = { broadcast: { ...policies.broadcast }, presence: { ...policies.presence } };
    for (const ext of extensions) next[ext].read = false;
    const probes = extensions.map((ext) => ({ ext, id: randomUUID() }));
    try {
      await inRolledBackTransaction(ctx, async (client) => {
        await client.query(
          'insert into realtime.messages (id, topic, extension) select unnest($1::uuid[]), $2, unnest($3::text[])',
          [probes.map((p) => p.id), ctx.topic, probes.map((p) => p.ext)],
        );
        await client.query(SET_CONFIG, configParams(ctx));
        const { rows } = await client.query<{ id: string }>('select id from realtime.messages where id = any($1::uuid[])', [probes.map((p) => p.id)]);
        const seen = new Set(rows.map((r) => r.id));
        for (const p of probes) next[p.ext].read = seen.has(p.id);
      });
    } catch (err) {
      log(`realtime: RlsPolicyError reading ${ctx.topic}: ${err instanceof Error ? err.message : String(err)}`);
      for (const ext of extensions) next[ext].read = false;
    }
    return next;
  }

  async function write(policies: Policies, ctx: AuthorizationContext, extensions: Extension[]): Promise<Policies> {
    const next: Policies = { broadcast: { ...policies.broadcast }, presence: { ...policies.presence } };
    for (const ext of extensions) next[ext].write = false;
    try {
      await inRolledBackTransaction(ctx, async (client) => {
        await client.query(SET_CONFIG, configParams(ctx));
        for (const ext of extensions) {
          await client.query('savepoint write_check');
          try {
            await client.query('insert into realtime.messages (topic, extension) values ($1, $2)', [ctx.topic, ext]);
            await client.query('release savepoint write_check');
            next[ext].write = true;
          } catch (err) {
            await client.query('rollback to savepoint write_check');
            if (!isInsufficientPrivilege(err)) throw err;
          }
        }
      });
    } catch (err) {
      log(`realtime: RlsPolicyError writing ${ctx.topic}: ${err instanceof Error ? err.message : String(err)}`);
      for (const ext of extensions) next[ext].write = false;
    }
    return next;
  }

  return { read, write };
}
