import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

/** What the rest of the stack needs from Postgres, whichever server backs it. */
export interface Database {
  /** 'embedded': the stack's own PostgreSQL in the data directory; 'server': DATABASE_URL. */
  kind: 'embedded' | 'server';
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn inside BEGIN/COMMIT, rolling back if it throws. */
  transaction(fn: (db: Pick<Database, 'exec' | 'query'>) => Promise<void>): Promise<void>;
  /** Connection string PostgREST logs in with. */
  postgrestUri: string;
  /** Superuser connection string, for tools and for the realtime service's replication connection. */
  adminUrl: string;
  /** Starts what the start deferred until the stack is up (embedded: fsync of a new cluster, in the background). */
  afterStart(): void;
  close(): Promise<void>;
}

/** Rewrites a server URL so PostgREST logs in as `authenticator` (created by bootstrap.sql). */
function authenticatorUri(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.username = 'authenticator';
  url.password = process.env.AUTHENTICATOR_PASSWORD || 'postgres';
  return url.toString();
}

/** Connects the stack's own work (bootstrap, migrations) to a running server. */
export async function openServer(opts: {
  databaseUrl: string;
  kind?: Database['kind'];
  onClose?: () => Promise<void>;
  afterStart?: () => void;
  log?: (m: string) => void;
}): Promise<Database> {
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  // A dropped connection (server restart, terminated backend) must not take the host process down with it;
  // the next query reports the error instead.
  client.on('error', (error) => opts.log?.(`database connection lost: ${error.message}`));
  await client.connect();
  const self: Database = {
    kind: opts.kind ?? 'server',
    postgrestUri: authenticatorUri(opts.databaseUrl),
    adminUrl: opts.databaseUrl,
    afterStart: () => opts.afterStart?.(),
    async exec(sql) {
      await client.query(sql);
    },
    async query<T>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params)).rows as T[];
    },
    async transaction(fn) {
      await client.query('begin');
      try {
        await fn({ exec: self.exec, query: self.query });
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      }
    },
    async close() {
      await client.end().catch(() => undefined);
      await opts.onClose?.();
    },
  };
  return self;
}

/** Starts the stack's own PostgreSQL 18 with its files in <dataDir>/postgres, and connects to it. */
export async function openEmbedded(opts: { dataDir: string; port: number; log: (m: string) => void }): Promise<Database> {
  if (existsSync(path.join(opts.dataDir, 'pgdata'))) {
    opts.log(`${path.join(opts.dataDir, 'pgdata')} holds data of the former PGlite stack, which is no longer read; delete it`);
  }
  const server = await startEmbeddedPostgres({ dataDir: path.join(opts.dataDir, 'postgres'), port: opts.port, log: opts.log });
  try {
    return await openServer({ databaseUrl: server.url, kind: 'embedded', onClose: () => server.stop(), afterStart: () => server.syncNewCluster(), log: opts.log });
  } catch (error) {
    await server.stop();
    throw error;
  }
}
