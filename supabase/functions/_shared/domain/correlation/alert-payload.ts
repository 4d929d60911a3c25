/**
 * The one owner of the jsonb an alert carries (ai_alerts.correlation_data, ai_alerts.suggested_action): the engine
 * writes these shapes, and the SPA, the recommendations and the board read them through these schemas.
 */
import { z } from 'zod';
import { DEFAULT_THRESHOLDS } from '../thresholds.ts';

const num = z.coerce.number();

const pointSchema = z.object({
  date: z.string(),
  phase: z.enum(['pre', 'post']).catch('pre'),
  observed: num.nullable().catch(null),
  counterfactual: num,
  lower: num,
  upper: num,
});
export type CounterfactualPoint = z.output<typeof pointSchema>;

const recoverySchema = z.object({
  metric: z.string(),
  baseline: num,
  tolerance: num.catch(DEFAULT_THRESHOLDS.correlation.recoveryTolerance),
  direction: z.enum(['decrease', 'increase']),
  after_date: z.string(),
});
export type AlertRecovery = z.output<typeof recoverySchema>;

/** ai_alerts.correlation_data as readers take it: every field optional and lenient, so an older or partial row renders. */
export const correlationDataSchema = z
  .object({
    metric: z.string().catch('sales'),
    change_pct: num.nullable().catch(null),
    affected_metrics: z.array(z.string()).catch([]),
    time_window: z.string().nullable().catch(null),
    confidence_score: num.nullable().catch(null),
    lag_hours: num.nullable().catch(null),
    change_interval: z.tuple([num, num]).nullable().catch(null),
    confounders: z.array(z.string()).catch([]),
    rationale: z.array(z.string()).catch([]),
    strength: z.string().nullable().catch(null),
    direction: z.enum(['decrease', 'increase']).nullable().catch(null),
    impact: z.enum(['positive', 'negative', 'neutral']).nullable().catch(null),
    onset_date: z.string().nullable().catch(null),
    observed_mean: num.nullable().catch(null),
    counterfactual_mean: num.nullable().catch(null),
    baseline_level: num.nullable().catch(null),
    counterfactual: z.array(pointSchema).catch([]),
    insight: z.string().nullable().catch(null),
    recommendation: z
      .object({ action: z.string(), priority: z.string(), rationale: z.string() })
      .nullable()
      .catch(null),
    action: z
      .object({ id: z.string(), action_type: z.string(), title: z.string(), occurred_at: z.string() })
      .nullable()
      .catch(null),
    diagnosis: z.object({ failure_type: z.string(), insight: z.string() }).nullable().catch(null),
    recovery: recoverySchema.nullable().catch(null),
  })
  .partial()
  .catch({});
export type CorrelationData = z.output<typeof correlationDataSchema>;

/** ai_alerts.suggested_action as the engine writes it (alerts.ts): revert the card, or review it. */
export const suggestedActionSchema = z.object({
  type: z.enum(['revert', 'review']),
  target_action_id: z.string().min(1),
  button_label: z.string().min(1),
  auto_executable: z.boolean(),
});
export type SuggestedAction = z.output<typeof suggestedActionSchema>;

/** The same column as readers take it: an older or partial row still yields what it has, anything else null. */
export const storedSuggestedActionSchema = z
  .object({
    type: z.string(),
    target_action_id: z.string().nullable().catch(null),
    button_label: z.string().catch('Revert this change'),
    auto_executable: z.boolean().catch(false),
  })
  .nullable()
  .catch(null);
export type StoredSuggestedAction = z.output<typeof storedSuggestedActionSchema>;

export function parseCorrelationData(value: unknown): CorrelationData {
  return correlationDataSchema.parse(value ?? {});
}

export function parseSuggestedAction(value: unknown): StoredSuggestedAction {
  return storedSuggestedActionSchema.parse(value ?? null);
}
