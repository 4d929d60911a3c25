/**
 * Rule-based recommendations (docs/domain-rules.md, Recommendations): what to change in
 * a running campaign, or before the next one, each with a rationale that cites the numbers behind it.
 *
 * Rules (thresholds in thresholds.ts `recommendations`, hard constraints overridable per call):
 * - budget_reallocation: among active campaigns with enough data (spend on ≥ minDataDays of the last windowDays,
 *   ≥ minDailySpend a day) in the same currency, move daily budget from the lowest-ROAS campaign to the highest when
 *   the receiver's ROAS is ≥ (1 + minRoasGap) × the giver's; next lowest to next highest, and so on, each campaign in
 *   one pair. The step is the smallest of: maxShiftPct × the giver's daily spend, what the giver can give and keep
 *   minDailyBudgetShare of it, and maxIncreasePct × the receiver's daily spend; below minShiftAmount nothing is
 *   proposed. ROAS = revenue ÷ spend over the window. Score = gap × sample adequacy × trend stability.
 *   Keyed per ISO week, so one step a week at most, and a rollback is the opposite move.
 * - extend_phase: a running phase past its planned days (drift > 0): extend it to the days run so far plus the
 *   remaining work at the pace so far (assets and approvals), or extendUnknownProgressRatio × plan without progress.
 * - reduce_assets: a running phase whose delivered assets fall short of the pro-rata share due by now by more than
 *   assetsBehindTolerance: cut the scope to what the pace so far delivers by the planned end (≥ 1 more day).
 * - parallelize_approvals: a running phase, or a finished late one, with more approval cycles than planned.
 * - revert_change: an active alert whose suggested action is a revert not yet done, at ≥ minRevertConfidence.
 * - fix_tracking: a sales campaign (draft, planned or active) missing a Meta Pixel, website events or promo codes.
 * - shift_launch: a campaign not launched yet whose projected launch lands after its peak window opens.
 * Drift rules apply to draft, planned and active campaigns only: a completed campaign is history.
 * Every recommendation has a deterministic key (same input, same keys), so re-runs never duplicate.
 */
import { parseCorrelationData, parseSuggestedAction } from './correlation/alert-payload.ts';
import { fromDayNumber, round, toDayNumber } from './dates.ts';
import { computeDrift, type DriftReport, type PhaseDrift } from './drift.ts';
import { normalizePhases, phaseKey, type Phase, type PhaseRowInput } from './phases.ts';
import { resolveThresholds, type ThresholdOverrides, type Thresholds } from './thresholds.ts';

export type RecommendationKind =
  | 'budget_reallocation'
  | 'extend_phase'
  | 'reduce_assets'
  | 'parallelize_approvals'
  | 'revert_change'
  | 'fix_tracking'
  | 'shift_launch';

/** The campaign columns the rules read (a `campaigns` row; other columns are ignored). */
export interface RecommendationCampaign {
  id: string;
  name: string;
  objective: 'sales' | 'leads' | 'awareness' | string;
  status: string;
  industry?: string | null;
  currency?: string | null;
  budget?: number | string | null;
  planned_launch?: string | null;
  peak_start?: string | null;
  peak_end?: string | null;
  meta_pixel_id?: string | null;
  website_tracking?: boolean | null;
  promo_tracking?: boolean | null;
  /** Evidence beyond the flags: website events received, active promo codes. */
  tracking?: { website_events?: boolean; promo_codes?: boolean } | null;
}

/** One day of one campaign's performance (one data source). */
export interface RecommendationSnapshot {
  date: string;
  spend: number | string | null;
  revenue: number | string | null;
  roas?: number | string | null;
}

/** The `ai_alerts` columns the revert rule reads. */
export interface RecommendationAlert {
  id: string;
  finding_key: string;
  title: string;
  status: string;
  confidence: number | string;
  trigger_action_id?: string | null;
  revert_action_id?: string | null;
  /** jsonb, read through the one schema (correlation/alert-payload.ts). */
  suggested_action?: unknown;
  /** jsonb, read through the one schema (correlation/alert-payload.ts). */
  correlation_data?: unknown;
}

