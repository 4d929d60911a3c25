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
    /** The spec's CORRELATION_RULES.metric_change_threshold: a 20 % move is significant. */
    metricChangeThreshold: 0.2,
    /** The spec's CORRELATION_RULES.time_window_hours: changes starting 0–48 h after an action. */
    timeWindowHours: 48,
    /** The spec's CORRELATION_RULES.min_confidence_to_alert. */
    minConfidenceToAlert: 0.7,
    /** The spec's CORRELATION_RULES.severe_change_threshold: 50 % change is high severity. */
    severeChangeThreshold: 0.5,
    /** An alert resolves once the metric is back within this fraction of its baseline. */
    recoveryTolerance: 0.1,
    /** The baseline level uses at most this many days before the action (current regime only). */
    baselineMaxDays: 14,
    /** Day-to-day variability and weekday factors come from at most this many days before the action. */
    noiseWindowDays: 28,
    /** Weekday factors need this many days of history (two weeks); shorter history has none. */
    weekdayMinDays: 14,
    /** Fewer residual degrees of freedom than this: the noise is unknown, no finding. */
    noiseMinDof: 2,
    /** Floor on daily log variability (≈ 3 %), so a suspiciously flat pre-period cannot make tiny moves "significant". */
    sigmaFloor: 0.03,
    /** The effect is measured over at most this many days from its onset (or until the next unrelated action). */
    postMaxDays: 7,
    /** Confidence cut-off for a Strong correlation; Moderate starts at minConfidenceToAlert, below is Weak. */
    strongMinConfidence: 0.85,
    /** Severity medium from this change (fraction); below it low, from severeChangeThreshold high. */
    mediumChangeThreshold: 0.3,
    /** Confidence multiplier per other action sharing the window (on top of the attribution share). */
    confounderPenalty: 0.9,
    /** Confidence multiplier when the metric had already moved the day before the action. */
    preexistingPenalty: 0.6,
  },
  prediction: {
    /** Weight (pseudo-observations) of the built-in benchmark prior in the Beta model of delay for upcoming phases. */
    priorStrength: 4,
    /** Weight of each finished or running phase of the current campaign as evidence of how this campaign runs. */
    currentCampaignWeight: 0.5,
    /** From this many past records of the same phase and objective, the prediction is labelled history-based. */
    historyBasisMinCount: 5,
    /** Confidence High from this many past records, Medium from the next, Low below. */
    highConfidenceMinHistory: 8,
    mediumConfidenceMinHistory: 3,
  },
  feasibility: {
    /** Similar past campaigns: same objective, total timeline within ±20 %. */
    similarTimelineTolerance: 0.2,
    /** Decision gate: Proceed at this score or more with no high-severity risk; Pause below `pauseBelowScore`. */
    proceedMinScore: 75,
    pauseBelowScore: 50,
    /** Points a risk takes off the 100-point score, by severity; one family takes off at most `familyPenaltyCap`. */
    penaltyHigh: 20,
    penaltyMedium: 10,
    penaltyLow: 4,
    familyPenaltyCap: 40,
    /** Planned ÷ reference phase days: under 0.5 high, under 0.75 medium, under 0.9 low compression. */
    compressionHighRatio: 0.5,
    compressionMediumRatio: 0.75,
    compressionLowRatio: 0.9,
    /** Planned ÷ reference above this is a generous phase (verdict only, never a risk). */
    generousRatio: 1.3,
    /** Workspace history replaces the industry benchmark as the reference from this many past records. */
    historyMinCount: 3,
    /** Assets one team can produce per creative day (stated assumption, docs/benchmarks.md). */
    assetsPerTeamDay: 2,
    /** Load ÷ capacity above 1 is medium asset overload, above this is high. */
    overloadHighRatio: 1.5,
    /** Days one approval cycle (submit, review, revise) takes in a non-regulated industry (docs/benchmarks.md). */
    approvalCycleDays: 2,
    /** Needed approval days ÷ phase window above 1 is a medium bottleneck, above this is high. */
    approvalHighRatio: 1.5,
  },
  recommendations: {
    /** Performance is judged over the last this many days. */
    windowDays: 14,
    /** A campaign takes part in budget reallocation only with spend on at least this many of those days. */
    minDataDays: 7,
    /** …and at least this average daily spend (currency units): noise below it. */
    minDailySpend: 10,
    /** Reallocate only when the receiver's ROAS is at least this fraction above the giver's (0.25 = 25 %). */
    minRoasGap: 0.25,
    /** Hard constraint: one step moves at most this fraction of the giver's daily spend (0.2 = 20 %). */
    maxShiftPct: 0.2,
    /** Hard constraint: the giver keeps at least this fraction of its daily spend, whatever the steps. */
    minDailyBudgetShare: 0.5,
    /** Hard constraint: the receiver grows by at most this fraction of its daily spend per step. */
    maxIncreasePct: 0.5,
    /** A step smaller than this (currency units per day) is not worth proposing. */
    minShiftAmount: 5,
    /** A running phase with no measurable progress is extended by this fraction of its plan. */
    extendUnknownProgressRatio: 0.3,
    /** Assets are behind when delivered falls this fraction short of the pro-rata share due by now. */
    assetsBehindTolerance: 0.2,
    /** A negative alert suggests a revert recommendation from this confidence (0–1). */
    minRevertConfidence: 0.7,
  },
  tracking: {
    /** One ingest batch carries at most this many events. */
    maxBatchEvents: 50,
    /** Events older than this many days are refused (late replays would distort daily metrics). */
    maxEventAgeDays: 7,
    /** Events up to this many minutes in the future are accepted (client clock skew); later ones are refused. */
    maxFutureSkewMinutes: 5,
    /** A purchase worth more than this multiple of the median purchase value is flagged as an outlier. */
    outlierMedianMultiple: 10,
    /** Time-decay attribution: a touchpoint this many days before the conversion gets half the credit. */
    timeDecayHalfLifeDays: 7,
    /** Position-based attribution: share of the credit for the first and for the last touch (rest spread between). */
    positionEndShare: 0.4,
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

/**
 * A workspace's overrides as stored in `workspaces.settings.thresholds` (the only place they live); null when the
 * settings hold none. Values are checked by `resolveThresholds`, so a malformed entry falls back to the default.
 */
export function workspaceThresholdOverrides(settings: unknown): ThresholdOverrides | null {
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) return null;
  const thresholds = (settings as { thresholds?: unknown }).thresholds;
  if (!thresholds || typeof thresholds !== 'object' || Array.isArray(thresholds)) return null;
  return thresholds as ThresholdOverrides;
}
