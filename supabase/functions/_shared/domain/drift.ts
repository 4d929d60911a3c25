/**
 * Drift: how far execution moved from the plan, per phase and for the campaign (docs/domain-rules.md, Drift).
 *
 * Conventions:
 * - A finished phase took the elapsed time from actual_start to actual_end rounded up to whole days (dates.ts
 *   `elapsedDays`): Monday 09:00 → Thursday 09:00 is 3 days, a phase finished the day it started took 1, and a bare
 *   date is the whole day, so the spec's "Planning 3 days → 3 days" is Mar 1 → Mar 3. Start/Complete clicks
 *   (timestamps) and back-filled dates (00:00 → 23:59:59) follow the same rule.
 * - A running phase has run the elapsed time from actual_start to `now`, rounded up the same way (a bare-date `now`
 *   is the end of that day). Past its planned days it is delayed by the excess so far (projected: it can only grow);
 *   within plan its drift is 0 and it is in progress.
 * - Launch, start delays and "in the future" checks compare UTC calendar days.
 * - drift = actual − planned days. Finished: early (< 0), on time (0), delayed (> 0).
 * - Severity precedence (first match wins), with the default thresholds in brackets:
 *     1. not started                                              → Pending
 *     2. running, elapsed > blockedRunningPlanRatio × plan [150 %], with no progress recorded
 *        (no delivered asset and no approval)                      → Blocked
 *     3. drift ≤ 0                                                → On Track
 *     4. drift ≥ blockedMinDays [3]                               → Blocked   (the day rule wins over the ratio)
 *     5. drift ≤ atRiskMaxDays [2]                                → At Risk   (even when > 30 % over plan)
 *     6. drift ≤ atRiskMaxOverPlanRatio × plan [30 %]             → At Risk   (only reachable when overrides leave
 *     7. otherwise                                                → Blocked    a gap between rules 4 and 5)
 *   So Creative 5 → 7 (+2, 40 % over) is At Risk and Compliance 7 → 10 (+3) is Blocked, as in the spec's sample (docs/domain-rules.md, Drift).
 */
import { z } from 'zod';
import { DomainInputError, elapsedDays, fromDayNumber, isIsoDateOrTimestamp, round, toDayNumber, toInstant } from './dates.ts';
import {
  getPhaseBenchmark,
  objectiveSchema,
  parseHistory,
  phaseHistory,
  type Objective,
  type PastCampaign,
} from './benchmarks.ts';
import { findLaunchPhase, normalizePhases, parseInput, phaseListSchema, type Phase, type PhaseRowInput } from './phases.ts';
import { resolveThresholds, type ThresholdOverrides, type Thresholds } from './thresholds.ts';

export type DriftSeverity = 'On Track' | 'At Risk' | 'Blocked' | 'Pending';
export type PhaseState = 'finished' | 'running' | 'pending';
export type PhaseTiming = 'early' | 'on_time' | 'delayed' | 'in_progress' | 'not_started';
export type PredictionConfidence = 'High' | 'Medium' | 'Low';

/** The campaign fields drift reads (a `campaigns` row; other columns are ignored). */
export const driftCampaignSchema = z.object({
  id: z.string().nullish(),
  name: z.string().nullish(),
  objective: objectiveSchema.nullish(),
  industry: z.string().nullish(),
  planned_launch: z
    .string()
    .refine(isIsoDateOrTimestamp, { message: 'must be an ISO date (YYYY-MM-DD) or timestamp' })
    .nullish(),
});

/** Input of computeDrift: the campaign and its `campaign_phases` rows; `launch_phase` names a custom launch phase. */
export const driftInputSchema = z.object({
  campaign: driftCampaignSchema.nullish(),
  phases: phaseListSchema,
  launch_phase: z.string().trim().min(1).nullish(),
});

export type DriftCampaignInput = z.input<typeof driftCampaignSchema>;
export interface DriftInput {
  campaign?: DriftCampaignInput | null;
  phases: readonly PhaseRowInput[];
  launch_phase?: string | null;
}

