import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AuthSettingsOverrides } from './auth/settings.ts';
import { openEmbedded, openServer, type Database } from './database.ts';
import { isAlive } from './embedded-postgres.ts';
import { createGateway, type RealtimeLike } from './gateway.ts';
import { makeKeys } from './keys.ts';
import { applyMigrations } from './migrations.ts';
import { preferredPort } from './ports.ts';
import { startPostgrest, type PostgrestProcess } from './postgrest.ts';

/**
 * What the stack needs only once the database is up: auth (zod, bcrypt), the functions runner, the schedulers and
 * the Meta sandbox. Imported while PostgreSQL starts (initdb, or recovery), so tsx compiling them (~0.2–0.5 s) runs
 * beside PostgreSQL's own process instead of before it.
 */
async function loadServices() {
  const [store, routes, settings, functions, scheduler, fixture, sandbox] = await Promise.all([
    import('./auth/store.ts'),
    import('./auth/routes.ts'),
    import('./auth/settings.ts'),
    import('./functions-runner.ts'),
    import('./scheduler.ts'),
    import('../../supabase/functions/_shared/sources/meta/sandbox/fixture.ts'),
    import('../../supabase/functions/_shared/sources/meta/sandbox/server.ts'),
  ]);
  return { ...store, ...routes, ...settings, ...functions, ...scheduler, ...fixture, ...sandbox };
}

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DEFAULT_PORT = 54321;

export interface LocalStackOptions {
  /** Where the embedded PostgreSQL keeps its files (default LOCAL_STACK_DIR or <repo>/.supabase-local). */
  dataDir?: string;
  /** Gateway port (default LOCAL_STACK_PORT or 54321). */
  port?: number;
  /** Use this Postgres server instead of the embedded one (default DATABASE_URL). */
  databaseUrl?: string;
  log?: (msg: string) => void;
  /** Write VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY to <repo>/.env.local (default true; LOCAL_STACK_WRITE_ENV=0 turns it off). */
  writeEnvFile?: boolean;
  /** Migrations to apply (default <repo>/supabase/migrations). */
  migrationsDir?: string;
  /** Restart edge functions when their files change (default false). */
  watchFunctions?: boolean;
  /** Auth settings over supabase/config.toml's (tests stand in for many clients from one address). */
  auth?: AuthSettingsOverrides;
  /**
   * Realtime's "Allow public access" (hosted: Realtime Settings). Off for this project, as it is on the hosted one:
   * every channel must be private and authorized by the realtime.messages policies. LOCAL_STACK_REALTIME_PUBLIC_ACCESS=1
   * turns it on (default false).
   */
  realtimePublicAccess?: boolean;
}

export interface LocalStack {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  /** Superuser connection string for tools (the embedded server's or DATABASE_URL). */
  dbUrl: string;
  postgrestUrl: string;
  /** The local Meta sandbox (a fake Graph API serving the demo's labelled sandbox account). */
  metaSandboxUrl: string;
  /** Tells PostgREST to reload its schema cache (after DDL on a running stack). */
  reloadSchema(): void;
  stop(): Promise<void>;
}

function sqlFile(name: string): string {
  return readFileSync(path.join(import.meta.dirname, 'sql', name), 'utf8');
}

/** Refuses to open a data directory another live stack is using (its PostgreSQL would refuse it less clearly). */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lock = path.join(dataDir, 'stack.pid');
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) throw new Error(`Data directory ${dataDir} is in use by another local stack (pid ${pid}).`);
  }
  writeFileSync(lock, String(process.pid));
  return () => rmSync(lock, { force: true });
}

async function loadRealtime(): Promise<((o: Record<string, unknown>) => RealtimeLike) | null> {
  const file = path.join(import.meta.dirname, 'realtime', 'index.ts');
  if (!existsSync(file)) return null;
  const mod = (await import('./realtime/index.ts')) as unknown as { createRealtimeService?: (o: Record<string, unknown>) => RealtimeLike };
  return mod.createRealtimeService ?? null;
}

