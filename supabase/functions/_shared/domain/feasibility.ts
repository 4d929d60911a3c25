/**
 * Feasibility (docs/domain-rules.md, Feasibility and the decision gate): before launch, score a plan 0–100 from four risk families, list the
 * risks with their evidence (no solutions), compare every phase with this workspace's history and the built-in
 * industry benchmarks, and propose the decision gate. Fix prescriptions only come from similar past campaigns.
 *
 * Rules (defaults from thresholds.ts `feasibility`, in brackets):
 * - Reference days of a phase: the median actual days of this workspace's finished campaigns with the same
 *   objective and phase when there are ≥ historyMinCount [3] of them; else the industry benchmark; else (custom
 *   phase) whatever history exists; else none. ratio = planned ÷ reference.
 * - Timeline compression: ratio < 0.9 low, < 0.75 medium, < 0.5 high. Also the schedule: phases before launch that
 *   need more days than lie between the first planned start and the planned launch (high), or that would at their
 *   reference durations (medium, noting the peak window when launch would land after its start).
 * - Asset overload: required assets ÷ (planned days × teams, at least 1 × capacity per team-day) — capacity from
 *   history's median throughput (≥ historyMinCount records) else assetsPerTeamDay [2]: > 1 medium, > 1.5 high.
 * - Approval bottlenecks: planned approvals × history's rework factor (Σ actual ÷ Σ planned approvals, when > 1) ×
 *   cycle days (approvalCycleDays [2] × industry multiplier) against the phase's planned days: > 1 medium, > 1.5
 *   high. A regulated industry without a Compliance phase: medium.
 * - Tracking dependencies: sales without an ads account (high), without any conversion source — pixel, website
 *   events, promo codes — (high), else without a pixel (medium), website events (low) or promo codes (low); leads
 *   without an ads account (medium) or pixel (low); awareness without an ads account (medium).
 * - Score = 100 − Σ per family min(familyPenaltyCap [40], Σ penalties: high 20, medium 10, low 4), clamped to 0–100.
 * - Gate: Pause below pauseBelowScore [50]; Proceed at ≥ proceedMinScore [75] with no high risk; Adjust otherwise.
 * - Prescriptions: only when similar campaigns exist (same objective, total planned days within ±20 %), each naming
 *   the campaigns and the figures it is drawn from.
 */
import { z } from 'zod';
import { DomainInputError, fromDayNumber, median, round, toDayNumber } from './dates.ts';
import {
  findSimilarCampaigns,
  getPhaseBenchmark,
  historyMedianDays,
  parseHistory,
  phaseHistory,
  resolveIndustry,
  totalPlannedDays,
  type IndustryMatch,
  type PastCampaign,
  type PhaseHistoryRecord,
} from './benchmarks.ts';
import { campaignRecordSchema, type CampaignRecord, type CampaignRecordInput } from './campaign-plan.ts';
import { findLaunchPhase, normalizePhases, parseInput, phaseKey, phaseListSchema, type Phase, type PhaseRowInput } from './phases.ts';
import { compareSeverity, type Severity } from './severity.ts';
import { resolveThresholds, type ThresholdOverrides, type Thresholds } from './thresholds.ts';

export type RiskFamily = 'timeline_compression' | 'asset_overload' | 'approval_bottleneck' | 'tracking_dependency';
/** A risk's severity, on the scale alerts use (severity.ts). */
export type RiskSeverity = Severity;
export type Decision = 'proceed' | 'adjust' | 'pause';
export type BenchmarkVerdict = 'compressed' | 'tight' | 'aligned' | 'generous' | 'no_reference';

export const RISK_FAMILIES: readonly RiskFamily[] = ['timeline_compression', 'asset_overload', 'approval_bottleneck', 'tracking_dependency'];

export interface Risk {
  family: RiskFamily;
  severity: RiskSeverity;
  title: string;
  evidence: string;
  phase?: string;
}

