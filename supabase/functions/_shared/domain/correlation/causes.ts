/**
 * Which change caused a shift, if any. Findings from detection are grouped into shifts (moves whose onsets lie within
 * two days of each other); for each shift the pooled outcome series (sales, revenue, conversions) is fitted with a
 * step at every candidate onset, and every nearby action competes on the evidence:
 *
 *   - onset: how well a step starting 0–36 h after the action fits, against the best step at any instant
 *     (a shift that began before the action makes every later action a worse fit than "it was already happening");
 *   - fit to the action type: a budget change moves spend, a creative or copy change moves click-through, …;
 *   - the workspace's prior for that action type and metric (lowered by "wrong cause" / "noise" dismissals).
 *
 * The most likely action keeps the shift (one alert per shift); the others are listed as alternatives; the
 * confidence is the calibrated product of the signal, the winner's share, a placebo check and persistence.
 */
import { calibrateConfidence } from './calibration.ts';
import { classifyStrength } from './confidence.ts';
import { dayShareAfter, pooledLogSeries, type StepFit, type StepModel, stepModel } from './step-model.ts';
import { type DailySeries, dayDate, metricSeries, MS_PER_DAY, MS_PER_HOUR, type TimedAction, timedActions } from './timeline.ts';
import type { Thresholds } from '../thresholds.ts';
import { type CampaignInput, type CausePrior, type CorrelationFinding, type Metric } from './types.ts';
import { findingKey } from './detect.ts';
import { round } from './stats.ts';

type CorrelationThresholds = Thresholds['correlation'];

const OUTCOME: Metric[] = ['sales', 'revenue', 'conversions'];
/** Prior odds of "no action caused it" against one action explaining the shift. */
const NO_CAUSE_PRIOR = 0.12;
/** An action's effect may start up to this long after it. */
const MAX_LAG_HOURS = 36;
/**
 * Cards are logged by hand, often a few hours after the change went live: an onset up to this long before the card's
 * time still counts, with a penalty growing with the gap (log-prior −½(h / EARLY_SCALE_HOURS)²).
 */
const EARLY_ONSET_HOURS = 9;
const EARLY_SCALE_HOURS = 4;
/** Daily noise below this (log scale) is not believed: a suspiciously flat pre-period must not make hours decisive. */
const SIGMA_FLOOR = 0.05;

/** The best step whose onset is plausible for an action at `at`, with its timing penalty (log scale). */
function bestNear(model: StepModel, at: number): { fit: StepFit; penalty: number } | null {
  const onsets: number[] = [];
  const penalties: number[] = [];
  for (let h = -EARLY_ONSET_HOURS; h <= MAX_LAG_HOURS; h += 1) {
    onsets.push(at + h * MS_PER_HOUR);
    penalties.push(h < 0 ? 0.5 * (h / EARLY_SCALE_HOURS) ** 2 : 0);
  }
  const best = model.bestOf(onsets, 2 * Math.max(model.sigma2, SIGMA_FLOOR ** 2), penalties);
  return best ? { fit: best.fit, penalty: penalties[best.index] } : null;
}

/** Placebo: the same test this many days before the action, on pre-action data only. */
const PLACEBO_DAYS_BEFORE = 7;

export interface ShiftReview {
  findings: CorrelationFinding[];
}

/** Weekday name of an instant (UTC), for sentences like "since Tuesday". */
function weekdayName(ms: number): string {
  return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][new Date(ms).getUTCDay()];
}

function label(actionType: string): string {
  return actionType.replace(/[_-]+/g, ' ').trim().toLowerCase();
}

function metricWord(metric: Metric): string {
  return metric === 'roas' ? 'ROAS' : metric === 'cpa' ? 'CPA' : metric;
}

/** Budget before/after from the card's metadata, when both are numbers (or "$650"-like strings). */
function budgetChange(action: TimedAction): number | null {
  const meta = action.action.metadata as Record<string, unknown>;
  const before = budgetIn(meta.previous_state);
  const after = budgetIn(meta.new_state);
  return before !== null && after !== null ? after / before - 1 : null;
}

