import { describe, expect, it } from 'vitest';
import { findSimilarCampaigns, getPhaseBenchmark, parseHistory, pastCampaignFromRows, phaseHistory, resolveIndustry } from './benchmarks.ts';
import { INDUSTRY_BENCHMARKS, PHASE_BENCHMARKS } from './industry-benchmarks.ts';

describe('industry benchmarks data', () => {
  it('is well formed: positive days, probabilities in (0, 1), sources stated', () => {
    for (const [key, b] of Object.entries(PHASE_BENCHMARKS)) {
      expect(b.days, key).toBeGreaterThan(0);
      expect(b.delay_probability).toBeGreaterThan(0);
      expect(b.delay_probability).toBeLessThan(1);
      expect(b.overrun_ratio_when_late).toBeGreaterThan(0);
      expect(b.basis.length).toBeGreaterThan(10);
    }
    const aliases = Object.values(INDUSTRY_BENCHMARKS).flatMap((i) => i.aliases);
    expect(new Set(aliases).size).toBe(aliases.length);
  });
});

describe('getPhaseBenchmark', () => {
  it('adjusts days by objective and industry', () => {
    expect(getPhaseBenchmark('Creative').benchmark_days).toBe(5);
    expect(getPhaseBenchmark('creative', { objective: 'awareness' }).benchmark_days).toBe(6);
    expect(getPhaseBenchmark('Compliance', { industry: 'Financial Services' })).toMatchObject({ benchmark_days: 8, industry: 'finance', delay_probability: 0.55 });
    expect(getPhaseBenchmark('Compliance', { industry: 'healthcare', objective: 'leads' }).benchmark_days).toBe(12);
    expect(getPhaseBenchmark('Launch', { industry: 'retail' }).benchmark_days).toBe(1);
  });

  it('falls back to General for an unknown industry and to a neutral prior for custom phases', () => {
    expect(resolveIndustry('Space tourism')).toMatchObject({ key: 'general', matched: false });
    expect(resolveIndustry(null)).toMatchObject({ key: 'general', matched: false });
    expect(getPhaseBenchmark('Compliance', { industry: 'Space tourism' }).source).toContain('industry not recognised');
    expect(getPhaseBenchmark('Influencer seeding')).toMatchObject({ benchmark_days: null, custom: true, delay_probability: 0.3 });
  });
});

describe('history', () => {
  const rows = [
    { name: 'Planning', planned_days: 3, actual_start: '2024-05-01', actual_end: '2024-05-01' },
    { name: 'Creative', planned_days: 5, actual_start: '2024-05-02T10:00:00Z', actual_end: '2024-05-08T10:00:00Z', delivered_assets: 4 },
    { name: 'Launch', planned_days: 1, actual_start: '2024-05-09', actual_end: null },
  ];

  it('builds history records from database rows with elapsed days (10:00 → 10:00 six days later took 6)', () => {
    const past = pastCampaignFromRows({ id: 'p', name: 'May promo', objective: 'sales' }, rows);
    expect(past.phases.map((p) => [p.name, p.actual_days])).toEqual([
      ['Planning', 1],
      ['Creative', 6],
      ['Launch', null],
    ]);
    expect(phaseHistory([past], 'creative', 'sales')).toMatchObject([{ campaign_id: 'p', campaign_name: 'May promo', actual_days: 6 }]);
    expect(phaseHistory([past], 'Launch')).toEqual([]);
    expect(phaseHistory([past], 'Creative', 'leads')).toEqual([]);
  });

  it('rejects a past phase that ended before it started', () => {
    expect(() =>
      pastCampaignFromRows({ id: 'p', name: 'Bad', objective: 'sales' }, [{ name: 'Creative', planned_days: 2, actual_start: '2024-05-05', actual_end: '2024-05-01' }]),
    ).toThrow('Bad / Creative ends (2024-05-01) before it starts (2024-05-05)');
  });

  it('finds similar campaigns: same objective, total planned days within ±20 %, closest first', () => {
    const history = parseHistory([
      { id: 'a', name: 'A', objective: 'sales', phases: [{ name: 'X', planned_days: 24 }] },
      { id: 'b', name: 'B', objective: 'sales', phases: [{ name: 'X', planned_days: 36 }] },
      { id: 'c', name: 'C', objective: 'sales', phases: [{ name: 'X', planned_days: 37 }] },
      { id: 'd', name: 'D', objective: 'leads', phases: [{ name: 'X', planned_days: 30 }] },
      { id: 'e', name: 'E', objective: 'sales', phases: [{ name: 'X', planned_days: 31 }] },
    ]);
    expect(findSimilarCampaigns(history, { objective: 'sales', total_planned_days: 30 }, 0.2).map((c) => c.id)).toEqual(['e', 'a', 'b']);
  });
});
