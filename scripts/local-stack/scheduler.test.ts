import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeEveryMs, DEFAULT_ANALYZE_EVERY_MS, DEFAULT_ROLLUP_EVERY_MS, rollUpEveryMs, startAnalysisScheduler, startRollUpScheduler } from './scheduler.ts';

describe('analyzeEveryMs', () => {
  it('defaults to 4 hours, takes an override, and 0 disables', () => {
    expect(analyzeEveryMs({})).toBe(DEFAULT_ANALYZE_EVERY_MS);
    expect(analyzeEveryMs({ LOCAL_STACK_ANALYZE_EVERY_MS: '60000' })).toBe(60_000);
    expect(analyzeEveryMs({ LOCAL_STACK_ANALYZE_EVERY_MS: '0' })).toBe(0);
  });
});

describe('startAnalysisScheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('calls analyze-correlations with the service key on every tick', async () => {
    vi.useFakeTimers();
    const calls: { url: string; init: RequestInit }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ campaigns: [], alerts_created: 0 }), { status: 200 });
    }) as unknown as typeof fetch;
    const scheduler = startAnalysisScheduler({ url: 'http://127.0.0.1:1', serviceRoleKey: 'svc', everyMs: 1000, fetch: fakeFetch });
    await vi.advanceTimersByTimeAsync(2500);
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(2);
    expect(calls[0].url).toBe('http://127.0.0.1:1/functions/v1/analyze-correlations');
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer svc');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ trigger: 'schedule' });
  });

  it('schedules nothing when disabled', async () => {
    vi.useFakeTimers();
    let called = 0;
    const scheduler = startAnalysisScheduler({
      url: 'http://x',
      serviceRoleKey: 'svc',
      everyMs: 0,
      fetch: (async () => {
        called += 1;
        return new Response('{}');
      }) as unknown as typeof fetch,
    });
    await vi.advanceTimersByTimeAsync(10 * DEFAULT_ANALYZE_EVERY_MS);
    scheduler.stop();
    expect(called).toBe(0);
  });
});

describe('startRollUpScheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('calls roll-up-website hourly by default, with the service key', async () => {
    expect(rollUpEveryMs({})).toBe(DEFAULT_ROLLUP_EVERY_MS);
    expect(rollUpEveryMs({ LOCAL_STACK_ROLLUP_EVERY_MS: '0' })).toBe(0);
    vi.useFakeTimers();
    const urls: string[] = [];
    const logs: string[] = [];
    const fakeFetch = (async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify({ workspaces: [{ written: 2 }, { written: 1 }] }), { status: 200 });
    }) as unknown as typeof fetch;
    const scheduler = startRollUpScheduler({ url: 'http://127.0.0.1:1', serviceRoleKey: 'svc', fetch: fakeFetch, log: (m) => logs.push(m) });
    await vi.advanceTimersByTimeAsync(DEFAULT_ROLLUP_EVERY_MS + 10);
    scheduler.stop();
    expect(urls).toEqual(['http://127.0.0.1:1/functions/v1/roll-up-website']);
    expect(logs.at(-1)).toBe('scheduled website roll-up: 2 workspace(s), 3 snapshot(s) written');
  });
});