/** daily_budget (or budget) of a metadata state, when a positive number. */
function budgetIn(state: unknown): number | null {
  if (!state || typeof state !== 'object') return null;
  const v = (state as Record<string, unknown>).daily_budget ?? (state as Record<string, unknown>).budget;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/[^0-9.]/g, '')) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** Effect (log) of one metric's own series at an onset, or null when it cannot be fitted. */
function metricStepAt(series: DailySeries | undefined, fromDay: number, toDay: number, onsetAt: number): StepFit | null {
  if (!series) return null;
  const model = stepModel(pooledLogSeries([series], fromDay, toDay));
  return model ? model.fitAt(onsetAt) : null;
}

/** Ratio series (numerator ÷ denominator per day), for click-through and conversion rate. */
function ratioSeries(num: DailySeries | undefined, den: DailySeries | undefined, metric: Metric): DailySeries | undefined {
  if (!num || !den) return undefined;
  const values = num.values.map((v, i) => {
    const d = den.values[i + num.start - den.start];
    return v !== null && d !== null && d !== undefined && d > 0 ? v / d : null;
  });
  return { metric, start: num.start, values };
}

const moved = (f: StepFit | null) => f !== null && Math.abs(f.z) >= 3 && Math.abs(f.effect) >= 0.1;

/**
 * How well each action type explains which metrics moved at the onset (0–1 multiplier): a budget change or pause
 * explains a shift only when spend moved with it; when spend moved, a change that cannot move spend explains it less.
 */
function typeFit(action: TimedAction, evidence: { spend: boolean; ctr: boolean; cpm: boolean; cvr: boolean }): number {
  const type = action.action.action_type;
  const budget = budgetChange(action);
  if (type === 'budget_adjustment' || type === 'pause_ads') {
    if (budget !== null && Math.abs(budget) < 0.02) return 0.1; // a reallocation moves no total spend
    return evidence.spend ? 1 : 0.15;
  }
  let fit = evidence.spend ? 0.25 : 1;
  if (type === 'creative_change' || type === 'ad_copy_update') fit *= evidence.ctr ? 1 : 0.55;
  else if (type === 'bidding_change') fit *= evidence.cpm ? 1 : 0.55;
  else if (type === 'audience_targeting') fit *= evidence.cvr || evidence.ctr ? 1 : 0.6;
  return fit;
}

function priorFor(priors: readonly CausePrior[], actionType: string, metric: Metric): number {
  const p = priors.find((x) => x.action_type === actionType && x.metric === metric);
  return p ? Math.min(1, Math.max(0.05, p.weight)) : 1;
}

/** Placebo: the step test at a pseudo-action a week before, on data before the action only; |z| and whether it fired. */
function placeboCheck(pooled: readonly DailySeries[], fromDay: number, action: TimedAction): { date: string; z: number; fired: boolean } | null {
  const pre = stepModel(pooledLogSeries(pooled, fromDay, action.day - 1));
  if (!pre) return null;
  const at = action.at - PLACEBO_DAYS_BEFORE * MS_PER_DAY;
  const fit = pre.bestBetween(at, at + MAX_LAG_HOURS * MS_PER_HOUR);
  if (!fit) return null;
  const z = Math.abs(fit.z);
  return { date: dayDate(Math.floor(at / MS_PER_DAY)), z: round(z, 2), fired: z >= 3.5 && Math.abs(Math.exp(fit.effect) - 1) >= 0.2 };
}

interface Candidate {
  action: TimedAction;
  fit: StepFit | null;
  logScore: number;
}