export interface RecommendationCampaignInput {
  campaign: RecommendationCampaign;
  phases: readonly PhaseRowInput[];
  /** The last windowDays of snapshots (older days are ignored). */
  snapshots?: readonly RecommendationSnapshot[];
  alerts?: readonly RecommendationAlert[];
  /** A drift report computed at the same `now`; computed here when absent. */
  drift?: DriftReport | null;
}

/** Hard constraints on budget moves (fractions 0–1, days); each falls back to thresholds.recommendations. */
export interface BudgetConstraints {
  min_daily_budget_share?: number;
  max_shift_pct?: number;
  max_increase_pct?: number;
  min_data_days?: number;
  min_roas_gap?: number;
}

export interface RecommendInput {
  campaigns: readonly RecommendationCampaignInput[];
  constraints?: BudgetConstraints | null;
  /** The moment of evaluation; never read from the clock inside the domain. */
  now: string | Date;
  thresholds?: ThresholdOverrides | Thresholds | null;
}

export interface RecommendationDraft {
  kind: RecommendationKind;
  /** The campaign it acts on (for a reallocation: the one giving budget). */
  campaign_id: string;
  title: string;
  rationale: string;
  payload: Record<string, unknown>;
  /** 0–1, three decimals. */
  score: number;
  /** Unique per workspace; the same finding always yields the same key. */
  recommendation_key: string;
}

const KIND_ORDER: readonly RecommendationKind[] = [
  'revert_change',
  'budget_reallocation',
  'shift_launch',
  'extend_phase',
  'reduce_assets',
  'parallelize_approvals',
  'fix_tracking',
];

const LIVE_STATUSES = new Set(['draft', 'planned', 'active']);

/**
 * Every recommendation the rules make for these campaigns at `now` (rules in this module's header), ordered by
 * kind, then score (highest first), then key. A campaign whose phases cannot be read gets no drift-based ones.
 */
export function recommend(input: RecommendInput): RecommendationDraft[] {
  const thresholds = resolveThresholds(input.thresholds as ThresholdOverrides | null | undefined);
  const t = thresholds.recommendations;
  const today = toDayNumber(input.now, 'now');
  const out: RecommendationDraft[] = [];

  out.push(...budgetReallocations(input.campaigns, resolveConstraints(t, input.constraints), t, today));
  for (const entry of input.campaigns) {
    const { campaign } = entry;
    out.push(...revertRecommendations(campaign, entry.alerts ?? [], t));
    if (!LIVE_STATUSES.has(campaign.status)) continue;
    const fix = trackingRecommendation(campaign);
    if (fix) out.push(fix);
    const plan = driftFor(entry, input.now, thresholds);
    if (!plan) continue;
    out.push(...phaseRecommendations(campaign, plan.phases, plan.report, t, thresholds));
    const shift = launchRecommendation(campaign, plan.report);
    if (shift) out.push(shift);
  }

  const rank = (k: RecommendationKind) => KIND_ORDER.indexOf(k);
  return out.sort(
    (a, b) => rank(a.kind) - rank(b.kind) || b.score - a.score || a.recommendation_key.localeCompare(b.recommendation_key),
  );
}

/** The effective hard constraints: the caller's where valid, else the thresholds. */
export function resolveConstraints(t: Thresholds['recommendations'], c?: BudgetConstraints | null) {
  const frac = (v: number | undefined, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1 ? v : fallback);
  const pos = (v: number | undefined, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback);
  return {
    min_daily_budget_share: frac(c?.min_daily_budget_share, t.minDailyBudgetShare),
    max_shift_pct: frac(c?.max_shift_pct, t.maxShiftPct),
    max_increase_pct: pos(c?.max_increase_pct, t.maxIncreasePct),
    min_data_days: Math.max(1, Math.round(pos(c?.min_data_days, t.minDataDays))),
    min_roas_gap: pos(c?.min_roas_gap, t.minRoasGap),
  };
}
export type ResolvedConstraints = ReturnType<typeof resolveConstraints>;

