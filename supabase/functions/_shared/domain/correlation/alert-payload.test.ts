import { describe, expect, it } from 'vitest';
import { correlationDataSchema, parseCorrelationData, parseSuggestedAction, suggestedActionSchema } from './alert-payload.ts';
import { correlateCampaign } from './index.ts';
import { demoCampaign, generateSuite } from './synthetic.ts';

const NOW = '2025-03-01T00:00:00Z';
const alerts = [demoCampaign(), ...generateSuite(7, 12).map((c) => c.campaign)].flatMap((c) => correlateCampaign(c, { now: NOW }).alerts);

describe('alert payload schemas', () => {
  it('accept every suggested action the engine writes, strictly', () => {
    const suggested = alerts.map((a) => a.suggested_action).filter((s) => s !== null);
    expect(suggested.length).toBeGreaterThan(0);
    for (const s of suggested) expect(suggestedActionSchema.parse(s)).toEqual(s);
  });

  it('read back every correlation_data field the engine writes unchanged (no field falls to its fallback)', () => {
    let compared = 0;
    for (const a of alerts) {
      const stored = JSON.parse(JSON.stringify(a.correlation_data)) as Record<string, unknown>;
      const read = parseCorrelationData(stored) as Record<string, unknown>;
      for (const key of Object.keys(correlationDataSchema.unwrap().shape)) {
        if (!(key in stored)) continue;
        expect(read[key], key).toEqual(stored[key]);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(alerts.length * 5);
  });

  it('read an old or broken payload as what it still has, not as an error', () => {
    expect(parseSuggestedAction({ type: 'revert' })).toEqual({ type: 'revert', target_action_id: null, button_label: 'Revert this change', auto_executable: false });
    expect(parseSuggestedAction('nonsense')).toBeNull();
    expect(parseCorrelationData({ metric: 42, change_pct: '-12.5' })).toMatchObject({ metric: 'sales', change_pct: -12.5 });
    expect(parseCorrelationData(null)).toEqual({});
  });
});
