/**
 * DeepSeek never decides alone, and its failures lose nothing: against a local server speaking the OpenAI
 * chat-completions protocol, every failure mode (no key, HTTP 500, timeout, invalid JSON, a hallucinated action id)
 * ends with the rules alert stored (source 'rules'), its correlations, and an analysis_runs row recording the call's
 * outcome. A valid answer rewrites the explanation only (source 'llm'), never the numbers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeepSeekOptions } from '../../supabase/functions/_shared/ai/deepseek.ts';
import { runAnalysis } from '../../supabase/functions/_shared/analysis/index.ts';
import { type CreativeDropScenario, seedCreativeDrop } from '../support/analysis-scenario.ts';
import { type Client, serviceClient, signUpUser } from '../support/clients.ts';

type Reply = { status: number; content?: string; hang?: boolean };

let reply: (scenario: CreativeDropScenario) => Reply = () => ({ status: 500 });
let current: CreativeDropScenario | null = null;
let requests = 0;
let baseURL = '';
let server: http.Server;
let owner: Client;
let workspaceId: string;

function completion(content: string) {
  return JSON.stringify({
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'deepseek-chat',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 812, completion_tokens: 96, total_tokens: 908 },
  });
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      requests += 1;
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions') || !current) {
        res.writeHead(404).end();
        return;
      }
      const r = reply(current);
      if (r.hang) return; // never answers: the client's timeout must fire
      res.writeHead(r.status, { 'Content-Type': 'application/json' });
      res.end(r.status === 200 ? completion(r.content ?? '') : JSON.stringify({ error: { message: 'upstream exploded', type: 'server_error' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signedUp = await signUpUser();
  owner = signedUp.client;
  const { data, error } = await owner.from('workspaces').insert({ name: 'DeepSeek workspace' }).select('id').single();
  if (error || !data) throw new Error(`create workspace: ${error?.message}`);
  workspaceId = data.id;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let day = 0;
/** A fresh campaign with the seed scenario, analysed once with the given DeepSeek settings. */
async function analyseWith(deepseek: DeepSeekOptions, respond: typeof reply) {
  const scenario = await seedCreativeDrop(owner, { workspaceId, actionDay: `2026-05-${String(10 + day++).padStart(2, '0')}`, name: `Campaign ${day}` });
  current = scenario;
  reply = respond;
  const result = await runAnalysis(serviceClient(), { campaignIds: [scenario.campaignId], trigger: 'schedule', now: scenario.analyseAt, deepseek });
  const [{ data: alerts }, { data: correlations }, { data: runs }] = await Promise.all([
    owner.from('ai_alerts').select('*').eq('campaign_id', scenario.campaignId),
    owner.from('correlations').select('metric, method, insight').eq('campaign_id', scenario.campaignId),
    owner.from('analysis_runs').select('*').contains('campaign_ids', [scenario.campaignId]),
  ]);
  return { scenario, result, alerts: alerts ?? [], correlations: correlations ?? [], runs: runs ?? [] };
}

const withKey = (extra: Partial<DeepSeekOptions> = {}): DeepSeekOptions => ({ apiKey: 'test-key', baseURL, model: 'deepseek-chat', timeoutMs: 2_000, ...extra });

/** Everything the rules found is stored, and the run row says what happened to the model call. */
function expectRulesOnly(out: Awaited<ReturnType<typeof analyseWith>>, outcome: string) {
  expect(out.result.campaigns[0]).toMatchObject({ status: 'succeeded', source: 'rules', llm_outcome: outcome, alerts_created: 1 });
  expect(out.alerts).toHaveLength(1);
  expect(out.alerts[0]).toMatchObject({
    title: 'Sales dropped 60% after creative change',
    severity: 'high',
    status: 'active',
    source: 'rules',
    finding_key: out.scenario.findingKey,
    suggested_action: expect.objectContaining({ type: 'revert', target_action_id: out.scenario.actionId }),
  });
  expect(out.alerts[0].description).toMatch(/95% interval/);
  expect((out.alerts[0].correlation_data as { recovery?: unknown }).recovery).toBeTruthy();
  expect(out.correlations).toHaveLength(5);
  expect(out.correlations.every((c) => c.method === 'rules' && c.insight)).toBe(true);
  expect(out.runs).toHaveLength(1);
  expect(out.runs[0]).toMatchObject({ status: 'succeeded', trigger: 'schedule', model: 'deepseek-chat', llm_outcome: outcome, alerts_written: 1, correlations_written: 5 });
  expect(out.runs[0].finished_at).not.toBeNull();
  return out.runs[0];
}

