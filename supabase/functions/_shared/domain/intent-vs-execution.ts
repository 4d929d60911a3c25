/**
 * Intent vs execution (docs/domain-rules.md, Drift: intent vs execution): the planned blueprint against what happened —
 * phase durations, launch date, planned vs delivered assets, planned vs actual approval cycles — with the root delay
 * origin (drift's first point of failure) and, for each late phase, whether the delay was predictable from history
 * and benchmarks or anomalous.
 */
import { round } from './dates.ts';
import { parseHistory } from './benchmarks.ts';
import {
  computeDrift,
  predictPhaseDelay,
  type DriftInput,
  type DriftOptions,
  type DriftSeverity,
  type FirstPointOfFailure,
  type LaunchDrift,
  type PhaseState,
  type PhaseTiming,
} from './drift.ts';
import { normalizePhases } from './phases.ts';
import { resolveThresholds, type ThresholdOverrides } from './thresholds.ts';

export interface QuantityComparison {
  planned: number;
  actual: number;
  /** actual − planned (negative: fewer assets delivered / fewer approval cycles than planned). */
  difference: number;
  /** actual ÷ planned (2 decimals); null when nothing was planned. */
  rate: number | null;
}

export interface PhaseComparison {
  name: string;
  position: number;
  state: PhaseState;
  planned_days: number;
  actual_days: number | null;
  drift_days: number | null;
  timing: PhaseTiming;
  severity: DriftSeverity;
  assets: QuantityComparison;
  approvals: QuantityComparison;
  /** For a late phase: predictable when its prior delay probability was ≥ 50 %, else anomalous; null otherwise. */
  delay_expectation: 'predictable' | 'anomalous' | null;
  delay_probability_prior: number | null;
}

export interface IntentVsExecution {
  as_of: string;
  /** No late phase, launch not late, finished phases delivered every asset within their planned approvals. */
  ran_as_planned: boolean;
  phases: PhaseComparison[];
  launch: LaunchDrift;
  assets: QuantityComparison;
  approvals: QuantityComparison;
  cumulative_drift_days: number;
  root_delay_origin: FirstPointOfFailure | null;
  /** One sentence per deviation, in phase order. */
  deviations: string[];
}

function compare(planned: number, actual: number): QuantityComparison {
  return { planned, actual, difference: actual - planned, rate: planned > 0 ? round(actual / planned, 2) : null };
}

/**
 * Planned blueprint vs actual execution at `now`: per-phase durations, assets and approval cycles, launch date,
 * root delay origin and the list of deviations. Throws DomainInputError on invalid input (as computeDrift).
 */
export function compareIntentVsExecution(input: DriftInput, options: DriftOptions): IntentVsExecution {
  const drift = computeDrift(input, options);
  const phases = normalizePhases(input.phases);
  const thresholds = resolveThresholds(options.thresholds as ThresholdOverrides | null | undefined);
  const history = parseHistory(options.history);
  const campaign = input.campaign ?? {};

  const rows: PhaseComparison[] = drift.phases.map((d) => {
    const phase = phases.find((p) => p.position === d.position)!;
    const late = (d.drift_days ?? 0) > 0;
    const prior = late
      ? predictPhaseDelay(phase, { objective: campaign.objective ?? null, industry: campaign.industry ?? null, history, thresholds }).delay_probability
      : null;
    return {
      name: d.name,
      position: d.position,
      state: d.state,
      planned_days: d.planned_days,
      actual_days: d.actual_days,
      drift_days: d.drift_days,
      timing: d.timing,
      severity: d.severity,
      assets: compare(phase.required_assets, phase.delivered_assets),
      approvals: compare(phase.approvals_planned, phase.approvals_actual),
      delay_expectation: prior === null ? null : prior >= 0.5 ? 'predictable' : 'anomalous',
      delay_probability_prior: prior,
    };
  });

  const deviations: string[] = [];
  for (const row of rows) {
    if (row.drift_days !== null && row.drift_days > 0) {
      const verb = row.state === 'running' ? 'is running' : 'ran';
      deviations.push(`${row.name} ${verb} ${row.drift_days} day(s) over its ${row.planned_days}-day plan (${row.severity}).`);
    } else if (row.drift_days !== null && row.drift_days < 0) {
      deviations.push(`${row.name} finished ${-row.drift_days} day(s) early.`);
    }
    if (row.state === 'finished' && row.assets.difference < 0) {
      deviations.push(`${row.name} delivered ${row.assets.actual} of ${row.assets.planned} planned assets.`);
    }
    if (row.approvals.difference > 0) {
      deviations.push(`${row.name} needed ${row.approvals.actual} approval cycles against ${row.approvals.planned} planned.`);
    }
  }
  if (drift.launch.drift_days !== null && drift.launch.drift_days > 0) {
    deviations.push(
      drift.launch.projected
        ? `Launch is projected ${drift.launch.drift_days} day(s) after the planned ${drift.launch.planned_date}.`
        : `Launch happened ${drift.launch.drift_days} day(s) after the planned ${drift.launch.planned_date}.`,
    );
  } else if (drift.launch.drift_days !== null && drift.launch.drift_days < 0 && !drift.launch.projected) {
    deviations.push(`Launch happened ${-drift.launch.drift_days} day(s) before the planned ${drift.launch.planned_date}.`);
  }

  const ranAsPlanned =
    rows.every((r) => (r.drift_days ?? 0) <= 0) &&
    (drift.launch.drift_days ?? 0) <= 0 &&
    rows.every((r) => r.state !== 'finished' || (r.assets.difference >= 0 && r.approvals.difference <= 0));

  return {
    as_of: drift.as_of,
    ran_as_planned: ranAsPlanned,
    phases: rows,
    launch: drift.launch,
    assets: compare(
      rows.reduce((s, r) => s + r.assets.planned, 0),
      rows.reduce((s, r) => s + r.assets.actual, 0),
    ),
    approvals: compare(
      rows.reduce((s, r) => s + r.approvals.planned, 0),
      rows.reduce((s, r) => s + r.approvals.actual, 0),
    ),
    cumulative_drift_days: drift.cumulative_drift_days,
    root_delay_origin: drift.first_point_of_failure,
    deviations,
  };
}
