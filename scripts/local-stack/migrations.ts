import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from './database.ts';

export class MigrationError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`Migration ${file} failed: ${(cause as Error).message ?? String(cause)}`);
    this.name = 'MigrationError';
  }
}

/** Splits `20261121000100_tenancy.sql` into the CLI's version and name. */
export function parseMigrationName(file: string): { version: string; name: string } {
  const base = file.replace(/\.sql$/, '');
  const cut = base.indexOf('_');
  return cut === -1 ? { version: base, name: '' } : { version: base.slice(0, cut), name: base.slice(cut + 1) };
}

/**
 * Applies supabase/migrations/*.sql in name order, each once, each in its own transaction, recording it in
 * supabase_migrations.schema_migrations the way the Supabase CLI does. Returns the files it applied.
 */
export async function applyMigrations(db: Database, migrationsDir: string, log: (m: string) => void): Promise<string[]> {
  if (!existsSync(migrationsDir)) return [];
  const files = readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const done = new Set(
    (await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).map((r) => r.version),
  );
  const applied: string[] = [];
  for (const file of files) {
    const { version, name } = parseMigrationName(file);
    if (done.has(version)) continue;
    const sql = readFileSync(path.join(migrationsDir, file), 'utf8');
    try {
      await db.transaction(async (tx) => {
        await tx.exec(sql);
        await tx.query('insert into supabase_migrations.schema_migrations (version, statements, name) values ($1, $2, $3)', [
          version,
          [sql],
          name,
        ]);
      });
    } catch (error) {
      throw new MigrationError(file, error);
    }
    log(`applied migration ${file}`);
    applied.push(file);
  }
  return applied;
}