export interface BenchmarkComparison {
  phase: string;
  planned_days: number;
  /** Built-in industry benchmark (null for a custom phase). */
  benchmark_days: number | null;
  /** Median actual days in this workspace's finished campaigns of the same objective; null without history. */
  history_median_days: number | null;
  history_count: number;
  reference: 'history' | 'benchmark' | null;
  reference_days: number | null;
  /** planned ÷ reference days (2 decimals); null without a reference. */
  ratio: number | null;
  verdict: BenchmarkVerdict;
}

export interface SimilarCampaignRef {
  id: string;
  name: string;
  total_planned_days: number;
  /** Sum of actual days when every phase finished, else null. */
  total_actual_days: number | null;
}

export interface Prescription {
  family: RiskFamily;
  phase: string;
  title: string;
  detail: string;
  based_on: { id: string; name: string }[];
}

export interface FeasibilityReport {
  score: number;
  decision: Decision;
  decision_reason: string;
  risks: Risk[];
  /** Points each family took off the score (after its cap). */
  family_penalties: Record<RiskFamily, number>;
  benchmark_comparison: BenchmarkComparison[];
  similar_campaigns: SimilarCampaignRef[];
  prescriptions: Prescription[];
  prescriptions_note: string;
  total_planned_days: number;
  industry: Pick<IndustryMatch, 'key' | 'label' | 'matched' | 'regulated'>;
}

export const feasibilityInputSchema = z.object({
  campaign: campaignRecordSchema,
  phases: phaseListSchema,
  launch_phase: z.string().trim().min(1).nullish(),
});

export interface FeasibilityInput {
  campaign: CampaignRecordInput;
  phases: readonly PhaseRowInput[];
  launch_phase?: string | null;
}

export interface FeasibilityOptions {
  thresholds?: ThresholdOverrides | Thresholds | null;
  /** This workspace's past campaigns (benchmarks.ts `pastCampaignSchema`). */
  history?: readonly unknown[] | null;
}


/**
 * Feasibility of a plan: score 0–100, risks with evidence, per-phase benchmark comparison, decision gate, and
 * prescriptions drawn from similar past campaigns only. Throws DomainInputError on invalid input.
 */
export function assessFeasibility(input: FeasibilityInput, options: FeasibilityOptions = {}): FeasibilityReport {
  const parsed = parseInput(feasibilityInputSchema, input, 'input');
  const campaign = parsed.campaign;
  const phases = normalizePhases(parsed.phases);
  const thresholds = resolveThresholds(options.thresholds as ThresholdOverrides | null | undefined);
  const t = thresholds.feasibility;
  const history = parseHistory(options.history);
  const industry = resolveIndustry(campaign.industry);

  const comparison = phases.map((p) => comparePhase(p, campaign, history, t));
  const risks: Risk[] = [
    ...timelineRisks(phases, comparison, campaign, parsed.launch_phase ?? null, t),
    ...assetRisks(phases, campaign, history, t),
    ...approvalRisks(phases, campaign, history, industry, t),
    ...trackingRisks(campaign),
  ].sort((a, b) => compareSeverity(a.severity, b.severity) || RISK_FAMILIES.indexOf(a.family) - RISK_FAMILIES.indexOf(b.family));

  const familyPenalties = Object.fromEntries(
    RISK_FAMILIES.map((family) => {
      const raw = risks
        .filter((r) => r.family === family)
        .reduce((sum, r) => sum + (r.severity === 'high' ? t.penaltyHigh : r.severity === 'medium' ? t.penaltyMedium : t.penaltyLow), 0);
      return [family, Math.min(t.familyPenaltyCap, raw)];
    }),
  ) as Record<RiskFamily, number>;
  const score = Math.max(0, Math.min(100, Math.round(100 - Object.values(familyPenalties).reduce((a, b) => a + b, 0))));
  const highCount = risks.filter((r) => r.severity === 'high').length;
  const { decision, reason } = decide(score, highCount, t);

  const total = totalPlannedDays(phases);
  const similar = campaign.objective ? findSimilarCampaigns(history, { objective: campaign.objective, total_planned_days: total }, t.similarTimelineTolerance) : [];
  const prescriptions = similar.length > 0 ? prescribe(phases, risks, similar, industry, t) : [];
  const tolerancePct = Math.round(t.similarTimelineTolerance * 100);

  return {
    score,
    decision,
    decision_reason: reason,
    risks,
    family_penalties: familyPenalties,
    benchmark_comparison: comparison,
    similar_campaigns: similar.map((c) => ({
      id: c.id,
      name: c.name,
      total_planned_days: totalPlannedDays(c.phases),
      total_actual_days: c.phases.every((p) => p.actual_days !== null) ? c.phases.reduce((s, p) => s + (p.actual_days ?? 0), 0) : null,
    })),
    prescriptions,
    prescriptions_note:
      similar.length === 0
        ? `No similar past campaigns (same objective, total timeline within ±${tolerancePct} % of ${total} days): no fix prescriptions.`
        : `Drawn from ${similar.length} similar past campaign(s): ${similar.map((c) => c.name).join(', ')}.`,
    total_planned_days: total,
    industry: { key: industry.key, label: industry.label, matched: industry.matched, regulated: industry.regulated },
  };
}

