import { describe, expect, it } from 'vitest';
import { handler } from './handler.ts';

describe('health handler', () => {
  it('answers ok with no user when there is no token', async () => {
    const res = await handler(new Request('http://x/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, user: null });
  });

  it('returns the user resolved from the caller token', async () => {
    const user = { id: 'u1', email: 'a@x.com', role: 'authenticated' };
    const res = await handler(new Request('http://x/health', { headers: { Authorization: 'Bearer t' } }), {
      getUser: async (_req, token) => (token === 't' ? user : null),
    });
    expect(await res.json()).toEqual({ ok: true, user });
  });

  it('answers CORS preflight', async () => {
    const res = await handler(new Request('http://x/health', { method: 'OPTIONS' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });
});
