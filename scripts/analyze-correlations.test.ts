import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { demoCampaign } from '../supabase/functions/_shared/domain/correlation/synthetic.ts';
import { analyzeCampaign, analyzeFile, defaultNow, parseArgs } from './analyze-correlations.ts';

describe('analyze-correlations', () => {
  it('analyses a campaign with rules only when there is no key', async () => {
    const out = await analyzeCampaign(demoCampaign(), { now: '2025-03-01T00:00:00Z', deepseek: { apiKey: null } });
    expect(out.source).toBe('rules');
    expect(out.run.outcome).toBe('no_key');
    expect(out.alerts[0]).toMatchObject({ trigger_action_id: 'action-creative', metric: 'sales', severity: 'high', source: 'rules' });
  });

  it('reads the file contract and prints exactly the stable alert fields', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analyze-'));
    const file = join(dir, 'input.json');
    await writeFile(file, JSON.stringify({ campaigns: [demoCampaign()] }));
    const { alerts } = await analyzeFile(file, { deepseek: null });
    expect(Object.keys(alerts[0]).sort()).toEqual(
      ['campaign_id', 'change_pct', 'confidence', 'description', 'metric', 'severity', 'suggested_action', 'title', 'trigger_action_id'].sort(),
    );
  });

  it('runs as a CLI with --input FILE --json and no DEEPSEEK_API_KEY', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analyze-'));
    const file = join(dir, 'input.json');
    await writeFile(file, JSON.stringify({ campaigns: [demoCampaign()] }));
    const env = { ...process.env };
    delete env.DEEPSEEK_API_KEY;
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/analyze-correlations.ts', '--input', file, '--json'], { env });
    const printed = JSON.parse(stdout);
    expect(printed.alerts).toHaveLength(1);
    expect(printed.alerts[0].suggested_action.type).toBe('revert');
  }, 30_000);

  it('parses arguments and derives a deterministic now', () => {
    expect(parseArgs(['--input', 'x.json', '--json'])).toEqual({ input: 'x.json', json: true });
    expect(() => parseArgs(['--bogus'])).toThrow(/unknown argument/);
    expect(defaultNow([demoCampaign()])).toBe('2025-02-11T00:00:00.000Z');
  });
});