/**
 * Where a score (0–100) alone falls on the gate: 'proceed' from proceedMinScore [75], 'pause' below pauseBelowScore
 * [50], 'adjust' between. The score's colour; `decide` adds the high-risk rule.
 */
export function scoreBand(score: number, t: Thresholds['feasibility'] = resolveThresholds().feasibility): Decision {
  if (score < t.pauseBelowScore) return 'pause';
  return score >= t.proceedMinScore ? 'proceed' : 'adjust';
}

/** The decision gate from a score and the number of high-severity risks (thresholds in this module's header). */
export function decide(score: number, highRisks: number, t: Thresholds['feasibility'] = resolveThresholds().feasibility): { decision: Decision; reason: string } {
  if (!Number.isFinite(score) || score < 0 || score > 100) throw new DomainInputError(`score must be between 0 and 100, got ${score}`, 'score');
  const band = scoreBand(score, t);
  if (band === 'pause') return { decision: 'pause', reason: `Score ${score} is below ${t.pauseBelowScore}: the plan is not feasible as it stands.` };
  if (band === 'proceed' && highRisks === 0) return { decision: 'proceed', reason: `Score ${score} (≥ ${t.proceedMinScore}) with no high-severity risk.` };
  return {
    decision: 'adjust',
    reason:
      highRisks > 0
        ? `${highRisks} high-severity risk(s) to resolve before launch (score ${score}).`
        : `Score ${score} is under ${t.proceedMinScore}: adjust the plan before launch.`,
  };
}

function comparePhase(phase: Phase, campaign: CampaignRecord, history: readonly PastCampaign[], t: Thresholds['feasibility']): BenchmarkComparison {
  const benchmark = getPhaseBenchmark(phase.name, { industry: campaign.industry, objective: campaign.objective });
  const records = phaseHistory(history, phase.name, campaign.objective);
  const historyMedian = historyMedianDays(records);
  let reference: BenchmarkComparison['reference'] = null;
  let referenceDays: number | null = null;
  if (records.length >= t.historyMinCount && historyMedian !== null) {
    reference = 'history';
    referenceDays = historyMedian;
  } else if (benchmark.benchmark_days !== null) {
    reference = 'benchmark';
    referenceDays = benchmark.benchmark_days;
  } else if (historyMedian !== null) {
    reference = 'history';
    referenceDays = historyMedian;
  }
  const ratio = referenceDays === null ? null : round(phase.planned_days / referenceDays, 2);
  const verdict: BenchmarkVerdict =
    ratio === null
      ? 'no_reference'
      : ratio < t.compressionMediumRatio
        ? 'compressed'
        : ratio < t.compressionLowRatio
          ? 'tight'
          : ratio > t.generousRatio
            ? 'generous'
            : 'aligned';
  return {
    phase: phase.name,
    planned_days: phase.planned_days,
    benchmark_days: benchmark.benchmark_days,
    history_median_days: historyMedian,
    history_count: records.length,
    reference,
    reference_days: referenceDays,
    ratio,
    verdict,
  };
}

