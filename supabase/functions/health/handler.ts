// Health check that also proves identity round-trips: it asks auth who the caller is, with the caller's token.
import { bearerToken, handleOptions, json, errorResponse } from '../_shared/http.ts';
import { createUserClient } from '../_shared/supabase.ts';

export interface HealthUser {
  id: string;
  email: string | null;
  role: string | null;
}

export interface HealthDeps {
  /** Resolves the caller's user from their token; null when the token is not a user's. */
  getUser?: (req: Request, token: string) => Promise<HealthUser | null>;
}

async function getUserFromAuth(req: Request, token: string): Promise<HealthUser | null> {
  const { data, error } = await createUserClient(req).auth.getUser(token);
  if (error || !data.user) return null;
  return { id: data.user.id, email: data.user.email ?? null, role: data.user.role ?? null };
}

export async function handler(req: Request, deps: HealthDeps = {}): Promise<Response> {
  const preflight = handleOptions(req);
  if (preflight) return preflight;
  if (req.method !== 'GET' && req.method !== 'POST') return errorResponse(405, `Method ${req.method} not allowed`);
  const token = bearerToken(req);
  try {
    const user = token ? await (deps.getUser ?? getUserFromAuth)(req, token) : null;
    return json({ ok: true, user });
  } catch (error) {
    return errorResponse(502, 'Could not reach auth', (error as Error).message);
  }
}