export interface DriftOptions {
  /** The moment of evaluation (ISO date/timestamp or Date); never read from the clock inside the domain. */
  now: string | Date;
  /** Workspace overrides (or a resolved set) of DEFAULT_THRESHOLDS. */
  thresholds?: ThresholdOverrides | Thresholds | null;
  /** This workspace's past campaigns (see benchmarks.ts `pastCampaignSchema`) for delay predictions. */
  history?: readonly unknown[] | null;
}

export interface PhaseDrift {
  id: string | null;
  name: string;
  position: number;
  state: PhaseState;
  planned_start: string | null;
  planned_days: number;
  actual_start: string | null;
  actual_end: string | null;
  /** Finished: days taken. Running: days elapsed so far. Pending: null. */
  actual_days: number | null;
  /** actual − planned days; running phases: max(0, elapsed − planned) so far; pending: null. */
  drift_days: number | null;
  /** True for a running phase: its drift is an ongoing, lower-bound figure. */
  projected: boolean;
  /** drift ÷ planned days (0.4 = 40 % over plan); null when pending. */
  over_plan_ratio: number | null;
  /** Days the phase started after its planned start (negative: before); null when either is missing. */
  start_delay_days: number | null;
  timing: PhaseTiming;
  severity: DriftSeverity;
  severity_reason: string;
}

export interface LaunchDrift {
  /** The launch phase's name, or null when the campaign has none. */
  phase: string | null;
  planned_date: string | null;
  actual_date: string | null;
  /** When not launched yet: the earliest day launch can happen given the phases before it (never before plan). */
  projected_date: string | null;
  /** Actual (or projected) − planned launch day; null without a planned launch. */
  drift_days: number | null;
  projected: boolean;
}

export interface FirstPointOfFailure {
  phase: string;
  position: number;
  drift_days: number;
  severity: DriftSeverity;
  /** True when the delay pushed later phases (or holds them back); false when no delay propagated. */
  propagated: boolean;
  /** Later phases that started late because of it, or are waiting on it. */
  pushed_phases: string[];
  /** How many days later than planned the next phase started; null when it has not started. */
  pushed_days: number | null;
  reason: string;
}

export interface PhaseDelayPrediction {
  name: string;
  position: number;
  planned_days: number;
  /** Probability (0–1) that the phase runs past its planned days. */
  delay_probability: number;
  /** Probability × expected overrun when late, in days (1 decimal). */
  expected_delay_days: number;
  /** Expected overrun in days if it is late (1 decimal, ≥ 1). */
  expected_delay_days_if_late: number;
  history_count: number;
  basis: 'history' | 'history+benchmark' | 'benchmark';
  confidence: PredictionConfidence;
  rationale: string;
}

export interface DriftReport {
  as_of: string;
  phases: PhaseDrift[];
  launch: LaunchDrift;
  /** Sum of drift over finished and running phases (days; early phases count negative). */
  cumulative_drift_days: number;
  first_point_of_failure: FirstPointOfFailure | null;
  /** For each phase not started yet. */
  predictions: PhaseDelayPrediction[];
  /** Worst severity among started phases (Blocked > At Risk > On Track); Pending when none started. */
  overall_severity: DriftSeverity;
}

