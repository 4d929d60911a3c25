// A small method + path router for the auth routes; each route module contributes its own routes.
import type { IncomingMessage } from 'node:http';

/** What a route answers: a JSON body (200 unless told), or no body (204). */
export interface Answer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteRequest {
  req: IncomingMessage;
  url: URL;
  /** The path pattern's captured groups (e.g. a user id). */
  params: string[];
}

export interface Route {
  method: string;
  path: string | RegExp;
  handle(request: RouteRequest): Promise<Answer>;
}

/** JSON answers with 200, the common case. */
export const json = (body: unknown): Answer => ({ body });

export function findRoute(routes: Route[], method: string, subpath: string): { route: Route; params: string[] } | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    if (typeof route.path === 'string') {
      if (route.path === subpath) return { route, params: [] };
      continue;
    }
    const m = route.path.exec(subpath);
    if (m) return { route, params: m.slice(1) };
  }
  return null;
}
