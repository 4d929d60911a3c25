/**
 * DeepSeek enrichment of the rules engine's findings, through the `openai` package (DeepSeek speaks the OpenAI
 * chat-completions protocol). The model may rewrite the insight, classify and propose a recommendation; it may not
 * add actions, metrics or numbers. Every answer is zod-validated and checked against the engine's findings; anything
 * off is dropped and the rules result stands (source = 'rules'). No key, timeout, error or bad JSON: rules only.
 * Each call's model, tokens, latency and outcome are returned so the caller can write analysis_runs.
 */
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { alertDescription, plainText, suggestedActionFor } from '../domain/correlation/alerts.ts';
import { confidenceLabel } from '../domain/correlation/confidence.ts';
import type { CorrelationAlert, CorrelationFinding } from '../domain/correlation/types.ts';
import { buildPrompt, type PromptContext, SYSTEM_PROMPT } from './prompt.ts';
import { type LlmAnalysis, llmResponseSchema, RECOMMENDATION_ACTIONS } from './schema.ts';

export const DEFAULT_DEEPSEEK_BASE_URL = 'https://api.deepseek.com';
export const DEFAULT_DEEPSEEK_MODEL = 'deepseek-chat';
const MAX_INSIGHT = 400;
const MAX_RATIONALE = 300;

export interface DeepSeekOptions {
  apiKey?: string | null;
  baseURL?: string;
  model?: string;
  timeoutMs?: number;
  /** Injected fetch (tests, Deno); defaults to the global one. */
  fetch?: typeof fetch;
  /** Clock for latency, ms; defaults to performance.now. */
  clock?: () => number;
}

/** DEEPSEEK_API_KEY, DEEPSEEK_BASE_URL (default https://api.deepseek.com), DEEPSEEK_MODEL (default deepseek-chat). */
export function deepSeekOptionsFromEnv(env: Record<string, string | undefined>): DeepSeekOptions {
  return {
    apiKey: env.DEEPSEEK_API_KEY || null,
    baseURL: env.DEEPSEEK_BASE_URL || DEFAULT_DEEPSEEK_BASE_URL,
    model: env.DEEPSEEK_MODEL || DEFAULT_DEEPSEEK_MODEL,
  };
}

export type RunOutcome = 'ok' | 'skipped' | 'no_key' | 'timeout' | 'error' | 'invalid_json' | 'rejected';

/** What the caller writes to analysis_runs for this call. */
export interface LlmRun {
  model: string;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  latency_ms: number | null;
  outcome: RunOutcome;
  /** Items the model returned and validation dropped, with why. */
  rejected: { finding_key: string; reason: string }[];
  error?: string;
}

export interface Recommendation {
  action: string;
  priority: 'high' | 'medium' | 'low';
  rationale: string;
}

/** A finding with its explanation: the engine's numbers always, the model's words only when they passed validation. */
export interface EnrichedFinding extends CorrelationFinding {
  source: 'rules' | 'llm';
  insight: string;
  recommendation: Recommendation | null;
  failure_type?: 'operational' | 'strategic' | 'none';
  llm_confidence_label?: 'high' | 'medium' | 'low';
}

export interface EnrichmentResult {
  source: 'rules' | 'llm';
  findings: EnrichedFinding[];
  run: LlmRun;
}

/** The rules engine's own insight and recommendation for a finding (used whenever the model's is absent or dropped). */
export function rulesEnrichment(finding: CorrelationFinding): EnrichedFinding {
  const suggestion = suggestedActionFor(finding);
  const revertVerb: Record<string, string> = {
    creative_change: 'revert_creative',
    ad_copy_update: 'revert_copy',
    audience_targeting: 'revert_targeting',
    budget_adjustment: 'revert_budget',
  };
  let recommendation: Recommendation | null = null;
  if (suggestion?.type === 'revert') {
    recommendation = {
      action: revertVerb[finding.action_type] ?? 'revert_change',
      priority: finding.severity,
      rationale: `${finding.metric} fell ${Math.abs(Math.round(finding.change_pct))}% against its baseline after this change.`,
    };
  } else if (suggestion?.type === 'review') {
    recommendation = { action: 'investigate', priority: finding.severity, rationale: 'A decline followed this change.' };
  } else if (finding.impact === 'positive' && !finding.is_revert) {
    recommendation = { action: 'keep_change', priority: 'low', rationale: `${finding.metric} improved after this change.` };
  }
  return { ...finding, source: 'rules', insight: alertDescription(finding, []), recommendation };
}