/** ISO 8601 week of a day number ("2026-W47"): the period a budget step belongs to. */
export function isoWeek(day: number): string {
  const weekday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday: Monday = 0.
  const thursday = day - weekday + 3;
  const year = new Date(thursday * 86_400_000).getUTCFullYear();
  const jan1 = Math.floor(Date.UTC(year, 0, 1) / 86_400_000);
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

// ── Budget reallocation ────────────────────────────────────────────────────────────────────────────────────────

export interface CampaignPerformance {
  campaign_id: string;
  name: string;
  currency: string;
  data_days: number;
  spend: number;
  revenue: number;
  /** Revenue ÷ spend over the window. */
  roas: number;
  /** Mean spend per day with data. */
  daily_spend: number;
  /** Coefficient of variation of the daily ROAS (0 = steady). */
  roas_cv: number;
}

const num = (v: unknown): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : 0;
};

/** Window performance of one campaign: days with spend in (today − windowDays, today], ROAS = revenue ÷ spend. */
export function campaignPerformance(
  campaign: RecommendationCampaign,
  snapshots: readonly RecommendationSnapshot[],
  today: number,
  windowDays: number,
): CampaignPerformance {
  const byDay = new Map<number, { spend: number; revenue: number }>();
  for (const s of snapshots) {
    const day = toDayNumber(s.date, 'snapshot.date');
    if (day > today || day <= today - windowDays) continue;
    const spend = num(s.spend);
    if (spend <= 0) continue;
    const prev = byDay.get(day) ?? { spend: 0, revenue: 0 };
    byDay.set(day, { spend: prev.spend + spend, revenue: prev.revenue + num(s.revenue) });
  }
  const days = [...byDay.values()];
  const spend = days.reduce((a, d) => a + d.spend, 0);
  const revenue = days.reduce((a, d) => a + d.revenue, 0);
  const daily = days.map((d) => d.revenue / d.spend);
  const mean = daily.length ? daily.reduce((a, b) => a + b, 0) / daily.length : 0;
  const sd = daily.length > 1 ? Math.sqrt(daily.reduce((a, r) => a + (r - mean) ** 2, 0) / (daily.length - 1)) : 0;
  return {
    campaign_id: campaign.id,
    name: campaign.name,
    currency: campaign.currency ?? 'USD',
    data_days: days.length,
    spend: round(spend, 2),
    revenue: round(revenue, 2),
    roas: spend > 0 ? round(revenue / spend, 2) : 0,
    daily_spend: days.length ? round(spend / days.length, 2) : 0,
    roas_cv: mean > 0 ? round(sd / mean, 3) : 1,
  };
}