export async function startLocalStack(opts: LocalStackOptions = {}): Promise<LocalStack> {
  const log = opts.log ?? ((m: string) => console.log(`[local-stack] ${m}`));
  const port = opts.port ?? (Number(process.env.LOCAL_STACK_PORT) || DEFAULT_PORT);
  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL ?? undefined;
  const dataDir = path.resolve(opts.dataDir ?? process.env.LOCAL_STACK_DIR ?? path.join(REPO_ROOT, '.supabase-local'));
  const url = `http://127.0.0.1:${port}`;
  const keys = await makeKeys();

  const gateway = createGateway(log);
  await gateway.listen(port);

  const cleanups: (() => Promise<void> | void)[] = [() => gateway.close()];
  const runCleanups = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        log(`error while stopping: ${(error as Error).message}`);
      }
    }
    cleanups.length = 0;
  };

  const t0 = Date.now();
  const phases: string[] = [];
  let mark = t0;
  const phase = (name: string) => {
    const now = Date.now();
    phases.push(`${name} ${now - mark} ms`);
    mark = now;
  };
  try {
    const unlock = lockDataDir(dataDir);
    cleanups.push(unlock);
    const migrationsDir = opts.migrationsDir ?? path.join(REPO_ROOT, 'supabase', 'migrations');
    const opening = databaseUrl ? openServer({ databaseUrl, log }) : openEmbedded({ dataDir, port: await preferredPort(port + 1), log });
    // Closed even when loading the services fails first.
    cleanups.push(() => opening.then((d) => d.close(), () => undefined));
    const loading = loadServices();
    const loadingRealtime = loadRealtime();
    // Both awaited below, where a failure is reported; not unhandled rejections meanwhile.
    loading.catch(() => undefined);
    loadingRealtime.catch(() => undefined);
    const db: Database = await opening;
    phase(db.kind === 'embedded' ? 'PostgreSQL start' : 'server connect');

    // The stack's own setup commits without waiting for its WAL flush (some 30 commits, one fsync each, on a fresh
    // data directory). Safe: a crash can only lose the last of these commits whole, and each is redone on the next
    // start (bootstrap and realtime.sql are idempotent; a migration and its schema_migrations row commit together).
    // Reset before anyone else's data is written; PostgREST's connections always commit synchronously.
    await db.exec('set synchronous_commit = off');
    await db.exec(sqlFile('bootstrap.sql'));
    await db.exec(sqlFile('local-auth.sql'));
    phase('bootstrap');
    await applyMigrations(db, migrationsDir, log);
    phase('migrations');
    const realtimeSql = path.join(import.meta.dirname, 'sql', 'realtime.sql');
    if (existsSync(realtimeSql)) {
      await db.exec(readFileSync(realtimeSql, 'utf8'));
      await db.exec('select _realtime.install_capture_triggers()');
    }
    const schemas = ['public', 'graphql_public'];
    const present = await db.query<{ nspname: string }>(
      "select nspname from pg_namespace where nspname in ('_realtime', '_local_auth') order by nspname desc",
    );
    schemas.push(...present.map((r) => r.nspname));
    await db.exec('reset synchronous_commit');
    phase('realtime.sql');

    const postgrest: PostgrestProcess = await startPostgrest({
      root: REPO_ROOT,
      dbUri: db.postgrestUri,
      jwtSecret: keys.jwtSecret,
      schemas,
      port: await preferredPort(port + 2),
      adminPort: await preferredPort(port + 3),
      log,
    });
    cleanups.push(() => postgrest.stop());
    phase('PostgREST ready');
    const { AuthStore, createAuthHandler, readAuthSettings, withAuthOverrides, FunctionsRunner, startAnalysisScheduler, startMetaSyncScheduler, startRollUpScheduler, demoSandboxAccount, startFakeGraphServer } =
      await loading;

    // The Meta sandbox: a local stand-in for the Graph API with one clearly labelled demo account, so the demo
    // and new users can connect and sync without a Meta account. Only `sandbox` connections use it.
    const sandbox = await startFakeGraphServer({ port: await preferredPort(port + 4) });
    sandbox.addAccount(demoSandboxAccount(new Date().toISOString().slice(0, 10)));
    cleanups.push(() => sandbox.close());

    const functions = new FunctionsRunner({
      root: REPO_ROOT,
      functionsDir: path.join(REPO_ROOT, 'supabase', 'functions'),
      dataDir,
      watch: opts.watchFunctions,
      env: {
        SUPABASE_URL: url,
        SUPABASE_ANON_KEY: keys.anonKey,
        SUPABASE_SERVICE_ROLE_KEY: keys.serviceRoleKey,
        SUPABASE_DB_URL: db.adminUrl,
        META_SANDBOX_URL: sandbox.url,
      },
      log,
    });
    cleanups.push(() => functions.close());

    let realtime: RealtimeLike | null = null;
    try {
      const createRealtimeService = await loadingRealtime;
      if (createRealtimeService) {
        realtime = createRealtimeService({
          databaseUrl: db.adminUrl,
          jwtSecret: keys.jwtSecret,
          privateOnly: !(opts.realtimePublicAccess ?? process.env.LOCAL_STACK_REALTIME_PUBLIC_ACCESS === '1'),
          log,
        });
        const service = realtime;
        cleanups.push(() => service.close());
      } else {
        log('realtime module not found: /realtime/v1 answers 503');
      }
    } catch (error) {
      log(`realtime failed to load, continuing without it: ${(error as Error).message}`);
    }

    const auth = createAuthHandler({
      store: new AuthStore(postgrest.url, keys.serviceRoleKey),
      keys,
      issuer: `${url}/auth/v1`,
      settings: withAuthOverrides(readAuthSettings(REPO_ROOT), opts.auth),
    });
    gateway.ready({ keys, postgrestUrl: postgrest.url, auth, functions, realtime, health: () => ({ rest: postgrest.isUp() }), log });
    // Stand-in for the pg_cron schedule of hosted projects (LOCAL_STACK_ANALYZE_EVERY_MS; 0 disables).
    const scheduler = startAnalysisScheduler({ url, serviceRoleKey: keys.serviceRoleKey, log });
    cleanups.push(() => scheduler.stop());
    const metaSync = startMetaSyncScheduler({ url, serviceRoleKey: keys.serviceRoleKey, log });
    cleanups.push(() => metaSync.stop());
    const rollUps = startRollUpScheduler({ url, serviceRoleKey: keys.serviceRoleKey, log });
    cleanups.push(() => rollUps.stop());

    if (opts.writeEnvFile ?? process.env.LOCAL_STACK_WRITE_ENV !== '0') {
      writeFileSync(
        path.join(REPO_ROOT, '.env.local'),
        `# Written by the local stack (scripts/local-stack) on start.\nVITE_SUPABASE_URL=${url}\nVITE_SUPABASE_ANON_KEY=${keys.anonKey}\n`,
      );
    }

    log(`started in ${Date.now() - t0} ms (${phases.join(', ')})`);
    db.afterStart();
    let stopped: Promise<void> | null = null;
    return {
      url,
      anonKey: keys.anonKey,
      serviceRoleKey: keys.serviceRoleKey,
      jwtSecret: keys.jwtSecret,
      dbUrl: db.adminUrl,
      postgrestUrl: postgrest.url,
      metaSandboxUrl: sandbox.url,
      reloadSchema: () => postgrest.reload(),
      stop() {
        stopped ??= runCleanups();
        return stopped;
      },
    };
  } catch (error) {
    await runCleanups();
    throw error;
  }
}
