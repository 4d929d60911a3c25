/**
 * A sentence for the form from whatever supabase-js auth threw or returned. GoTrue's own messages
 * ("Invalid login credentials", "User already registered") are already clear and are kept verbatim;
 * network failures get an explanation that points at the stack.
 */
export function authErrorMessage(error: unknown): string {
  const message = error && typeof error === 'object' && 'message' in error ? String((error as { message: unknown }).message) : '';
  const name = error && typeof error === 'object' && 'name' in error ? String((error as { name: unknown }).name) : '';
  if (name === 'AuthRetryableFetchError' || /failed to fetch|networkerror|load failed/i.test(message)) {
    return "Can't reach the sign-in service. Check your connection, or that the local stack is running (npm run stack).";
  }
  if (/email not confirmed/i.test(message)) return 'Email not confirmed: open the link we sent you, then sign in.';
  if (/rate limit/i.test(message)) return 'Too many attempts. Wait a minute and try again.';
  return message.trim() || 'Something went wrong. Please try again.';
}

/** Only same-site paths may be redirect targets after sign-in (no `//evil.com`, no absolute URLs). */
export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.startsWith('/sign-in') || value.startsWith('/sign-up')) return fallback;
  return value;
}
