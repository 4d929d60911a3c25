import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type Extension } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';

/** What the rest of the stack needs from Postgres, whichever engine backs it. */
export interface Database {
  kind: 'pglite' | 'server';
  /** Runs multi-statement SQL. Only safe before serve() on PGlite (see docs/local-stack.md §5). */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn inside BEGIN/COMMIT, rolling back if it throws. */
  transaction(fn: (db: Pick<Database, 'exec' | 'query'>) => Promise<void>): Promise<void>;
  /** Opens the database to other processes (PGlite: the socket server). */
  serve(): Promise<void>;
  /** Connection string PostgREST logs in with. */
  postgrestUri: string;
  /** Connection string for humans and tools. */
  displayUrl: string;
  close(): Promise<void>;
}

/** Finds `create extension` names in the migrations so PGlite can load the matching contrib bundles. */
function extensionsUsedBy(migrationsDir: string): string[] {
  if (!existsSync(migrationsDir)) return [];
  const names = new Set<string>();
  for (const file of readdirSync(migrationsDir).filter((f) => f.endsWith('.sql'))) {
    const sql = readFileSync(path.join(migrationsDir, file), 'utf8');
    for (const m of sql.matchAll(/create\s+extension\s+(?:if\s+not\s+exists\s+)?"?([a-z0-9_-]+)"?/gi)) {
      names.add(m[1].toLowerCase());
    }
  }
  return [...names];
}

async function loadPgliteExtensions(names: string[], log: (m: string) => void): Promise<Record<string, Extension>> {
  const extensions: Record<string, Extension> = {};
  for (const name of names) {
    const moduleName = name.replace(/-/g, '_');
    try {
      const mod = (await import(`@electric-sql/pglite/contrib/${moduleName}`)) as Record<string, Extension>;
      if (mod[moduleName]) extensions[moduleName] = mod[moduleName];
    } catch {
      log(`PGlite has no bundle for extension "${name}"; a migration creating it will fail`);
    }
  }
  return extensions;
}

export async function openPglite(opts: {
  dataDir: string;
  socketPort: number;
  migrationsDir: string;
  log: (m: string) => void;
}): Promise<Database> {
  const pgdata = path.join(opts.dataDir, 'pgdata');
  mkdirSync(pgdata, { recursive: true });
  const extensions = await loadPgliteExtensions(extensionsUsedBy(opts.migrationsDir), opts.log);
  const db = await PGlite.create({ dataDir: pgdata, extensions });
  let socket: PGLiteSocketServer | null = null;

  const self: Database = {
    kind: 'pglite',
    postgrestUri: `postgres://authenticator:postgres@127.0.0.1:${opts.socketPort}/postgres`,
    displayUrl: `postgres://postgres@127.0.0.1:${opts.socketPort}/postgres`,
    async exec(sql) {
      await db.exec(sql);
    },
    async query<T>(sql: string, params?: unknown[]) {
      return (await db.query<T>(sql, params)).rows;
    },
    async transaction(fn) {
      await db.transaction(async (tx) => {
        await fn({
          exec: async (sql) => void (await tx.exec(sql)),
          query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
        });
      });
    },
    async serve() {
      // Two connections: PostgREST's single pool connection plus one for a human or a tool. PostgREST's
      // LISTEN channel is disabled, so it never needs a second one (docs/local-stack.md §5).
      socket = new PGLiteSocketServer({ db, port: opts.socketPort, host: '127.0.0.1', maxConnections: 2 });
      await socket.start();
    },
    async close() {
      if (socket) await socket.stop().catch(() => undefined);
      socket = null;
      if (!db.closed) await db.close();
    },
  };
  return self;
}

/** Rewrites a server URL so PostgREST logs in as `authenticator` (created by bootstrap.sql). */
function authenticatorUri(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.username = 'authenticator';
  url.password = process.env.AUTHENTICATOR_PASSWORD || 'postgres';
  return url.toString();
}

export async function openServer(opts: { databaseUrl: string }): Promise<Database> {
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  const self: Database = {
    kind: 'server',
    postgrestUri: authenticatorUri(opts.databaseUrl),
    displayUrl: opts.databaseUrl,
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
    async serve() {},
    async close() {
      await client.end().catch(() => undefined);
    },
  };
  return self;
}