function money(amount: number, currency: string): string {
  return `${currency} ${amount.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
}

function budgetReallocations(
  campaigns: readonly RecommendationCampaignInput[],
  c: ResolvedConstraints,
  t: Thresholds['recommendations'],
  today: number,
): RecommendationDraft[] {
  const eligible = campaigns
    .filter((e) => e.campaign.status === 'active')
    .map((e) => campaignPerformance(e.campaign, e.snapshots ?? [], today, t.windowDays))
    .filter((p) => p.data_days >= c.min_data_days && p.daily_spend >= t.minDailySpend);
  const byCurrency = new Map<string, CampaignPerformance[]>();
  for (const p of eligible) byCurrency.set(p.currency, [...(byCurrency.get(p.currency) ?? []), p]);

  const week = isoWeek(today);
  const out: RecommendationDraft[] = [];
  for (const [currency, list] of [...byCurrency.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    // Ascending ROAS; ties by id so the pairing never depends on input order.
    const sorted = [...list].sort((a, b) => a.roas - b.roas || a.campaign_id.localeCompare(b.campaign_id));
    for (let i = 0, j = sorted.length - 1; i < j; i++, j--) {
      const from = sorted[i];
      const to = sorted[j];
      if (to.roas < from.roas * (1 + c.min_roas_gap) || to.roas <= from.roas) break;
      const byStep = c.max_shift_pct * from.daily_spend;
      const byFloor = (1 - c.min_daily_budget_share) * from.daily_spend;
      const byReceiver = c.max_increase_pct * to.daily_spend;
      const limits = { max_shift_pct: byStep, min_daily_budget_share: byFloor, max_increase_pct: byReceiver };
      const binding = (Object.entries(limits) as [keyof typeof limits, number][]).sort((a, b) => a[1] - b[1])[0];
      const shift = Math.floor(binding[1]);
      if (shift < t.minShiftAmount) continue;

      const gap = (to.roas - from.roas) / to.roas;
      const adequacy = Math.min(1, Math.min(from.data_days, to.data_days) / t.windowDays);
      const stability = 1 / (1 + (from.roas_cv + to.roas_cv) / 2);
      const score = round(Math.min(1, gap) * adequacy * stability, 3);
      const revenueDelta = round(shift * (to.roas - from.roas), 2);
      const fromNew = round(from.daily_spend - shift, 2);
      const toNew = round(to.daily_spend + shift, 2);
      const constraintNote = {
        max_shift_pct: `the ${pct(c.max_shift_pct)} per-step cap`,
        min_daily_budget_share: `the floor of ${pct(c.min_daily_budget_share)} of its daily spend`,
        max_increase_pct: `the ${pct(c.max_increase_pct)} cap on ${to.name}'s increase`,
      }[binding[0]];
      out.push({
        kind: 'budget_reallocation',
        campaign_id: from.campaign_id,
        title: `Move ${money(shift, currency)}/day from ${from.name} to ${to.name}`.slice(0, 200),
        rationale:
          `Over the last ${t.windowDays} days ${to.name} returned ROAS ${to.roas} (${money(to.revenue, currency)} on ${money(to.spend, currency)}, ${to.data_days} days) ` +
          `against ${from.roas} for ${from.name} (${money(from.revenue, currency)} on ${money(from.spend, currency)}, ${from.data_days} days). ` +
          `Moving ${money(shift, currency)} of ${from.name}'s ${money(from.daily_spend, currency)} daily spend (${pct(shift / from.daily_spend)}) is limited by ${constraintNote}; ` +
          `${from.name} keeps ${money(fromNew, currency)}/day. If the returns hold, that is about ${money(revenueDelta, currency)} more revenue a day. ` +
          `Roll back by moving the same amount back.`,
        payload: {
          week,
          currency,
          shift_per_day: shift,
          shift_pct: round(shift / from.daily_spend, 4),
          binding_constraint: binding[0],
          expected_daily_revenue_delta: revenueDelta,
          window_days: t.windowDays,
          from: { campaign_id: from.campaign_id, name: from.name, roas: from.roas, daily_spend: from.daily_spend, new_daily_budget: fromNew, data_days: from.data_days },
          to: { campaign_id: to.campaign_id, name: to.name, roas: to.roas, daily_spend: to.daily_spend, new_daily_budget: toNew, data_days: to.data_days },
          constraints: c,
          score_factors: { roas_gap: round(gap, 3), sample_adequacy: round(adequacy, 3), trend_stability: round(stability, 3) },
          rollback: { from_campaign_id: to.campaign_id, to_campaign_id: from.campaign_id, shift_per_day: shift },
        },
        score,
        recommendation_key: `budget_reallocation:${week}:${from.campaign_id}>${to.campaign_id}`,
      });
    }
  }
  return out;
}