function timelineRisks(
  phases: readonly Phase[],
  comparison: readonly BenchmarkComparison[],
  campaign: CampaignRecord,
  launchPhaseName: string | null,
  t: Thresholds['feasibility'],
): Risk[] {
  const risks: Risk[] = [];
  for (const row of comparison) {
    if (row.ratio === null || row.ratio >= t.compressionLowRatio) continue;
    const severity: RiskSeverity = row.ratio < t.compressionHighRatio ? 'high' : row.ratio < t.compressionMediumRatio ? 'medium' : 'low';
    const parts = [`${row.phase} is planned for ${row.planned_days} day(s)`];
    if (row.benchmark_days !== null) parts.push(`the industry benchmark is ${row.benchmark_days}`);
    if (row.history_median_days !== null) {
      parts.push(`past ${campaign.objective} campaigns took a median ${row.history_median_days} (${row.history_count} campaign(s))`);
    }
    risks.push({
      family: 'timeline_compression',
      severity,
      phase: row.phase,
      title: `${row.phase} is compressed`,
      evidence: `${parts.join('; ')}: ${row.ratio}× the ${row.reference} reference of ${row.reference_days} days.`,
    });
  }

  const launch = findLaunchPhase(phases, launchPhaseName);
  const plannedLaunch = campaign.planned_launch ?? launch?.planned_start ?? null;
  const first = phases[0];
  if (launch && plannedLaunch && first.planned_start && launch.position > first.position) {
    const startDay = toDayNumber(first.planned_start, `${first.name}.planned_start`);
    const launchDay = toDayNumber(plannedLaunch, 'planned_launch');
    const available = launchDay - startDay;
    const before = phases.filter((p) => p.position < launch.position);
    const plannedNeed = totalPlannedDays(before);
    const referenceNeed = before.reduce((sum, p) => sum + (comparison.find((c) => c.phase === p.name)?.reference_days ?? p.planned_days), 0);
    if (available < plannedNeed) {
      risks.push({
        family: 'timeline_compression',
        severity: 'high',
        title: 'The plan does not fit before launch',
        evidence: `The ${before.length} phase(s) before ${launch.name} are planned for ${plannedNeed} days, but only ${Math.max(0, available)} days lie between ${fromDayNumber(startDay)} and the planned launch on ${fromDayNumber(launchDay)}.`,
      });
    } else if (available < referenceNeed) {
      const landing = startDay + Math.ceil(referenceNeed);
      const peak = campaign.peak_start ? toDayNumber(campaign.peak_start, 'peak_start') : null;
      const peakNote = peak !== null && landing > peak ? `, after the peak window opens on ${fromDayNumber(peak)}` : '';
      risks.push({
        family: 'timeline_compression',
        severity: 'medium',
        title: 'No slack before launch at typical durations',
        evidence: `At reference durations the phases before ${launch.name} take ${round(referenceNeed, 1)} days, so launch would land on ${fromDayNumber(landing)} instead of ${fromDayNumber(launchDay)}${peakNote}.`,
      });
    }
  }
  return risks;
}

function assetRisks(phases: readonly Phase[], campaign: CampaignRecord, history: readonly PastCampaign[], t: Thresholds['feasibility']): Risk[] {
  const risks: Risk[] = [];
  for (const phase of phases) {
    if (phase.required_assets <= 0) continue;
    const teams = Math.max(1, phase.teams.length);
    const throughput = observedThroughput(phaseHistory(history, phase.name, campaign.objective));
    const useHistory = throughput.count >= t.historyMinCount && throughput.perTeamDay !== null;
    const perTeamDay = useHistory ? throughput.perTeamDay! : t.assetsPerTeamDay;
    const capacity = perTeamDay * phase.planned_days * teams;
    const load = phase.required_assets / capacity;
    if (load <= 1) continue;
    const teamNote = phase.teams.length === 0 ? 'no team assigned (counted as 1)' : `${teams} team(s)`;
    const source = useHistory
      ? `this workspace's median throughput of ${round(perTeamDay, 2)} assets per team-day (${throughput.count} past phases)`
      : `an assumed capacity of ${perTeamDay} assets per team-day`;
    risks.push({
      family: 'asset_overload',
      severity: load > t.overloadHighRatio ? 'high' : 'medium',
      phase: phase.name,
      title: `${phase.name} has more assets than its team can deliver`,
      evidence: `${phase.required_assets} assets in ${phase.planned_days} day(s) with ${teamNote} is ${round(phase.required_assets / (phase.planned_days * teams), 2)} per team-day against ${source}: ${round(load, 2)}× capacity (${Math.floor(capacity)} assets).`,
    });
  }
  return risks;
}

