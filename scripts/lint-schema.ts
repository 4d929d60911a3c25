/**
 * `npm run lint:schema`: builds the schema from supabase/migrations in a throwaway in-memory PGlite (bootstrap
 * first, as the local stack does) and runs the schema lint (scripts/schema-lint/rules.ts) over it. With
 * DATABASE_URL it lints that database instead. Exits 1 and lists every finding when the schema fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { adviceFor, lintSchema, type Finding, type Query } from './schema-lint/rules.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A database built from bootstrap.sql and every migration, in memory. */
export async function migratedPglite(migrationsDir = path.join(root, 'supabase/migrations')): Promise<PGlite> {
  const db = await PGlite.create();
  await db.exec(readFileSync(path.join(root, 'scripts/local-stack/sql/bootstrap.sql'), 'utf8'));
  for (const file of readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort()) {
    await db.exec(readFileSync(path.join(migrationsDir, file), 'utf8'));
  }
  return db;
}

function report(findings: Finding[]): string {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  return [...byRule].map(([rule, list]) => `${rule}: ${adviceFor(rule)}\n${list.map((f) => `  - ${f.object}${f.detail === adviceFor(rule) ? '' : `  (${f.detail})`}`).join('\n')}`).join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let query: Query;
  let close: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    query = async (sql) => (await client.query(sql)).rows;
    close = () => client.end();
  } else {
    const db = await migratedPglite();
    query = async (sql) => (await db.query<Record<string, unknown>>(sql)).rows;
    close = () => db.close();
  }
  const findings = await lintSchema(query);
  await close();
  if (findings.length > 0) {
    console.error(`schema lint: ${findings.length} finding(s)\n${report(findings)}`);
    process.exit(1);
  }
  console.log('schema lint: no findings (RLS, initplan, search_path, security definer grants, foreign-key indexes)');
}
