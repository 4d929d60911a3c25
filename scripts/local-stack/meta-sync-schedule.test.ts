import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_META_SYNC_EVERY_MS, metaSyncEveryMs, startMetaSyncScheduler } from './scheduler.ts';

describe('metaSyncEveryMs', () => {
  it('defaults to one hour, takes an override, and 0 disables', () => {
    expect(metaSyncEveryMs({})).toBe(DEFAULT_META_SYNC_EVERY_MS);
    expect(metaSyncEveryMs({ LOCAL_STACK_META_SYNC_EVERY_MS: '60000' })).toBe(60_000);
    expect(metaSyncEveryMs({ LOCAL_STACK_META_SYNC_EVERY_MS: '0' })).toBe(0);
  });
});

describe('startMetaSyncScheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('calls sync-meta with the service key on every tick and stops when told', async () => {
    vi.useFakeTimers();
    const calls: { url: string; init: RequestInit }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ runs: [] }), { status: 200 });
    }) as unknown as typeof fetch;
    const scheduler = startMetaSyncScheduler({ url: 'http://127.0.0.1:1', serviceRoleKey: 'svc', everyMs: 1000, fetch: fakeFetch });
    await vi.advanceTimersByTimeAsync(2500);
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(2);
    expect(calls[0].url).toBe('http://127.0.0.1:1/functions/v1/sync-meta');
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer svc');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ trigger: 'schedule' });
  });
});