function observedThroughput(records: readonly PhaseHistoryRecord[]): { perTeamDay: number | null; count: number } {
  const rates = records
    .filter((r) => r.delivered_assets > 0)
    .map((r) => r.delivered_assets / (r.actual_days * Math.max(1, r.teams.length)));
  return { perTeamDay: median(rates), count: rates.length };
}

function reworkFactor(records: readonly PhaseHistoryRecord[]): { factor: number; count: number } {
  const withApprovals = records.filter((r) => r.approvals_planned > 0);
  const planned = withApprovals.reduce((s, r) => s + r.approvals_planned, 0);
  const actual = withApprovals.reduce((s, r) => s + r.approvals_actual, 0);
  if (planned === 0 || actual <= planned) return { factor: 1, count: withApprovals.length };
  return { factor: actual / planned, count: withApprovals.length };
}

function approvalRisks(
  phases: readonly Phase[],
  campaign: CampaignRecord,
  history: readonly PastCampaign[],
  industry: IndustryMatch,
  t: Thresholds['feasibility'],
): Risk[] {
  const risks: Risk[] = [];
  const cycleDays = t.approvalCycleDays * industry.approval_cycle_multiplier;
  for (const phase of phases) {
    if (phase.approvals_planned <= 0) continue;
    const rework = reworkFactor(phaseHistory(history, phase.name, campaign.objective));
    const cycles = phase.approvals_planned * rework.factor;
    const needed = cycles * cycleDays;
    const ratio = needed / phase.planned_days;
    if (ratio <= 1) continue;
    const reworkNote =
      rework.factor > 1
        ? `; past ${campaign.objective} campaigns needed ${round(rework.factor, 2)}× their planned approvals (${rework.count} phase(s)), so expect ${round(cycles, 1)} cycles`
        : '';
    risks.push({
      family: 'approval_bottleneck',
      severity: ratio > t.approvalHighRatio ? 'high' : 'medium',
      phase: phase.name,
      title: `${phase.name} approvals cannot fit its window`,
      evidence: `${phase.approvals_planned} approval cycle(s) planned${reworkNote}, at ${round(cycleDays, 1)} days per cycle (${industry.label}) that is ${round(needed, 1)} days in a ${phase.planned_days}-day window (${round(ratio, 2)}×).`,
    });
  }
  if (industry.regulated && !phases.some((p) => phaseKey(p.name) === 'compliance')) {
    risks.push({
      family: 'approval_bottleneck',
      severity: 'medium',
      title: 'No compliance phase in a regulated industry',
      evidence: `${industry.label} ads need legal or policy sign-off, but the plan has no Compliance phase to hold the approval cycles.`,
    });
  }
  return risks;
}

function trackingRisks(campaign: CampaignRecord): Risk[] {
  const risks: Risk[] = [];
  const hasAds = Boolean(campaign.ads_account_id?.trim());
  const hasPixel = Boolean(campaign.meta_pixel_id?.trim());
  const website = campaign.tracking?.website_events === true;
  const promo = campaign.tracking?.promo_codes === true;
  const add = (severity: RiskSeverity, title: string, evidence: string) => risks.push({ family: 'tracking_dependency', severity, title, evidence });
  if (campaign.objective === 'sales') {
    if (!hasAds) add('high', 'No Meta ads account', 'A sales campaign without an ads account ID: spend, ROAS and CPA cannot be pulled from Meta.');
    if (!hasPixel && !website && !promo) {
      add('high', 'No conversion source', 'A sales campaign with no Meta Pixel, no website event tracking and no promo codes: no sale can be attributed to it.');
    } else {
      if (!hasPixel) add('medium', 'No Meta Pixel', 'Without a Meta Pixel, Meta cannot attribute purchases to ads or optimise delivery for them.');
      if (!website) add('low', 'No website event tracking', 'Purchases on the website are not captured by the tracker snippet; revenue relies on the other sources.');
      if (!promo) add('low', 'No promo codes', 'No campaign promo codes: offline or cross-device sales cannot be attributed directly.');
    }
  } else if (campaign.objective === 'leads') {
    if (!hasAds) add('medium', 'No Meta ads account', 'A lead campaign without an ads account ID: leads and CPA cannot be pulled from Meta.');
    if (!hasPixel && !website) add('low', 'No website lead tracking', 'Neither a Meta Pixel nor website events: leads captured off Meta are invisible.');
  } else if (!hasAds) {
    add('medium', 'No Meta ads account', 'An awareness campaign without an ads account ID: reach and engagement cannot be pulled from Meta.');
  }
  return risks;
}

