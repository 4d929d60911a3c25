/**
 * Reference data for the rules: the built-in industry benchmarks (industry-benchmarks.ts, documented in
 * docs/benchmarks.md) and this workspace's history of past campaigns, in one shape both drift prediction and
 * feasibility read.
 */
import { z } from 'zod';
import { DomainInputError, elapsedDays, median, round } from './dates.ts';
import {
  BENCHMARK_VERSION,
  CUSTOM_PHASE_BENCHMARK,
  INDUSTRY_BENCHMARKS,
  OBJECTIVE_DAY_MULTIPLIERS,
  PHASE_BENCHMARKS,
} from './industry-benchmarks.ts';
import { parseInput, phaseKey } from './phases.ts';

export const objectiveSchema = z.enum(['sales', 'leads', 'awareness'], {
  error: 'objective must be one of sales, leads, awareness',
});
export type Objective = z.infer<typeof objectiveSchema>;

export interface IndustryMatch {
  key: string;
  label: string;
  /** False when the industry was empty or unknown and the general benchmark was used. */
  matched: boolean;
  regulated: boolean;
  /** Multiplier on thresholds.feasibility.approvalCycleDays. */
  approval_cycle_multiplier: number;
}

/** The benchmark industry for a free-text industry (aliases, case-insensitive); unknown → General, matched false. */
export function resolveIndustry(industry?: string | null): IndustryMatch {
  const key = industry ? industry.trim().toLowerCase() : '';
  for (const [id, data] of Object.entries(INDUSTRY_BENCHMARKS)) {
    if (key && (id === key || data.aliases.includes(key))) {
      return { key: id, label: data.label, matched: true, regulated: data.regulated, approval_cycle_multiplier: data.approval_cycle_multiplier };
    }
  }
  const general = INDUSTRY_BENCHMARKS.general;
  return { key: 'general', label: general.label, matched: false, regulated: false, approval_cycle_multiplier: general.approval_cycle_multiplier };
}

export interface PhaseBenchmark {
  phase: string;
  /** Typical days for this phase, industry and objective (whole days, ≥ 1); null for a custom phase. */
  benchmark_days: number | null;
  /** Prior probability (0–1) of running past plan. */
  delay_probability: number;
  /** Typical overrun, as a fraction of planned days, when late. */
  overrun_ratio_when_late: number;
  industry: string;
  custom: boolean;
  source: string;
}

/** The built-in benchmark of a phase for an industry and objective; custom phases get the neutral prior. */
export function getPhaseBenchmark(
  phaseName: string,
  context: { industry?: string | null; objective?: Objective | null } = {},
): PhaseBenchmark {
  const key = phaseKey(phaseName);
  const industry = resolveIndustry(context.industry);
  const data = INDUSTRY_BENCHMARKS[industry.key];
  const base = PHASE_BENCHMARKS[key];
  const shift = data.delay_probability_shift[key] ?? 0;
  const probability = Math.min(0.95, Math.max(0.05, (base ?? CUSTOM_PHASE_BENCHMARK).delay_probability + shift));
  if (!base) {
    return {
      phase: phaseName,
      benchmark_days: null,
      delay_probability: round(probability, 4),
      overrun_ratio_when_late: CUSTOM_PHASE_BENCHMARK.overrun_ratio_when_late,
      industry: industry.key,
      custom: true,
      source: `${CUSTOM_PHASE_BENCHMARK.basis} (benchmarks v${BENCHMARK_VERSION})`,
    };
  }
  const objectiveMultiplier = context.objective ? (OBJECTIVE_DAY_MULTIPLIERS[context.objective][key] ?? 1) : 1;
  const industryMultiplier = data.day_multipliers[key] ?? 1;
  return {
    phase: phaseName,
    benchmark_days: Math.max(1, Math.round(base.days * objectiveMultiplier * industryMultiplier)),
    delay_probability: round(probability, 4),
    overrun_ratio_when_late: base.overrun_ratio_when_late,
    industry: industry.key,
    custom: false,
    source: `${base.basis}; industry ${data.label}${industry.matched ? '' : ' (industry not recognised)'} (benchmarks v${BENCHMARK_VERSION})`,
  };
}

const nonNegativeInt = (label: string) =>
  z
    .number()
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .nullish()
    .transform((v) => v ?? 0);

/** One phase of a past campaign: plan and, if it finished, how long it actually took (inclusive days, ≥ 1). */
export const pastPhaseSchema = z.object({
  name: z.string().trim().min(1, 'Phase name is required'),
  planned_days: z.number().int('planned_days must be a whole number').positive('planned_days must be greater than 0'),
  actual_days: z
    .number()
    .int('actual_days must be a whole number')
    .min(1, 'actual_days must be at least 1 (a phase finished the day it started took 1 day)')
    .nullish()
    .transform((v) => v ?? null),
  required_assets: nonNegativeInt('required_assets'),
  delivered_assets: nonNegativeInt('delivered_assets'),
  approvals_planned: nonNegativeInt('approvals_planned'),
  approvals_actual: nonNegativeInt('approvals_actual'),
  teams: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
});

/** A past campaign of this workspace, as history for predictions and feasibility. */
export const pastCampaignSchema = z.object({
  id: z.string().min(1, 'id is required'),
  name: z.string().min(1, 'name is required'),
  objective: objectiveSchema,
  industry: z.string().nullish(),
  phases: z.array(pastPhaseSchema),
});
export const historySchema = z.array(pastCampaignSchema);