const LABEL_RANK = { low: 0, medium: 1, high: 2 } as const;

function near(value: number, target: number, absTol: number, relTol: number): boolean {
  return Math.abs(value - target) <= Math.max(absTol, relTol * Math.abs(target));
}

/** Numbers the model may mention: the same action's findings', the data's, and the rule constants. */
function allowedNumbers(findings: readonly CorrelationFinding[], context: PromptContext): number[] {
  const out = [20, 24, 48, 50, 70, 95, 100];
  for (let i = 0; i <= 14; i++) out.push(i);
  for (const f of findings) {
    out.push(
      f.change_pct,
      Math.abs(f.change_pct),
      ...f.change_interval,
      ...f.change_interval.map(Math.abs),
      f.lag_hours,
      f.persistence * 100,
      f.confidence,
      f.confidence * 100,
      f.effect_days,
      f.observed_mean,
      f.counterfactual_mean,
      f.baseline_level,
    );
  }
  for (const row of context.snapshots) for (const v of Object.values(row)) if (typeof v === 'number') out.push(v);
  return out;
}

/** Why an analysis must be dropped, or null when it may be used. */
export function rejectionReason(
  item: LlmAnalysis,
  finding: CorrelationFinding | undefined,
  findings: readonly CorrelationFinding[],
  context: PromptContext,
): string | null {
  if (!finding) return 'unknown finding_key';
  const actionIds = new Set(context.actions.map((a) => a.id));
  if (item.suspected_cause) {
    if (!actionIds.has(item.suspected_cause.action_id)) return 'suspected_cause names an action not in the campaign';
    if (item.suspected_cause.action_id !== finding.action_id) return 'suspected_cause differs from the finding';
    if (!near(item.suspected_cause.time_delta_hours, finding.lag_hours, 6, 0.25)) return 'time_delta_hours deviates from the engine';
  }
  const metricsInData = new Set(
    context.snapshots.flatMap((r) => Object.entries(r).filter(([k, v]) => k !== 'date' && typeof v === 'number').map(([k]) => k)),
  );
  for (const m of item.affected_metrics) if (!metricsInData.has(m)) return `metric "${m}" is not in the data`;
  if (item.change_pct !== undefined && !near(item.change_pct, finding.change_pct, 2, 0.1)) return 'change_pct deviates from the engine';
  if (item.confidence_score !== undefined && !near(item.confidence_score, finding.confidence, 0.1, 0)) return 'confidence_score deviates from the engine';
  if (LABEL_RANK[item.confidence] > LABEL_RANK[confidenceLabel(finding.strength)]) return 'confidence label above the engine';
  if (finding.alert && !item.correlation_detected) return 'contradicts the engine on an alerting finding';
  const insight = item.insight;
  if (/https?:|www\.|<\/?[a-z]/i.test(insight)) return 'insight contains links or markup';
  const allowed = allowedNumbers(findings.filter((f) => f.action_id === finding.action_id), context);
  for (const match of insight.matchAll(/-?\d+(?:[.,]\d+)?/g)) {
    const n = Number(match[0].replace(',', '.'));
    if (!allowed.some((a) => near(n, a, 0.6, 0.02))) return `insight number ${match[0]} is not in the data`;
  }
  const lowerInsight = insight.toLowerCase();
  for (const a of context.actions) {
    const d = a.description.toLowerCase();
    for (let i = 0; i + 40 <= d.length; i += 10) if (lowerInsight.includes(d.slice(i, i + 40))) return 'insight echoes card text';
  }
  if (item.recommendation) {
    if (!(RECOMMENDATION_ACTIONS as readonly string[]).includes(item.recommendation.action)) return 'unknown recommendation action';
    const revertAllowed = suggestedActionFor(finding)?.type === 'revert';
    if (item.recommendation.action.startsWith('revert') && !revertAllowed) return 'revert recommended where the engine suggests none';
  }
  return null;
}

