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
  /** The fake Graph API the functions call as META_GRAPH_URL (integration tests only). */
  metaGraphUrl?: string;
  /** The stack's Meta sandbox (META_SANDBOX_URL). */
  metaSandboxUrl?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackContext;
  }
}
