/**
 * The model's answer, validated with zod: the spec's OUTPUT FORMAT (docs/domain-rules.md, Correlation engine), once per engine finding (keyed by finding_key),
 * wrapped in {"analyses": [...]}. Anything else — prose, extra nesting, wrong enums — fails here.
 */
import { z } from 'zod';

/** The spec's OUTPUT FORMAT, plus the finding it answers and optional echoes of the engine's numbers. */
export const analysisSchema = z.object({
  finding_key: z.string().min(1),
  correlation_detected: z.boolean(),
  confidence: z.enum(['high', 'medium', 'low']),
  insight: z.string().min(1),
  affected_metrics: z.array(z.string()).default([]),
  suspected_cause: z
    .object({
      action_id: z.string(),
      action_type: z.string(),
      time_delta_hours: z.number(),
    })
    .nullable()
    .optional(),
  recommendation: z
    .object({
      action: z.string(),
      priority: z.enum(['high', 'medium', 'low']),
      rationale: z.string(),
    })
    .nullable()
    .optional(),
  /** Optional echoes; when present they must match the engine within tolerance. */
  change_pct: z.number().optional(),
  confidence_score: z.number().optional(),
  /** The failure classification (operational or strategic, docs/domain-rules.md, Correlation engine: diagnosis), when the model offers one. */
  failure_type: z.enum(['operational', 'strategic', 'none']).optional(),
});
export type LlmAnalysis = z.output<typeof analysisSchema>;

export const llmResponseSchema = z.object({ analyses: z.array(analysisSchema).max(50) });
export type LlmResponse = z.output<typeof llmResponseSchema>;

/** Recommendation verbs the model may propose; anything else is dropped. */
export const RECOMMENDATION_ACTIONS = [
  'revert_creative',
  'revert_copy',
  'revert_targeting',
  'revert_budget',
  'revert_change',
  'keep_change',
  'scale_change',
  'monitor',
  'investigate',
] as const;