function sanitiseAnalysis(item: LlmAnalysis, finding: CorrelationFinding): EnrichedFinding {
  const base = rulesEnrichment(finding);
  return {
    ...base,
    source: 'llm',
    insight: plainText(item.insight.replace(/[*_#`]/g, ''), MAX_INSIGHT),
    recommendation: item.recommendation
      ? {
          action: item.recommendation.action,
          priority: item.recommendation.priority,
          rationale: plainText(item.recommendation.rationale, MAX_RATIONALE),
        }
      : base.recommendation,
    failure_type: item.failure_type,
    llm_confidence_label: item.confidence,
  };
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}

/**
 * Asks DeepSeek to explain the findings; returns enriched findings (engine numbers untouched) and the run record.
 * Never throws: every failure degrades to the rules result.
 */
export async function enrichFindings(
  findings: readonly CorrelationFinding[],
  context: PromptContext,
  options: DeepSeekOptions,
): Promise<EnrichmentResult> {
  const model = options.model || DEFAULT_DEEPSEEK_MODEL;
  const rules = findings.map(rulesEnrichment);
  const run: LlmRun = { model, prompt_tokens: null, completion_tokens: null, latency_ms: null, outcome: 'ok', rejected: [] };
  if (!options.apiKey) return { source: 'rules', findings: rules, run: { ...run, outcome: 'no_key' } };
  if (findings.length === 0) return { source: 'rules', findings: rules, run: { ...run, outcome: 'skipped' } };

  const clock = options.clock ?? (() => performance.now());
  const timeoutMs = options.timeoutMs ?? 20_000;
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL || DEFAULT_DEEPSEEK_BASE_URL,
    timeout: timeoutMs,
    maxRetries: 0,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  // The client's timeout covers the request; this one also covers a body that trickles in.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const started = clock();
  let content: string;
  try {
    const completion = await client.chat.completions.create(
      {
        model,
        temperature: 0,
        response_format: { type: 'json_object' },
        messages: [
          { role: 'system', content: SYSTEM_PROMPT },
          { role: 'user', content: buildPrompt(findings, context) },
        ],
      },
      { signal: controller.signal },
    );
    run.prompt_tokens = completion.usage?.prompt_tokens ?? null;
    run.completion_tokens = completion.usage?.completion_tokens ?? null;
    content = completion.choices[0]?.message?.content ?? '';
  } catch (error) {
    run.latency_ms = Math.round(clock() - started);
    const timedOut = error instanceof APIConnectionTimeoutError || (error instanceof APIUserAbortError && controller.signal.aborted);
    const outcome: RunOutcome = timedOut ? 'timeout' : 'error';
    const status = error instanceof APIError && error.status ? `HTTP ${error.status}: ` : '';
    return { source: 'rules', findings: rules, run: { ...run, outcome, error: `${status}${errorText(error)}` } };
  } finally {
    clearTimeout(timer);
  }
  run.latency_ms = Math.round(clock() - started);

  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    return { source: 'rules', findings: rules, run: { ...run, outcome: 'invalid_json', error: errorText(error) } };
  }
  const validated = llmResponseSchema.safeParse(parsed);
  if (!validated.success) {
    return { source: 'rules', findings: rules, run: { ...run, outcome: 'invalid_json', error: `schema: ${validated.error.issues[0]?.message ?? 'invalid'}` } };
  }

  const byKey = new Map(findings.map((f) => [f.finding_key, f]));
  const accepted = new Map<string, EnrichedFinding>();
  for (const item of validated.data.analyses) {
    const finding = byKey.get(item.finding_key);
    const reason = rejectionReason(item, finding, findings, context);
    if (reason || !finding) {
      run.rejected.push({ finding_key: item.finding_key, reason: reason ?? 'unknown finding_key' });
      continue;
    }
    if (!accepted.has(finding.finding_key)) accepted.set(finding.finding_key, sanitiseAnalysis(item, finding));
  }
  if (accepted.size === 0) {
    return { source: 'rules', findings: rules, run: { ...run, outcome: 'rejected', error: run.rejected[0]?.reason } };
  }
  return {
    source: 'llm',
    findings: rules.map((r) => accepted.get(r.finding_key) ?? r),
    run,
  };
}

/** Alerts with the model's insight as description (and source 'llm') where the lead finding's enrichment passed. */
export function applyEnrichment(alerts: readonly CorrelationAlert[], enriched: readonly EnrichedFinding[]): CorrelationAlert[] {
  const byKey = new Map(enriched.map((f) => [f.finding_key, f]));
  return alerts.map((alert) => {
    const lead = byKey.get(alert.finding_key);
    if (!lead || lead.source !== 'llm') return alert;
    return { ...alert, description: lead.insight, source: 'llm' };
  });
}
