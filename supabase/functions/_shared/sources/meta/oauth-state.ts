/**
 * The OAuth `state` of Facebook Login for Business: who started the login, for which workspace and ad account,
 * until when, signed with HMAC-SHA256 so the callback cannot be pointed at another workspace or replayed late.
 */
const encoder = new TextEncoder();

function b64url(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromB64url(text: string): Uint8Array {
  const bin = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function hmac(secret: string, data: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(data)));
}

export interface OAuthState {
  workspace_id: string;
  ad_account_id: string;
  user_id: string;
  /** Unix ms. */
  expires_at: number;
}

export async function signOAuthState(state: OAuthState, secret: string): Promise<string> {
  const payload = b64url(encoder.encode(JSON.stringify(state)));
  return `${payload}.${b64url(await hmac(secret, payload))}`;
}

/** The state if its signature holds and it has not expired; null otherwise. */
export async function verifyOAuthState(token: string, secret: string, now = Date.now()): Promise<OAuthState | null> {
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return null;
  const expected = b64url(await hmac(secret, payload));
  if (expected.length !== signature.length) return null;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ signature.charCodeAt(i);
  if (diff !== 0) return null;
  try {
    const state = JSON.parse(new TextDecoder().decode(fromB64url(payload))) as OAuthState;
    return state.expires_at > now ? state : null;
  } catch {
    return null;
  }
}