export type PastPhase = z.output<typeof pastPhaseSchema>;
export type PastCampaign = z.output<typeof pastCampaignSchema>;
export type PastCampaignInput = z.input<typeof pastCampaignSchema>;

/** Validates a history list (throws DomainInputError naming the bad record). */
export function parseHistory(history: unknown): PastCampaign[] {
  if (history == null) return [];
  return parseInput(historySchema, history, 'history');
}

/**
 * Builds a history record from database rows: actual_days is the elapsed time actual_start → actual_end rounded up
 * to whole days (dates.ts `elapsedDays`; same day = 1), null while a phase has not finished.
 */
export function pastCampaignFromRows(
  campaign: { id: string; name: string; objective: Objective; industry?: string | null },
  phases: readonly {
    name: string;
    position?: number | null;
    planned_days: number;
    actual_start?: string | null;
    actual_end?: string | null;
    required_assets?: number | null;
    delivered_assets?: number | null;
    approvals_planned?: number | null;
    approvals_actual?: number | null;
    teams?: string[] | null;
  }[],
): PastCampaign {
  return parseInput(
    pastCampaignSchema,
    {
      id: campaign.id,
      name: campaign.name,
      objective: campaign.objective,
      industry: campaign.industry ?? null,
      phases: phases.map((p) => ({
        name: p.name,
        planned_days: p.planned_days,
        actual_days: p.actual_start && p.actual_end ? elapsedDays(p.actual_start, p.actual_end, `${campaign.name} / ${p.name}`) : null,
        required_assets: p.required_assets,
        delivered_assets: p.delivered_assets,
        approvals_planned: p.approvals_planned,
        approvals_actual: p.approvals_actual,
        teams: p.teams,
      })),
    },
    `history campaign "${campaign.name}"`,
  );
}

/** A campaign row with its phases, as the history of the campaigns beside it. */
export interface HistoryCampaignRow {
  id: string;
  name: string;
  /** Checked by the history schema: a campaign with an unknown objective is skipped. */
  objective: string;
  industry?: string | null;
  status?: string | null;
  campaign_phases: Parameters<typeof pastCampaignFromRows>[1];
}

/**
 * A workspace's history as one campaign's rules see it: every other campaign that is not a draft, phases in order.
 * A record the rules cannot read is skipped, not fatal, so one malformed past campaign never blocks the current one.
 */
export function historyFromCampaigns(rows: readonly HistoryCampaignRow[], excludeCampaignId?: string | null): PastCampaign[] {
  const history: PastCampaign[] = [];
  for (const row of rows) {
    if (row.id === excludeCampaignId || row.status === 'draft') continue;
    try {
      const phases = [...row.campaign_phases].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
      history.push(pastCampaignFromRows({ ...row, objective: row.objective as Objective }, phases));
    } catch {
      // Skipped: see above.
    }
  }
  return history;
}

export interface PhaseHistoryRecord extends PastPhase {
  campaign_id: string;
  campaign_name: string;
  actual_days: number;
}

/** Finished records of one phase (matched by name, case-insensitive) in past campaigns, optionally of one objective. */
export function phaseHistory(
  history: readonly PastCampaign[],
  phaseName: string,
  objective?: Objective | null,
): PhaseHistoryRecord[] {
  const key = phaseKey(phaseName);
  const records: PhaseHistoryRecord[] = [];
  for (const campaign of history) {
    if (objective && campaign.objective !== objective) continue;
    for (const phase of campaign.phases) {
      if (phaseKey(phase.name) !== key || phase.actual_days === null) continue;
      records.push({ ...phase, actual_days: phase.actual_days, campaign_id: campaign.id, campaign_name: campaign.name });
    }
  }
  return records;
}

/** Median actual days of a phase's history records, or null. */
export function historyMedianDays(records: readonly { actual_days: number }[]): number | null {
  return median(records.map((r) => r.actual_days));
}

/** Total planned days of a campaign (sum over phases). */
export function totalPlannedDays(phases: readonly { planned_days: number }[]): number {
  return phases.reduce((sum, p) => sum + p.planned_days, 0);
}

/**
 * Past campaigns similar to a plan: same objective and total planned days within ±tolerance (0.2 = ±20 %) of the
 * plan's total. Ordered by closeness of the timeline, then name.
 */
export function findSimilarCampaigns(
  history: readonly PastCampaign[],
  plan: { objective: Objective; total_planned_days: number },
  tolerance: number,
): PastCampaign[] {
  if (plan.total_planned_days <= 0) throw new DomainInputError('total_planned_days must be greater than 0', 'phases');
  const low = plan.total_planned_days * (1 - tolerance);
  const high = plan.total_planned_days * (1 + tolerance);
  return history
    .filter((c) => c.objective === plan.objective && c.phases.length > 0)
    .map((c) => ({ campaign: c, total: totalPlannedDays(c.phases) }))
    .filter(({ total }) => total >= low - 1e-9 && total <= high + 1e-9)
    .sort(
      (a, b) =>
        Math.abs(a.total - plan.total_planned_days) - Math.abs(b.total - plan.total_planned_days) ||
        a.campaign.name.localeCompare(b.campaign.name),
    )
    .map(({ campaign }) => campaign);
}
