/** What the e2e global setup hands to every test file (vitest provide/inject). */
declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    supabaseUrl: string;
    anonKey: string;
    serviceRoleKey: string;
  }
}

export {};
