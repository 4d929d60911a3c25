import { describe, expect, it } from 'vitest';
import { backoffMs, classifyGraphError, readUsage, throttlePauseMs } from './graph-limits.ts';

const headers = (h: Record<string, string>) => new Headers(h);

describe('classifyGraphError', () => {
  it('names each documented code family', () => {
    expect(classifyGraphError(190, 400)).toBe('expired_token');
    for (const code of [4, 17, 32, 613, 80000, 80004, 80014]) expect(classifyGraphError(code, 400)).toBe('rate_limited');
    expect(classifyGraphError(1, 500)).toBe('transient');
    expect(classifyGraphError(2, 503)).toBe('transient');
    expect(classifyGraphError(null, 502)).toBe('transient');
    expect(classifyGraphError(200, 403)).toBe('permission');
    expect(classifyGraphError(100, 400)).toBe('invalid_request');
  });
});

describe('readUsage and throttlePauseMs', () => {
  it('takes the highest figure over all usage headers and says where it came from', () => {
    const usage = readUsage(headers({
      'x-business-use-case-usage': JSON.stringify({ '123': [{ type: 'ads_insights', call_count: 40, total_cputime: 81, total_time: 20, estimated_time_to_regain_access: 0 }] }),
      'x-fb-ads-insights-throttle': JSON.stringify({ app_id_util_pct: 10, acc_id_util_pct: 60 }),
    }));
    expect(usage).toEqual({ pct: 81, regainMinutes: 0, source: 'x-business-use-case-usage ads_insights total_cputime' });
  });

  it('ignores missing or malformed headers', () => {
    expect(readUsage(headers({ 'x-fb-ads-insights-throttle': 'nope' }))).toEqual({ pct: 0, regainMinutes: 0, source: null });
  });

  it('does not pause under 75 %, grows to 10× base at 100 %, and waits what Meta names', () => {
    expect(throttlePauseMs({ pct: 74, regainMinutes: 0, source: null }, 100)).toBe(0);
    expect(throttlePauseMs({ pct: 75, regainMinutes: 0, source: null }, 100)).toBe(100);
    expect(throttlePauseMs({ pct: 100, regainMinutes: 0, source: null }, 100)).toBe(1000);
    expect(throttlePauseMs({ pct: 10, regainMinutes: 2, source: null }, 100)).toBe(120_000);
  });

  it('backs off exponentially with a cap', () => {
    expect([1, 2, 3].map((a) => backoffMs(a, 50))).toEqual([50, 100, 200]);
    expect(backoffMs(20, 50, 1000)).toBe(1000);
  });
});