/** The shifts of a campaign with one cause each; returns the findings with confidence, alternatives and notes set. */
export function reviewCauses(
  campaign: CampaignInput,
  findings: readonly CorrelationFinding[],
  th: CorrelationThresholds,
  priors: readonly CausePrior[] = [],
): CorrelationFinding[] {
  const actions = timedActions(campaign.actions);
  const series = new Map<Metric, DailySeries>();
  for (const m of ['sales', 'revenue', 'conversions', 'clicks', 'impressions', 'spend'] as Metric[]) {
    const s = metricSeries(campaign.snapshots, m);
    if (s.values.some((v) => v !== null && v > 0)) series.set(m, s);
  }
  const out = findings.map((f) => ({ ...f }));
  const pending = out.filter((f) => f.impact !== 'neutral').sort((a, b) => a.onset_date.localeCompare(b.onset_date));
  const done = new Set<CorrelationFinding>();
  const onsetMs = new Map(pending.map((f) => [f, Date.parse(`${f.onset_date}T00:00:00Z`)]));
  const extra: CorrelationFinding[] = [];

  for (const seed of pending) {
    if (done.has(seed)) continue;
    const seedDay = Math.floor((onsetMs.get(seed) as number) / MS_PER_DAY);
    const shift = pending.filter((f) => !done.has(f) && Math.abs((onsetMs.get(f) as number) / MS_PER_DAY - seedDay) <= 2);
    shift.forEach((f) => done.add(f));
    const lead = [...shift].sort((a, b) => rank(a.metric) - rank(b.metric))[0];

    // Candidates: every action that could have started a move seen on these days, and the findings' own actions.
    const shiftActions = new Set(shift.map((f) => f.action_id));
    const candidates = actions.filter(
      (a) =>
        shiftActions.has(a.action.id) ||
        (a.at >= (seedDay - 3) * MS_PER_DAY && a.at <= (seedDay + 1) * MS_PER_DAY && !a.isRevert),
    );
    if (candidates.length === 0) continue;
    const firstAt = Math.min(...candidates.map((c) => c.at));
    const lastAt = Math.max(...candidates.map((c) => c.at));
    const first = Math.floor(firstAt / MS_PER_DAY);

    // The window ends before the next unrelated action or a revert of a candidate, whichever comes first.
    const candidateIds = new Set(candidates.map((c) => c.action.id));
    const later = actions.find((a) => a.at > lastAt + 24 * MS_PER_HOUR || (a.revertsActionId !== null && candidateIds.has(a.revertsActionId) && a.at > lastAt));
    const pooled = (OUTCOME.some((m) => m === lead.metric) || ['roas', 'cpa'].includes(lead.metric)
      ? OUTCOME.map((m) => series.get(m))
      : [series.get(lead.metric) ?? metricSeries(campaign.snapshots, lead.metric)]
    ).filter((s): s is DailySeries => s !== undefined);
    if (pooled.length === 0) continue;
    const seriesStart = Math.min(...pooled.map((s) => s.start));
    const seriesEnd = Math.max(...pooled.map((s) => s.start + s.values.length - 1));
    const fromDay = Math.max(seriesStart, first - 21);
    const toDay = Math.min(seriesEnd, later ? later.day - 1 : seriesEnd, first + 10);
    const model = stepModel(pooledLogSeries(pooled, fromDay, toDay));
    if (!model) continue;

    const overall = model.bestBetween(Math.max(fromDay + 3, seedDay - 4) * MS_PER_DAY, Math.min(toDay, seedDay + 1) * MS_PER_DAY);
    if (!overall) continue;
    const sigma2 = Math.max(model.sigma2, SIGMA_FLOOR ** 2);
    const evidence = metricEvidence(series, fromDay, toDay, overall.onsetAt);
    const scored: Candidate[] = candidates.map((action) => {
      const fit = bestNear(model, action.at);
      const sameSign = fit !== null && Math.sign(fit.fit.effect) === Math.sign(overall.effect);
      const logLik = fit && sameSign ? -fit.fit.sse / (2 * sigma2) - fit.penalty : -model.sseNoStep / (2 * sigma2);
      return { action, fit: sameSign && fit ? fit.fit : null, logScore: logLik + Math.log(typeFit(action, evidence)) + Math.log(priorFor(priors, action.action.action_type, lead.metric)) };
    });
    const noneScore = -overall.sse / (2 * sigma2) + Math.log(NO_CAUSE_PRIOR);
    const maxScore = Math.max(noneScore, ...scored.map((c) => c.logScore));
    const weights = scored.map((c) => Math.exp(c.logScore - maxScore));
    const noneWeight = Math.exp(noneScore - maxScore);
    const total = noneWeight + weights.reduce((s, w) => s + w, 0);
    const shares = weights.map((w) => w / total);
    const noneShare = noneWeight / total;
    let best = 0;
    shares.forEach((s, i) => (s > shares[best] ? (best = i) : null));
    const winner = scored[best];
    const winnerShare = shares[best];
    const alternatives = scored
      .map((c, i) => ({ action_id: c.action.action.id, action_type: c.action.action.action_type, title: c.action.action.title, share: round(shares[i], 3) }))
      .filter((a) => a.action_id !== winner.action.action.id)
      .sort((a, b) => b.share - a.share);

    // The shift began clearly before every candidate: say so, and blame none of them.
    const onsetBefore = overall.onsetAt < firstAt - 12 * MS_PER_HOUR && noneShare > winnerShare;
    const note = onsetBefore
      ? `${capitalise(metricWord(lead.metric))} ${PLURAL.has(lead.metric) ? 'were' : 'was'} already ${lead.direction === 'decrease' ? 'falling' : 'rising'} since ${weekdayName(overall.onsetAt)}; ` +
        `the ${label(winner.action.action.action_type)} on ${weekdayName(winner.action.at)} did not start it.`
      : null;

    const placebo = placeboCheck(pooled, fromDay, winner.action);
    const zSignal = winner.fit ? Math.abs(winner.fit.z) : 0;
    // Rises steeply past |z| = 3: moves barely beyond the noise are what null campaigns produce.
    const signal = zSignal > 2 ? 1 - Math.exp(-0.3 * (zSignal - 2) ** 2) : 0;

    let winnerFindings = shift.filter((f) => f.action_id === winner.action.action.id);
    if (winnerFindings.length === 0 && !onsetBefore && winner.fit) {
      // The shift is better explained by an action that detection did not flag: move the lead finding to it.
      const moved = reassign(lead, winner.action, campaign.id);
      extra.push(moved);
      winnerFindings = [moved];
    }
    for (const f of shift) {
      const isWinner = winnerFindings.includes(f);
      const share = isWinner ? winnerShare : shares[scored.findIndex((c) => c.action.action.id === f.action_id)] ?? 0;
      // The workspace's doubt about this kind of change (dismissals) weighs on the confidence directly too.
      const doubt = priorFor(priors, f.action_type, f.metric);
      const raw = signal * share * doubt * (placebo?.fired ? 0.5 : 1) * (0.75 + 0.25 * f.persistence);
      applyReview(f, {
        raw,
        th,
        estimatedOnset: new Date(overall.onsetAt).toISOString(),
        alternatives: isWinner ? alternatives : [],
        blamed: isWinner && !onsetBefore,
        note,
        placebo,
        winnerTitle: winner.action.action.title || label(winner.action.action.action_type),
        winnerShare,
      });
    }
    for (const f of winnerFindings) if (!shift.includes(f)) {
      const raw = signal * winnerShare * priorFor(priors, f.action_type, f.metric) * (placebo?.fired ? 0.5 : 1) * (0.75 + 0.25 * f.persistence);
      applyReview(f, { raw, th, estimatedOnset: new Date(overall.onsetAt).toISOString(), alternatives, blamed: true, note: null, placebo, winnerTitle: '', winnerShare });
    }
  }
  return [...out, ...extra];
}