function prescribe(
  phases: readonly Phase[],
  risks: readonly Risk[],
  similar: readonly PastCampaign[],
  industry: IndustryMatch,
  t: Thresholds['feasibility'],
): Prescription[] {
  const prescriptions: Prescription[] = [];
  const cycleDays = t.approvalCycleDays * industry.approval_cycle_multiplier;
  for (const phase of phases) {
    const records = phaseHistory(similar, phase.name);
    if (records.length === 0) continue;
    const basedOn = (rs: readonly PhaseHistoryRecord[]) => rs.map((r) => ({ id: r.campaign_id, name: r.campaign_name }));
    const list = (rs: readonly PhaseHistoryRecord[], f: (r: PhaseHistoryRecord) => string) => rs.map((r) => `${r.campaign_name} (${f(r)})`).join(', ');

    const medianDays = median(records.map((r) => r.actual_days))!;
    if (medianDays > phase.planned_days) {
      const target = Math.ceil(medianDays);
      prescriptions.push({
        family: 'timeline_compression',
        phase: phase.name,
        title: `Extend ${phase.name} from ${phase.planned_days} to ${target} days`,
        detail: `Similar campaigns took a median ${medianDays} days for ${phase.name}: ${list(records, (r) => `${r.actual_days} d, planned ${r.planned_days}`)}.`,
        based_on: basedOn(records),
      });
    }

    if (risks.some((r) => r.family === 'asset_overload' && r.phase === phase.name)) {
      const delivered = records.filter((r) => r.delivered_assets > 0);
      const rate = median(delivered.map((r) => r.delivered_assets / (r.actual_days * Math.max(1, r.teams.length))));
      if (rate !== null && rate > 0) {
        const teams = Math.max(1, phase.teams.length);
        const feasible = Math.floor(rate * phase.planned_days * teams);
        const daysNeeded = Math.ceil(phase.required_assets / (rate * teams));
        prescriptions.push({
          family: 'asset_overload',
          phase: phase.name,
          title: `Cut ${phase.name} to ${feasible} assets, or plan ${daysNeeded} days`,
          detail: `Similar campaigns delivered a median ${round(rate, 2)} assets per team-day: ${list(delivered, (r) => `${r.delivered_assets} assets in ${r.actual_days} d, ${Math.max(1, r.teams.length)} team(s)`)}.`,
          based_on: basedOn(delivered),
        });
      }
    }

    if (risks.some((r) => r.family === 'approval_bottleneck' && r.phase === phase.name)) {
      const approved = records.filter((r) => r.approvals_actual > 0);
      const cycles = median(approved.map((r) => r.approvals_actual));
      if (cycles !== null) {
        const daysNeeded = Math.ceil(cycles * cycleDays);
        prescriptions.push({
          family: 'approval_bottleneck',
          phase: phase.name,
          title:
            daysNeeded > phase.planned_days
              ? `Give ${phase.name} ${daysNeeded} days for ${Math.ceil(cycles)} approval cycle(s), or run reviews in parallel`
              : `Plan ${Math.ceil(cycles)} approval cycle(s) in ${phase.name}, as similar campaigns needed`,
          detail: `Similar campaigns went through a median ${cycles} approval cycle(s) in ${phase.name}: ${list(approved, (r) => `${r.approvals_actual} of ${r.approvals_planned} planned`)}.`,
          based_on: basedOn(approved),
        });
      }
    }
  }
  return prescriptions;
}