function pct(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

// ── Revert ─────────────────────────────────────────────────────────────────────────────────────────────────────

function revertRecommendations(
  campaign: RecommendationCampaign,
  alerts: readonly RecommendationAlert[],
  t: Thresholds['recommendations'],
): RecommendationDraft[] {
  const out: RecommendationDraft[] = [];
  for (const alert of alerts) {
    const confidence = num(alert.confidence);
    const suggested = parseSuggestedAction(alert.suggested_action);
    const data = parseCorrelationData(alert.correlation_data);
    if (alert.status !== 'active' || suggested?.type !== 'revert' || alert.revert_action_id) continue;
    if (data.impact === 'positive' || confidence < t.minRevertConfidence) continue;
    const target = suggested.target_action_id ?? alert.trigger_action_id ?? null;
    if (!target) continue;
    const action: { title?: string; action_type?: string; occurred_at?: string } = data.action ?? {};
    const metric = data.metric ?? 'the metric';
    const change = typeof data.change_pct === 'number' ? data.change_pct : null;
    const what = action.title ? `"${action.title}"` : 'the change';
    out.push({
      kind: 'revert_change',
      campaign_id: campaign.id,
      title: `Revert ${what} on ${campaign.name}`.slice(0, 200),
      rationale:
        `${alert.title}${change === null ? '' : ` (${metric} ${change > 0 ? '+' : ''}${round(change, 1)} % against its counterfactual)`}, ` +
        `confidence ${Math.round(confidence * 100)} %. Reverting restores the previous state as a new card; ` +
        `the alert resolves once ${metric} is back near its baseline. Roll back by re-applying the change.`,
      payload: {
        alert_id: alert.id,
        finding_key: alert.finding_key,
        target_action_id: target,
        action_type: action.action_type ?? null,
        metric,
        change_pct: change,
        confidence: round(confidence, 3),
        button_label: suggested.button_label ?? 'Revert this change',
      },
      score: round(Math.min(1, confidence), 3),
      recommendation_key: `revert_change:${campaign.id}:${alert.finding_key}`,
    });
  }
  return out;
}

// ── Tracking ───────────────────────────────────────────────────────────────────────────────────────────────────

function trackingRecommendation(campaign: RecommendationCampaign): RecommendationDraft | null {
  if (campaign.objective !== 'sales') return null;
  const pixel = Boolean(campaign.meta_pixel_id?.trim());
  const website = campaign.website_tracking === true || campaign.tracking?.website_events === true;
  const promo = campaign.promo_tracking === true || campaign.tracking?.promo_codes === true;
  const missing = [!pixel && 'meta_pixel', !website && 'website_events', !promo && 'promo_codes'].filter(Boolean) as string[];
  if (missing.length === 0) return null;
  const labels: Record<string, string> = { meta_pixel: 'a Meta Pixel', website_events: 'website event tracking', promo_codes: 'promo codes' };
  const none = missing.length === 3;
  const score = none ? 0.95 : !pixel ? 0.7 : 0.4;
  const consequence = none
    ? 'no sale can be attributed to it, so its ROAS, CPA and any correlation are blind'
    : !pixel
      ? 'Meta cannot attribute purchases to ads or optimise delivery for them'
      : 'sales through that channel go unattributed and revenue is understated';
  const list = missing.map((m) => labels[m]);
  return {
    kind: 'fix_tracking',
    campaign_id: campaign.id,
    title: `Add ${list.join(' and ')} to ${campaign.name}`.slice(0, 200),
    rationale:
      `${campaign.name} is a sales campaign (${campaign.status}) with ${3 - missing.length} of 3 conversion sources connected; ` +
      `without ${list.join(', ')}, ${consequence}.`,
    payload: { missing, has: { meta_pixel: pixel, website_events: website, promo_codes: promo } },
    score,
    recommendation_key: `fix_tracking:${campaign.id}:${missing.join('+')}`,
  };
}

// ── Drift-based: phases and launch ─────────────────────────────────────────────────────────────────────────────

function driftFor(
  entry: RecommendationCampaignInput,
  now: string | Date,
  thresholds: Thresholds,
): { phases: Phase[]; report: DriftReport } | null {
  if (entry.phases.length === 0) return null;
  try {
    const phases = normalizePhases(entry.phases);
    const report =
      entry.drift ??
      computeDrift(
        { campaign: { id: entry.campaign.id, name: entry.campaign.name, objective: objectiveOf(entry.campaign), industry: entry.campaign.industry ?? null, planned_launch: entry.campaign.planned_launch ?? null }, phases: entry.phases },
        { now, thresholds },
      );
    return { phases, report };
  } catch {
    // Unreadable phases (bad dates, duplicates): the drift rules have nothing sound to say about this campaign.
    return null;
  }
}

function objectiveOf(c: RecommendationCampaign): 'sales' | 'leads' | 'awareness' | null {
  return c.objective === 'sales' || c.objective === 'leads' || c.objective === 'awareness' ? c.objective : null;
}

function phaseRecommendations(
  campaign: RecommendationCampaign,
  phases: readonly Phase[],
  report: DriftReport,
  t: Thresholds['recommendations'],
  thresholds: Thresholds,
): RecommendationDraft[] {
  const out: RecommendationDraft[] = [];
  const severityScore = (d: PhaseDrift) => (d.severity === 'Blocked' ? 0.9 : d.severity === 'At Risk' ? 0.6 : 0.4);
  for (const drift of report.phases) {
    const phase = phases.find((p) => phaseKey(p.name) === phaseKey(drift.name));
    if (!phase) continue;
    const key = `${campaign.id}:${phaseKey(drift.name)}`;
    const elapsed = drift.actual_days ?? 0;
    const late = (drift.drift_days ?? 0) > 0;

    if (drift.state === 'running' && late) {
      const progress = progressOf(phase);
      let remaining: number;
      let basis: string;
      if (progress !== null && progress > 0 && progress < 1) {
        remaining = Math.ceil((elapsed * (1 - progress)) / progress);
        basis = `${pct(progress)} done after ${elapsed} days, so about ${remaining} more at that pace`;
      } else {
        remaining = Math.max(1, Math.ceil(t.extendUnknownProgressRatio * phase.planned_days));
        basis =
          progress === 1
            ? `its work is delivered but it is not closed; allow ${remaining} day(s) to close it`
            : `no measurable progress, so ${pct(t.extendUnknownProgressRatio)} of its plan (${remaining} day(s)) more`;
      }
      const proposed = elapsed + remaining;
      const downstream = report.phases.filter((p) => p.position > drift.position && p.state === 'pending').map((p) => p.name);
      out.push({
        kind: 'extend_phase',
        campaign_id: campaign.id,
        title: `Extend ${drift.name} on ${campaign.name} from ${phase.planned_days} to ${proposed} days`.slice(0, 200),
        rationale:
          `${drift.name} has run ${elapsed} days against ${phase.planned_days} planned (${drift.drift_days} over, ${drift.severity}); ${basis}. ` +
          `Re-planning it to ${proposed} days keeps the timeline honest` +
          (downstream.length ? ` and shows ${downstream.join(', ')} starting ${proposed - phase.planned_days} day(s) later.` : '.') +
          ` Roll back by restoring ${phase.planned_days} planned days.`,
        payload: {
          phase_id: phase.id ?? null,
          phase: drift.name,
          planned_days: phase.planned_days,
          elapsed_days: elapsed,
          drift_days: drift.drift_days,
          severity: drift.severity,
          progress: progress === null ? null : round(progress, 3),
          proposed_planned_days: proposed,
          downstream_phases: downstream,
          rollback: { planned_days: phase.planned_days },
        },
        score: severityScore(drift),
        recommendation_key: `extend_phase:${key}`,
      });
    }

    if (drift.state === 'running' && phase.required_assets > 0 && phase.delivered_assets < phase.required_assets) {
      const due = phase.required_assets * Math.min(1, elapsed / phase.planned_days);
      if (phase.delivered_assets < due * (1 - t.assetsBehindTolerance)) {
        const capacity = thresholds.feasibility.assetsPerTeamDay * Math.max(1, phase.teams.length);
        const measured = phase.delivered_assets / Math.max(1, elapsed);
        const pace = phase.delivered_assets > 0 ? measured : capacity;
        const daysLeft = Math.max(1, phase.planned_days - elapsed);
        const deliverable = Math.min(phase.required_assets - 1, phase.delivered_assets + Math.floor(pace * daysLeft));
        const target = Math.max(phase.delivered_assets, deliverable);
        const cut = phase.required_assets - target;
        if (cut > 0) {
          out.push({
            kind: 'reduce_assets',
            campaign_id: campaign.id,
            title: `Cut ${drift.name} on ${campaign.name} from ${phase.required_assets} to ${target} assets`.slice(0, 200),
            rationale:
              `${phase.delivered_assets} of ${phase.required_assets} assets delivered after ${elapsed} of ${phase.planned_days} planned days; ` +
              `about ${round(due, 1)} were due by now. ` +
              (phase.delivered_assets > 0
                ? `At ${round(measured, 2)} assets a day`
                : `At the team capacity of ${capacity} assets a day (${phase.teams.length || 1} team(s) × ${thresholds.feasibility.assetsPerTeamDay})`) +
              ` the next ${daysLeft} day(s) deliver ${target} in all. Keep the ${target} that carry the launch, drop ${cut}. Roll back by restoring ${phase.required_assets} required assets.`,
            payload: {
              phase_id: phase.id ?? null,
              phase: drift.name,
              required_assets: phase.required_assets,
              delivered_assets: phase.delivered_assets,
              due_by_now: round(due, 1),
              pace_per_day: round(pace, 2),
              days_left: daysLeft,
              proposed_required_assets: target,
              cut,
              rollback: { required_assets: phase.required_assets },
            },
            score: round(Math.min(1, 0.4 + 0.6 * (cut / phase.required_assets)), 3),
            recommendation_key: `reduce_assets:${key}`,
          });
        }
      }
    }

    const overApprovals = phase.approvals_planned > 0 && phase.approvals_actual > phase.approvals_planned;
    if (overApprovals && (drift.state === 'running' || (drift.state === 'finished' && late))) {
      const extra = phase.approvals_actual - phase.approvals_planned;
      const cycleDays = thresholds.feasibility.approvalCycleDays;
      const preventive = drift.state === 'finished';
      const laterWithApprovals = phases.filter((p) => p.position > phase.position && p.approvals_planned > 0 && !p.actual_start).map((p) => p.name);
      out.push({
        kind: 'parallelize_approvals',
        campaign_id: campaign.id,
        title: (preventive
          ? `Run ${drift.name} reviews in parallel next time (${campaign.name} needed ${phase.approvals_actual} rounds)`
          : `Parallelize the remaining ${drift.name} approvals on ${campaign.name}`
        ).slice(0, 200),
        rationale:
          `${drift.name} took ${phase.approvals_actual} approval rounds against ${phase.approvals_planned} planned (+${extra}) and ` +
          `${preventive ? `finished ${drift.drift_days} day(s) late` : `has run ${elapsed} of ${phase.planned_days} planned days`}. ` +
          `At about ${cycleDays} days a sequential round, reviewing in parallel (${phase.teams.length ? phase.teams.join(' and ') : 'all reviewers'} at once, one consolidated feedback list) saves up to ${extra * cycleDays} days` +
          (laterWithApprovals.length ? `; apply it to ${laterWithApprovals.join(', ')} too.` : preventive ? ' on the next campaign.' : '.'),
        payload: {
          phase_id: phase.id ?? null,
          phase: drift.name,
          approvals_planned: phase.approvals_planned,
          approvals_actual: phase.approvals_actual,
          extra_rounds: extra,
          cycle_days: cycleDays,
          days_at_stake: extra * cycleDays,
          drift_days: drift.drift_days,
          preventive,
          teams: phase.teams,
          apply_to_phases: laterWithApprovals,
        },
        score: round(Math.min(1, (preventive ? 0.35 : 0.5) + 0.15 * extra), 3),
        recommendation_key: `parallelize_approvals:${key}`,
      });
    }
  }
  return out;
}

/** Share of a phase's countable work done (assets and approvals, equally weighted); null when it has none. */
function progressOf(phase: Phase): number | null {
  const parts: number[] = [];
  if (phase.required_assets > 0) parts.push(Math.min(1, phase.delivered_assets / phase.required_assets));
  if (phase.approvals_planned > 0) parts.push(Math.min(1, phase.approvals_actual / phase.approvals_planned));
  return parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : null;
}

function launchRecommendation(campaign: RecommendationCampaign, report: DriftReport): RecommendationDraft | null {
  const launch = report.launch;
  if (!launch.projected || !launch.projected_date || !campaign.peak_start || !campaign.peak_end) return null;
  const projected = toDayNumber(launch.projected_date);
  const peakStart = toDayNumber(campaign.peak_start, 'peak_start');
  const peakEnd = toDayNumber(campaign.peak_end, 'peak_end');
  const plannedDay = launch.planned_date ? toDayNumber(launch.planned_date) : null;
  // Only a slip is news: a plan that launches mid-peak on purpose is the plan.
  if (projected <= peakStart || (plannedDay !== null && projected <= plannedDay)) return null;
  const peakDays = peakEnd - peakStart + 1;
  const missed = Math.min(peakDays, projected - Math.max(peakStart, plannedDay ?? peakStart));
  if (missed <= 0) return null;
  const entirely = projected > peakEnd;
  const pull = projected - Math.max(peakStart, plannedDay ?? peakStart);
  const cause = report.first_point_of_failure;
  const running = report.phases.filter((p) => p.state === 'running' && (p.drift_days ?? 0) > 0).map((p) => `${p.name} (+${p.drift_days} days)`);
  const why = running.length
    ? `because ${running.join(', ')} ${running.length === 1 ? 'is' : 'are'} running late`
    : cause
      ? `because ${cause.reason}`
      : 'at the current pace of the phases before it';
  return {
    kind: 'shift_launch',
    campaign_id: campaign.id,
    title: (entirely
      ? `Re-plan ${campaign.name}: projected launch ${launch.projected_date} is after its peak window`
      : `Pull ${campaign.name}'s launch forward ${pull} day(s) to keep its peak window`
    ).slice(0, 200),
    rationale:
      `Launch is projected for ${launch.projected_date}${launch.planned_date ? ` (planned ${launch.planned_date}, ${launch.drift_days} day(s) late)` : ''} ${why}. ` +
      `The peak window runs ${fromDayNumber(peakStart)} to ${fromDayNumber(peakEnd)} (${peakDays} days), so the campaign would miss ${missed} of them. ` +
      (entirely
        ? 'Move the launch and its budget to the next peak, or re-scope the campaign for off-peak demand.'
        : `Recover ${pull} day(s) before launch (parallel reviews, fewer assets, launch with the ready ad sets) or accept the shorter peak and move budget to its remaining days.`),
    payload: {
      planned_launch: launch.planned_date,
      projected_launch: launch.projected_date,
      launch_drift_days: launch.drift_days,
      peak_start: fromDayNumber(peakStart),
      peak_end: fromDayNumber(peakEnd),
      peak_days: peakDays,
      peak_days_missed: missed,
      misses_entirely: entirely,
      days_to_pull_forward: entirely ? null : pull,
      first_point_of_failure: cause?.phase ?? null,
    },
    score: entirely ? 1 : round(0.5 + 0.5 * (missed / peakDays), 3),
    recommendation_key: `shift_launch:${campaign.id}`,
  };
}
