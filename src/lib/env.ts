import { z } from 'zod';

/** The two values the SPA needs to reach Supabase; the local stack writes them to `.env.local`. */
export const envSchema = z.object({
  VITE_SUPABASE_URL: z.url({
    protocol: /^https?$/,
    message: 'VITE_SUPABASE_URL must be an http(s) URL such as http://127.0.0.1:54321',
  }),
  VITE_SUPABASE_ANON_KEY: z
    .string({ message: 'VITE_SUPABASE_ANON_KEY is missing' })
    .min(20, { message: 'VITE_SUPABASE_ANON_KEY looks too short to be a Supabase anon key' }),
});

export type Env = z.infer<typeof envSchema>;

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

/** Validates raw environment values (normally `import.meta.env`); never throws. */
export function parseEnv(raw: Record<string, unknown>): EnvResult {
  const result = envSchema.safeParse(raw);
  if (result.success) return { ok: true, env: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const key = issue.path.join('.');
      const value = raw[key];
      return value === undefined || value === '' ? `${key} is not set` : issue.message;
    }),
  };
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment: ${problems.join('; ')}`);
    this.name = 'EnvError';
  }
}

let cached: Env | undefined;

/** The validated environment; throws EnvError when it is incomplete (main.tsx checks first and shows a screen). */
export function getEnv(): Env {
  if (cached) return cached;
  const result = parseEnv(import.meta.env);
  if (!result.ok) throw new EnvError(result.problems);
  cached = result.env;
  return cached;
}
