/**
 * Every threshold a domain rule uses, in one place. Workspaces may override any of them
 * (workspaces.settings.thresholds); `resolveThresholds` merges an override over the defaults.
 */
export const DEFAULT_THRESHOLDS = {
  drift: {
    /** A delayed phase is At Risk up to this many days late (inclusive)… */
    atRiskMaxDays: 2,
    /** …or up to this fraction over its planned days. */
    atRiskMaxOverPlanRatio: 0.3,
    /** A delay of this many days or more is Blocked. */
    blockedMinDays: 3,
    /** A running phase past this multiple of its plan with no progress is Blocked. */
    blockedRunningPlanRatio: 1.5,
  },
  correlation: {
    /** seed 001 CORRELATION_RULES.metric_change_threshold: a 20 % move is significant. */
    metricChangeThreshold: 0.2,
    /** seed 001 CORRELATION_RULES.time_window_hours: changes starting 0–48 h after an action. */
    timeWindowHours: 48,
    /** seed 001 CORRELATION_RULES.min_confidence_to_alert. */
    minConfidenceToAlert: 0.7,
    /** seed 001 CORRELATION_RULES.severe_change_threshold: 50 % change is high severity. */
    severeChangeThreshold: 0.5,
    /** An alert resolves once the metric is back within this fraction of its baseline. */
    recoveryTolerance: 0.1,
  },
  feasibility: {
    /** Similar past campaigns: same objective, total timeline within ±20 %. */
    similarTimelineTolerance: 0.2,
  },
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends number ? number : Widen<T[K]> };
export type Thresholds = Widen<typeof DEFAULT_THRESHOLDS>;
export type ThresholdOverrides = { [K in keyof Thresholds]?: Partial<Thresholds[K]> };

/** Merges a workspace's overrides over the defaults; unknown or non-finite values are ignored. */
export function resolveThresholds(overrides?: ThresholdOverrides | null): Thresholds {
  const result = structuredClone(DEFAULT_THRESHOLDS) as Thresholds;
  if (!overrides) return result;
  for (const group of Object.keys(result) as (keyof Thresholds)[]) {
    const patch = overrides[group];
    if (!patch) continue;
    const target = result[group] as Record<string, number>;
    for (const [key, value] of Object.entries(patch)) {
      if (key in target && typeof value === 'number' && Number.isFinite(value)) target[key] = value;
    }
  }
  return result;
}