/** Severity of one phase's drift and the rule that decided it (precedence in this module's header). */
export function classifyDriftSeverity(
  phase: {
    state: PhaseState;
    drift_days: number | null;
    planned_days: number;
    elapsed_days?: number | null;
    progressed?: boolean;
  },
  thresholds: Thresholds['drift'] = resolveThresholds().drift,
): { severity: DriftSeverity; reason: string } {
  if (phase.state === 'pending' || phase.drift_days === null) return { severity: 'Pending', reason: 'Not started' };
  const drift = phase.drift_days;
  const elapsed = phase.elapsed_days ?? 0;
  if (phase.state === 'running' && !phase.progressed && elapsed > thresholds.blockedRunningPlanRatio * phase.planned_days) {
    return {
      severity: 'Blocked',
      reason: `Running ${elapsed} days, past ${Math.round(thresholds.blockedRunningPlanRatio * 100)} % of its ${phase.planned_days} planned days, with no progress recorded`,
    };
  }
  if (drift <= 0) return { severity: 'On Track', reason: drift < 0 ? `${-drift} days early` : 'On plan' };
  const ratio = drift / phase.planned_days;
  const pct = `${Math.round(ratio * 100)} % over plan`;
  if (drift >= thresholds.blockedMinDays) {
    return { severity: 'Blocked', reason: `${drift} days late (≥ ${thresholds.blockedMinDays}), ${pct}` };
  }
  if (drift <= thresholds.atRiskMaxDays) {
    return { severity: 'At Risk', reason: `${drift} day${drift === 1 ? '' : 's'} late (≤ ${thresholds.atRiskMaxDays}), ${pct}` };
  }
  if (ratio <= thresholds.atRiskMaxOverPlanRatio) {
    return { severity: 'At Risk', reason: `${drift} days late, ${pct} (≤ ${Math.round(thresholds.atRiskMaxOverPlanRatio * 100)} %)` };
  }
  return { severity: 'Blocked', reason: `${drift} days late, ${pct}` };
}

interface CurrentEvidence {
  /** Overrun ratios (drift ÷ planned) of this campaign's phases that ran late so far. */
  delayedRatios: number[];
  /** This campaign's phases finished on time or early. */
  onTimeCount: number;
}

/**
 * Predicted delay of an upcoming phase. Beta–binomial: prior P(late) from the built-in benchmark with weight
 * `priorStrength`, updated by this workspace's finished records of the same phase and objective (late = actual >
 * planned), and by this campaign's own phases so far with weight `currentCampaignWeight` each. The overrun when late
 * is the same weighted mean of overrun ratios (benchmark, history, this campaign) × planned days, at least 1 day.
 * Expected delay = P(late) × overrun when late.
 */
