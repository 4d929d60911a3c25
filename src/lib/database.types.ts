// The generated database types (`npm run db:types`) live beside the edge functions, which never import src/; the
// SPA reads the same file through this re-export, so there is one copy.
export * from '../../supabase/functions/_shared/database.types.ts';
