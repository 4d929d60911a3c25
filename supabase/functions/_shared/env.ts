// Reads configuration the same way under Deno (edge functions) and Node (vitest, scripts).

interface DenoEnvLike {
  env: { get(name: string): string | undefined };
}

/** The value of an environment variable, or undefined when unset or empty. */
export function getEnv(name: string): string | undefined {
  const deno = (globalThis as { Deno?: DenoEnvLike }).Deno;
  const value = deno ? deno.env.get(name) : (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** The value of a required environment variable; throws a message naming it when missing. */
export function requireEnv(name: string): string {
  const value = getEnv(name);
  if (value === undefined) throw new Error(`Missing environment variable ${name}`);
  return value;
}
