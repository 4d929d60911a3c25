/**
 * `npm run db:types`: builds the schema from supabase/migrations in a throwaway in-memory PGlite
 * (bootstrap first, as the local stack does) and writes supabase/functions/_shared/database.types.ts in the format
 * `supabase gen types typescript` produces. It lives beside the functions because they never import src/; the SPA
 * reaches the same file through src/lib/database.types.ts, a re-export. With --check it fails instead of writing
 * when the file is stale.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { introspectPublicSchema } from './db-types/introspect.ts';
import { renderDatabaseTypes } from './db-types/render.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the generated types are written (one file; the SPA re-exports it from src/lib/database.types.ts). */
const outFiles = [path.join(root, 'supabase/functions/_shared/database.types.ts')];

export async function generateDatabaseTypes(): Promise<string> {
  const db = await PGlite.create();
  try {
    await db.exec(readFileSync(path.join(root, 'scripts/local-stack/sql/bootstrap.sql'), 'utf8'));
    const migrationsDir = path.join(root, 'supabase/migrations');
    for (const file of readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort()) {
      await db.exec(readFileSync(path.join(migrationsDir, file), 'utf8'));
    }
    const schema = await introspectPublicSchema({ query: async (sql, params) => (await db.query(sql, params)).rows as never });
    return renderDatabaseTypes(schema, '12');
  } finally {
    await db.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const generated = await generateDatabaseTypes();
  if (process.argv.includes('--check')) {
    const stale = outFiles.filter((file) => (existsSync(file) ? readFileSync(file, 'utf8') : '') !== generated);
    for (const file of stale) console.error(`${path.relative(root, file)} is out of date: run \`npm run db:types\`.`);
    if (stale.length > 0) process.exit(1);
    console.log(`${outFiles.map((file) => path.relative(root, file)).join(' and ')} is up to date.`);
  } else {
    for (const file of outFiles) {
      writeFileSync(file, generated);
      console.log(`wrote ${path.relative(root, file)}`);
    }
  }
}