const PLURAL = new Set<Metric>(['sales', 'conversions', 'clicks', 'impressions']);

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const RANK: Metric[] = ['sales', 'revenue', 'conversions', 'roas', 'cpa', 'clicks', 'impressions', 'spend'];
function rank(m: Metric): number {
  return RANK.indexOf(m);
}

/** Which levers moved at the onset: spend, click-through (clicks ÷ impressions), cost per mille, conversion rate. */
function metricEvidence(series: ReadonlyMap<Metric, DailySeries>, fromDay: number, toDay: number, onsetAt: number) {
  const spend = metricStepAt(series.get('spend'), fromDay, toDay, onsetAt);
  const ctr = metricStepAt(ratioSeries(series.get('clicks'), series.get('impressions'), 'clicks'), fromDay, toDay, onsetAt);
  const cpm = metricStepAt(ratioSeries(series.get('impressions'), series.get('spend'), 'impressions'), fromDay, toDay, onsetAt);
  const cvr = metricStepAt(ratioSeries(series.get('conversions'), series.get('clicks'), 'conversions'), fromDay, toDay, onsetAt);
  return { spend: moved(spend), ctr: moved(ctr), cpm: moved(cpm), cvr: moved(cvr) };
}

function reassign(finding: CorrelationFinding, action: TimedAction, campaignId: string): CorrelationFinding {
  const onsetStart = Date.parse(`${finding.onset_date}T00:00:00Z`);
  const exposedFrom = Math.max(onsetStart, action.at);
  return {
    ...finding,
    finding_key: findingKey(campaignId, action.action.id, finding.metric),
    action_id: action.action.id,
    action_type: action.action.action_type,
    action_title: action.action.title,
    action_occurred_at: new Date(action.at).toISOString(),
    is_revert: action.isRevert,
    lag_hours: round(Math.max(0, (exposedFrom + onsetStart + MS_PER_DAY) / 2 - action.at) / MS_PER_HOUR, 1),
    confounders: [],
    rationale: [...finding.rationale],
  };
}