describe('DeepSeek failure modes end with a stored rules-only alert', () => {
  it('no key: the model is not called', async () => {
    const before = requests;
    const out = await analyseWith({ apiKey: null, baseURL }, () => ({ status: 200, content: '{}' }));
    const run = expectRulesOnly(out, 'no_key');
    expect(requests).toBe(before);
    expect(run.latency_ms).toBeNull();
  });

  it('HTTP 500', async () => {
    const run = expectRulesOnly(await analyseWith(withKey(), () => ({ status: 500 })), 'error');
    expect(run.error).toMatch(/500/);
    expect(run.latency_ms).not.toBeNull();
  });

  it('timeout', async () => {
    const run = expectRulesOnly(await analyseWith(withKey({ timeoutMs: 400 }), () => ({ status: 200, hang: true })), 'timeout');
    expect(run.latency_ms).toBeGreaterThanOrEqual(350);
    expect(run.error).toBeTruthy();
  });

  it('invalid JSON', async () => {
    const run = expectRulesOnly(
      await analyseWith(withKey(), () => ({ status: 200, content: 'Sure! Sales dropped because of the red creative.' })),
      'invalid_json',
    );
    expect(run.prompt_tokens).toBe(812);
    expect(run.completion_tokens).toBe(96);
    expect(run.error).toBeTruthy();
  });

  it('a hallucinated action id', async () => {
    const run = expectRulesOnly(
      await analyseWith(withKey(), (s) => ({
        status: 200,
        content: JSON.stringify({
          analyses: [
            {
              finding_key: s.findingKey,
              correlation_detected: true,
              confidence: 'medium',
              insight: 'Sales fell 60% after the budget cut.',
              affected_metrics: ['sales'],
              suspected_cause: { action_id: crypto.randomUUID(), action_type: 'budget_adjustment', time_delta_hours: 26 },
              recommendation: { action: 'revert_budget', priority: 'high', rationale: 'Restore the budget.' },
            },
          ],
        }),
      })),
      'rejected',
    );
    expect(run.error).toMatch(/not in the campaign/);
  });
});

describe('a valid DeepSeek answer', () => {
  it('rewrites the explanation only, and the alert is marked llm', async () => {
    const insight = 'Sales fell 60% within 48 hours of the creative change; the previous creative performed well.';
    const out = await analyseWith(withKey(), (s) => ({
      status: 200,
      content: JSON.stringify({
        analyses: [
          {
            finding_key: s.findingKey,
            correlation_detected: true,
            confidence: 'medium',
            insight,
            affected_metrics: ['sales', 'revenue'],
            recommendation: { action: 'revert_creative', priority: 'high', rationale: 'Performance degraded significantly post-change.' },
          },
        ],
      }),
    }));
    expect(out.result.campaigns[0]).toMatchObject({ source: 'llm', llm_outcome: 'ok' });
    expect(out.alerts).toHaveLength(1);
    expect(out.alerts[0]).toMatchObject({ source: 'llm', description: insight, title: 'Sales dropped 60% after creative change', severity: 'high' });
    expect(Number(out.alerts[0].confidence)).toBeGreaterThanOrEqual(0.7);
    expect(out.runs[0]).toMatchObject({ llm_outcome: 'ok', prompt_tokens: 812, completion_tokens: 96, error: null });
    const sales = out.correlations.find((c) => c.metric === 'sales');
    expect(sales).toMatchObject({ method: 'llm', insight });
  });
});
