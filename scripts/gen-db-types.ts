/**
 * `npm run db:types`: builds the schema from supabase/migrations in a throwaway in-memory PGlite
 * (bootstrap first, as the local stack does) and writes src/lib/database.types.ts in the format
 * `supabase gen types typescript` produces. With --check it fails instead of writing when the file is stale.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { introspectPublicSchema } from './db-types/introspect.ts';
import { renderDatabaseTypes } from './db-types/render.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outFile = path.join(root, 'src/lib/database.types.ts');

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
    const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
    if (current !== generated) {
      console.error('src/lib/database.types.ts is out of date: run `npm run db:types`.');
      process.exit(1);
    }
    console.log('src/lib/database.types.ts is up to date.');
  } else {
    writeFileSync(outFile, generated);
    console.log(`wrote ${path.relative(root, outFile)}`);
  }
}