export function predictPhaseDelay(
  phase: { name: string; position?: number; planned_days: number },
  context: {
    objective?: Objective | null;
    industry?: string | null;
    history?: readonly PastCampaign[];
    current?: CurrentEvidence;
    thresholds?: Thresholds;
  } = {},
): PhaseDelayPrediction {
  if (!Number.isInteger(phase.planned_days) || phase.planned_days <= 0) {
    throw new DomainInputError(`Phase "${phase.name}": planned_days must be a whole number greater than 0`, 'planned_days');
  }
  const t = (context.thresholds ?? resolveThresholds()).prediction;
  const benchmark = getPhaseBenchmark(phase.name, { industry: context.industry, objective: context.objective });
  const records = phaseHistory(context.history ?? [], phase.name, context.objective);
  const late = records.filter((r) => r.actual_days > r.planned_days);
  const current = context.current ?? { delayedRatios: [], onTimeCount: 0 };
  const w = t.currentCampaignWeight;
  const n0 = t.priorStrength;

  const alpha = benchmark.delay_probability * n0 + late.length + w * current.delayedRatios.length;
  const beta = (1 - benchmark.delay_probability) * n0 + (records.length - late.length) + w * current.onTimeCount;
  const probability = alpha / (alpha + beta);

  const historyRatios = late.map((r) => (r.actual_days - r.planned_days) / r.planned_days);
  const ratioWeight = n0 + historyRatios.length + w * current.delayedRatios.length;
  const overrunRatio =
    (benchmark.overrun_ratio_when_late * n0 + sum(historyRatios) + w * sum(current.delayedRatios)) / ratioWeight;
  const ifLate = Math.max(1, overrunRatio * phase.planned_days);

  const n = records.length;
  const basis = n === 0 ? 'benchmark' : n >= t.historyBasisMinCount ? 'history' : 'history+benchmark';
  const confidence: PredictionConfidence =
    n >= t.highConfidenceMinHistory ? 'High' : n >= t.mediumConfidenceMinHistory ? 'Medium' : 'Low';
  const scope = context.objective ? `${context.objective} ` : '';
  const parts = [
    `benchmark prior ${Math.round(benchmark.delay_probability * 100)} % late (weight ${n0})`,
    n === 0 ? `no past ${scope}campaigns with a finished ${phase.name} phase` : `${late.length} of ${n} past ${scope}${phase.name} phases ran late`,
  ];
  const currentCount = current.delayedRatios.length + current.onTimeCount;
  if (currentCount > 0) {
    parts.push(`this campaign so far: ${current.delayedRatios.length} of ${currentCount} phases late (weight ${w} each)`);
  }
  return {
    name: phase.name,
    position: phase.position ?? 0,
    planned_days: phase.planned_days,
    delay_probability: round(probability, 2),
    expected_delay_days: round(probability * ifLate, 1),
    expected_delay_days_if_late: round(ifLate, 1),
    history_count: n,
    basis,
    confidence,
    rationale: `${parts.join('; ')}.`,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

interface Timed {
  phase: Phase;
  drift: PhaseDrift;
  startDay: number | null;
  endDay: number | null;
}

/**
 * Drift report of a campaign at `now`: per phase planned/actual days, drift, timing and severity; launch drift;
 * cumulative drift; the first point of failure; and predicted delay (probability, days) for phases not started.
 * Throws DomainInputError on bad input (negative or zero planned days, end before start, dates after `now`,
 * unknown `launch_phase`, duplicate phase names).
 */
export function computeDrift(input: DriftInput, options: DriftOptions): DriftReport {
  if (!options || options.now === undefined || options.now === null) {
    throw new DomainInputError('options.now is required (the moment of evaluation)', 'now');
  }
  const today = toDayNumber(options.now, 'now');
  const parsed = parseInput(driftInputSchema, input, 'input');
  const phases = normalizePhases(parsed.phases);
  const campaign = parsed.campaign ?? {};
  const thresholds = resolveThresholds(options.thresholds as ThresholdOverrides | null | undefined);
  const history = parseHistory(options.history);

  const timed: Timed[] = phases.map((phase) => {
    const startDay = phase.actual_start ? toDayNumber(phase.actual_start, `${phase.name}.actual_start`) : null;
    const endDay = phase.actual_end ? toDayNumber(phase.actual_end, `${phase.name}.actual_end`) : null;
    if (startDay !== null && startDay > today) {
      throw new DomainInputError(
        `Phase "${phase.name}": actual_start ${fromDayNumber(startDay)} is after now (${fromDayNumber(today)})`,
        'actual_start',
      );
    }
    if (endDay !== null && endDay > today) {
      throw new DomainInputError(
        `Phase "${phase.name}": actual_end ${fromDayNumber(endDay)} is after now (${fromDayNumber(today)})`,
        'actual_end',
      );
    }
    return { phase, startDay, endDay, drift: phaseDrift(phase, startDay, endDay, options.now, thresholds) };
  });

  const launchPhase = findLaunchPhase(phases, parsed.launch_phase);
  const launch = launchDrift(timed, launchPhase, campaign.planned_launch ?? null, today);
  const started = timed.filter((t) => t.drift.state !== 'pending');
  const cumulative = sum(started.map((t) => t.drift.drift_days ?? 0));

  const current: CurrentEvidence = {
    delayedRatios: started.filter((t) => (t.drift.drift_days ?? 0) > 0).map((t) => t.drift.over_plan_ratio ?? 0),
    onTimeCount: started.filter((t) => t.drift.state === 'finished' && (t.drift.drift_days ?? 0) <= 0).length,
  };
  const predictions = timed
    .filter((t) => t.drift.state === 'pending')
    .map((t) =>
      predictPhaseDelay(t.phase, {
        objective: campaign.objective ?? null,
        industry: campaign.industry ?? null,
        history,
        current,
        thresholds,
      }),
    );

  return {
    as_of: fromDayNumber(today),
    phases: timed.map((t) => t.drift),
    launch,
    cumulative_drift_days: cumulative,
    first_point_of_failure: firstPointOfFailure(timed),
    predictions,
    overall_severity: overallSeverity(timed.map((t) => t.drift.severity)),
  };
}

function phaseDrift(
  phase: Phase,
  startDay: number | null,
  endDay: number | null,
  now: string | Date,
  thresholds: Thresholds,
): PhaseDrift {
  const plannedStartDay = phase.planned_start ? toDayNumber(phase.planned_start, `${phase.name}.planned_start`) : null;
  const base = {
    id: phase.id ?? null,
    name: phase.name,
    position: phase.position,
    planned_start: plannedStartDay === null ? null : fromDayNumber(plannedStartDay),
    planned_days: phase.planned_days,
    actual_start: startDay === null ? null : fromDayNumber(startDay),
    actual_end: endDay === null ? null : fromDayNumber(endDay),
    start_delay_days: startDay !== null && plannedStartDay !== null ? startDay - plannedStartDay : null,
  };
  if (startDay === null) {
    return { ...base, state: 'pending', actual_days: null, drift_days: null, projected: false, over_plan_ratio: null, timing: 'not_started', severity: 'Pending', severity_reason: 'Not started' };
  }
  const finished = endDay !== null;
  const actualDays = finished
    ? elapsedDays(phase.actual_start!, phase.actual_end!, phase.name)
    : runningDays(phase.actual_start!, now);
  const drift = finished ? actualDays - phase.planned_days : Math.max(0, actualDays - phase.planned_days);
  const state: PhaseState = finished ? 'finished' : 'running';
  const timing: PhaseTiming = finished
    ? drift < 0 ? 'early' : drift === 0 ? 'on_time' : 'delayed'
    : drift > 0 ? 'delayed' : 'in_progress';
  const { severity, reason } = classifyDriftSeverity(
    {
      state,
      drift_days: drift,
      planned_days: phase.planned_days,
      elapsed_days: actualDays,
      progressed: phase.delivered_assets > 0 || phase.approvals_actual > 0,
    },
    thresholds.drift,
  );
  return {
    ...base,
    state,
    actual_days: actualDays,
    drift_days: drift,
    projected: !finished,
    over_plan_ratio: round(drift / phase.planned_days, 4),
    timing,
    severity,
    severity_reason: finished || drift > 0 || severity === 'Blocked' ? reason : `In progress, day ${actualDays} of ${phase.planned_days}`,
  };
}

/** Elapsed days of a running phase at `now`, rounded up (at least 1, also when `now` is earlier the same day). */
function runningDays(actualStart: string, now: string | Date): number {
  if (toInstant(now, 'end', 'now') <= toInstant(actualStart, 'start', 'actual_start')) return 1;
  return elapsedDays(actualStart, now, 'running phase');
}

/**
 * Launch drift: actual launch (start of the launch phase) − planned launch (campaign.planned_launch, else the launch
 * phase's planned_start). Before launch, the projection walks the phases before it: finished ones end when they
 * ended, a running one ends at its planned end or today if later, pending ones start the day after the previous
 * end (not before today or their planned start) and take their planned days; launch is the next day, not earlier
 * than planned.
 */
function launchDrift(timed: readonly Timed[], launchPhase: Phase | null, campaignLaunch: string | null, today: number): LaunchDrift {
  if (!launchPhase) {
    const planned = campaignLaunch ? fromDayNumber(toDayNumber(campaignLaunch, 'planned_launch')) : null;
    return { phase: null, planned_date: planned, actual_date: null, projected_date: null, drift_days: null, projected: false };
  }
  const plannedSource = campaignLaunch ?? launchPhase.planned_start;
  const plannedDay = plannedSource ? toDayNumber(plannedSource, 'planned_launch') : null;
  const launch = timed.find((t) => t.phase === launchPhase)!;
  if (launch.startDay !== null) {
    return {
      phase: launchPhase.name,
      planned_date: plannedDay === null ? null : fromDayNumber(plannedDay),
      actual_date: fromDayNumber(launch.startDay),
      projected_date: null,
      drift_days: plannedDay === null ? null : launch.startDay - plannedDay,
      projected: false,
    };
  }
  let cursor: number | null = null;
  for (const t of timed) {
    if (t.phase.position >= launchPhase.position) break;
    let end: number;
    if (t.endDay !== null) end = t.endDay;
    else if (t.startDay !== null) end = Math.max(t.startDay + t.phase.planned_days - 1, today);
    else {
      const plannedStart = t.phase.planned_start ? toDayNumber(t.phase.planned_start) : -Infinity;
      const start = Math.max(cursor === null ? today : cursor + 1, plannedStart, today);
      end = start + t.phase.planned_days - 1;
    }
    cursor = cursor === null ? end : Math.max(cursor, end);
  }
  const projectedDay = Math.max(cursor === null ? today : cursor + 1, today, plannedDay ?? -Infinity);
  return {
    phase: launchPhase.name,
    planned_date: plannedDay === null ? null : fromDayNumber(plannedDay),
    actual_date: null,
    projected_date: fromDayNumber(projectedDay),
    drift_days: plannedDay === null ? null : projectedDay - plannedDay,
    projected: true,
  };
}

/**
 * The earliest phase (by position) whose delay pushed the phases after it: a delayed phase (finished late, or
 * running past plan) whose next started phase began after this phase's planned end (and after its own planned
 * start), or whose later phases have not started yet. When no delay propagated, the earliest delayed phase is
 * returned with `propagated: false`; with no delayed phase, null.
 */
function firstPointOfFailure(timed: readonly Timed[]): FirstPointOfFailure | null {
  let firstDelayed: Timed | null = null;
  for (let i = 0; i < timed.length; i++) {
    const t = timed[i];
    if ((t.drift.drift_days ?? 0) <= 0 || t.startDay === null) continue;
    firstDelayed ??= t;
    const later = timed.slice(i + 1);
    if (later.length === 0) continue;
    const startedLater = later.filter((l) => l.startDay !== null);
    const base = { phase: t.phase.name, position: t.phase.position, drift_days: t.drift.drift_days!, severity: t.drift.severity };
    if (startedLater.length === 0) {
      return {
        ...base,
        propagated: true,
        pushed_phases: later.map((l) => l.phase.name),
        pushed_days: null,
        reason: `${t.phase.name} is ${t.drift.drift_days} day(s) late and the ${later.length} phase(s) after it have not started`,
      };
    }
    const next = startedLater[0];
    const plannedNextStart = next.phase.planned_start ? toDayNumber(next.phase.planned_start) : -Infinity;
    const expected = Math.max(t.startDay + t.phase.planned_days, plannedNextStart);
    if (next.startDay! > expected) {
      const pushed = later.filter((l) => l.startDay === null || l.startDay > expected).map((l) => l.phase.name);
      return {
        ...base,
        propagated: true,
        pushed_phases: pushed,
        pushed_days: next.startDay! - expected,
        reason: `${t.phase.name} ran ${t.drift.drift_days} day(s) over and ${next.phase.name} started ${next.startDay! - expected} day(s) later than planned`,
      };
    }
  }
  if (!firstDelayed) return null;
  return {
    phase: firstDelayed.phase.name,
    position: firstDelayed.phase.position,
    drift_days: firstDelayed.drift.drift_days!,
    severity: firstDelayed.drift.severity,
    propagated: false,
    pushed_phases: [],
    pushed_days: null,
    reason: `${firstDelayed.phase.name} ran ${firstDelayed.drift.drift_days} day(s) over without delaying the phases after it`,
  };
}

/** How bad a drift severity is: Pending 0 < On Track 1 < At Risk 2 < Blocked 3 (the overall severity is the worst). */
export const DRIFT_SEVERITY_RANK: Readonly<Record<DriftSeverity, number>> = { Pending: 0, 'On Track': 1, 'At Risk': 2, Blocked: 3 };

function overallSeverity(severities: readonly DriftSeverity[]): DriftSeverity {
  return severities.reduce<DriftSeverity>((worst, s) => (DRIFT_SEVERITY_RANK[s] > DRIFT_SEVERITY_RANK[worst] ? s : worst), 'Pending');
}
