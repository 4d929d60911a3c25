/** What the integration global setup hands to every test file (vitest provide/inject). */
export interface StackContext {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  /** The database the stack runs on: the PGlite socket URL or the per-run server database. */
  dbUrl: string;
  /** 'pglite' or 'server' (DATABASE_URL set). */
  dbKind: 'pglite' | 'server';
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackContext;
  }
}
