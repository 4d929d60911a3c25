import type { z } from 'zod';

/** First message per top-level field of a failed zod parse, for showing under inputs. */
export function fieldErrors<T extends string = string>(error: z.ZodError): Partial<Record<T, string>> {
  const out: Partial<Record<T, string>> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '') as T;
    if (key && out[key] === undefined) out[key] = issue.message;
  }
  return out;
}
