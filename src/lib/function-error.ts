import { FunctionsHttpError } from '@supabase/supabase-js';

/** An edge function's `{ error }` answer as an Error with the HTTP status, so forms can show the function's words. */
export class FunctionError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'FunctionError';
  }
}

/** Reads the body of a failed `functions.invoke` and rethrows it as a FunctionError. */
export async function toFunctionError(error: unknown): Promise<FunctionError> {
  if (error instanceof FunctionsHttpError) {
    const response = error.context as Response;
    try {
      const body = (await response.clone().json()) as { error?: string; message?: string; details?: unknown };
      return new FunctionError(body.error ?? body.message ?? `Request failed (${response.status})`, response.status, body.details);
    } catch {
      return new FunctionError(`Request failed (${response.status})`, response.status);
    }
  }
  return new FunctionError(error instanceof Error ? error.message : 'Request failed', undefined);
}
