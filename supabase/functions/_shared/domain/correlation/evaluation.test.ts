import { describe, expect, it } from 'vitest';
import { evaluate, formatReport, naiveAlerts } from './evaluation.ts';
import { demoCampaign, generateSuite } from './synthetic.ts';

describe('engine vs the naive 20 %/48 h rule on synthetic campaigns with known effects', () => {
  // 140 campaigns: injected effects (25–70 %, lags 0–30 h), no effects with noise and weekly seasonality,
  // confounded windows, very noisy series and one-day tracking glitches.
  const report = evaluate(generateSuite(7, 140));

  it('prints the comparison table', () => {
    const table = formatReport(report);
    console.log(table);
    expect(table).toContain('naive 20 %/48 h');
  });

  it('is right far more often than the naive rule', () => {
    expect(report.engine.precision).toBeGreaterThanOrEqual(0.7);
    expect(report.engine.precision - report.naive.precision).toBeGreaterThanOrEqual(0.35);
    expect(report.engine.falseAlarmRate).toBeLessThanOrEqual(0.1);
    expect(report.naive.falseAlarmRate).toBeGreaterThanOrEqual(0.5);
  });

  it('still finds most injected effects, and beats the naive rule on F1', () => {
    expect(report.engine.recall).toBeGreaterThanOrEqual(0.5);
    expect(report.bySize['55–70 %'].engine.recall).toBeGreaterThanOrEqual(0.65);
    expect(report.engine.f1 - report.naive.f1).toBeGreaterThanOrEqual(0.15);
  });

  it('raises almost nothing where nothing happened', () => {
    expect(report.byScenario.null.engine.falseAlarmRate).toBeLessThanOrEqual(0.1);
    expect(report.byScenario.glitch.engine.falseAlarmRate).toBeLessThanOrEqual(0.15);
  });

  it('is reproducible from the seed', () => {
    expect(generateSuite(7, 3)).toEqual(generateSuite(7, 3));
    expect(generateSuite(8, 3)).not.toEqual(generateSuite(7, 3));
  });
});

describe('naiveAlerts', () => {
  it('flags any action followed within 48 h by a > 20 % day-over-day change', () => {
    expect([...naiveAlerts(demoCampaign())].sort()).toEqual(['action-creative', 'action-revert']);
  });
});