interface ReviewOutcome {
  raw: number;
  th: CorrelationThresholds;
  estimatedOnset: string;
  alternatives: CorrelationFinding['alternatives'];
  blamed: boolean;
  note: string | null;
  placebo: CorrelationFinding['placebo'];
  winnerTitle: string;
  winnerShare: number;
}

function applyReview(f: CorrelationFinding, r: ReviewOutcome) {
  // A revert that moved the metric back reproduced the effect in reverse: strong corroboration.
  const raw = f.reversal_confirmed ? 1 - (1 - r.raw) * 0.6 : r.raw;
  f.raw_confidence = round(raw, 4);
  f.confidence = r.blamed ? calibrateConfidence(raw) : Math.min(calibrateConfidence(raw), r.th.minConfidenceToAlert - 0.01, f.confidence);
  f.confidence = round(Math.max(0, f.confidence), 3);
  f.strength = classifyStrength(f.confidence, r.th);
  f.estimated_onset = r.estimatedOnset;
  f.cause_of_shift = r.blamed;
  f.alternatives = r.alternatives;
  f.onset_note = r.note;
  f.placebo = r.placebo;
  const lines = [...f.rationale];
  lines.push(`The shift began about ${r.estimatedOnset.slice(0, 13).replace('T', ' ')}:00 UTC (step fitted on the daily series with weekday effects removed).`);
  if (r.note) lines.push(r.note);
  else if (!r.blamed) lines.push(`"${r.winnerTitle}" explains this shift better (${Math.round(r.winnerShare * 100)} %); no alert for this action.`);
  if (r.blamed && r.alternatives.length > 0) {
    lines.push(`Other possible causes: ${r.alternatives.map((a) => `${a.title || label(a.action_type)} (${Math.round(a.share * 100)} %)`).join(', ')}.`);
  }
  if (r.placebo) lines.push(r.placebo.fired ? `Placebo check: the same test a week earlier (${r.placebo.date}) also fired, so the series moves like this on its own (×0.5).` : `Placebo check: the same test a week earlier (${r.placebo.date}) did not fire.`);
  f.rationale = lines;
  f.alert = r.blamed && f.confidence >= r.th.minConfidenceToAlert && f.impact !== 'neutral' && !(f.is_revert && f.impact === 'positive');
}

export { dayShareAfter, type StepModel };
