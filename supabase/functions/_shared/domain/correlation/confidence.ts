/**
 * Confidence that an action caused a metric move, 0–1, from five factors, each with a sentence saying why:
 * effect size relative to noise, lag, persistence (and how many days back it), confounding actions, and whether
 * the move had begun before the action. Strength and severity classifications live here too.
 */
import { resolveThresholds, type Thresholds } from '../thresholds.ts';
import { clamp, round } from './stats.ts';
import type { Severity, Strength } from './types.ts';

type CorrelationThresholds = Thresholds['correlation'];

export interface ConfidenceFactors {
  /** Effect ÷ standard error (log scale). */
  z: number;
  /** 95 % t critical value for the baseline's degrees of freedom (few baseline days → larger). */
  tCrit: number;
  lagHours: number;
  /** 0–1 share of effect days beyond the threshold, and how many effect days there are. */
  persistence: number;
  effectDays: number;
  /** Other actions sharing the window, and this action's attribution share among them (0–1). */
  confounders: number;
  attributionShare: number;
  /** The metric had already moved (same direction) the day before the action. */
  preexisting: boolean;
  /** A later revert of this action moved the metric back. */
  reversalConfirmed: boolean;
}

export interface ConfidenceScore {
  confidence: number;
  rationale: string[];
}

/**
 * Confidence 0–1 = signal × lag × persistence × evidence days × attribution × pre-existing penalty, then raised
 * toward 1 when a revert reproduced the effect in reverse; capped at 0.99. Signal = 1 − e^(−0.8·(z′ − 1)) with z′ = z scaled to the
 * normal (z·1.96 / t), so z′ = 2.5 gives 0.70, z′ = 3 gives 0.80 and z′ = 4 gives 0.91.
 */
export function scoreConfidence(f: ConfidenceFactors, th: CorrelationThresholds): ConfidenceScore {
  const rationale: string[] = [];
  const zNormal = (Math.abs(f.z) * 1.96) / f.tCrit;
  const signal = zNormal > 1 ? 1 - Math.exp(-0.8 * (zNormal - 1)) : 0;
  rationale.push(
    `Effect is ${round(Math.abs(f.z), 1)}× its standard error from the pre-period's day-to-day variability (signal ${round(signal)}).`,
  );

  // Daily data places the onset only to within a day: its middle may fall past 48 h even when the day began inside.
  const lag = f.lagHours <= 36 ? 1 : f.lagHours <= th.timeWindowHours ? 0.9 : 0.75;
  rationale.push(
    lag === 1
      ? `Change began about ${Math.round(f.lagHours)} h after the action, inside the expected window.`
      : `Change began about ${Math.round(f.lagHours)} h after the action, late for the ${th.timeWindowHours} h window (×${lag}).`,
  );

  const persistence = 0.7 + 0.3 * f.persistence;
  const evidence = f.effectDays >= 3 ? 1 : f.effectDays === 2 ? 0.95 : 0.9;
  rationale.push(
    `${Math.round(f.persistence * 100)} % of ${f.effectDays} day(s) after the onset stayed beyond the ${Math.round(th.metricChangeThreshold * 100)} % threshold` +
      (evidence < 1 ? `; few days of evidence (×${evidence}).` : '.'),
  );

  let attribution = 1;
  if (f.confounders > 0) {
    attribution = (0.5 + 0.5 * f.attributionShare) * th.confounderPenalty ** f.confounders;
    rationale.push(
      `${f.confounders} other action(s) in the same window; this action's share of the attribution is ${Math.round(f.attributionShare * 100)} % (×${round(attribution)}).`,
    );
  } else {
    rationale.push('No other action in the window.');
  }

  const preexisting = f.preexisting ? th.preexistingPenalty : 1;
  if (f.preexisting) rationale.push(`The metric had already moved the day before the action (×${preexisting}).`);

  let confidence = signal * lag * persistence * evidence * attribution * preexisting;
  if (f.reversalConfirmed) {
    confidence = 1 - (1 - confidence) * 0.6;
    rationale.push('Reverting the action moved the metric back, which corroborates the cause.');
  }
  // Observational data never proves a cause: the score stops short of certainty.
  return { confidence: round(clamp(confidence, 0, 0.99), 3), rationale };
}

/** Strong ≥ strongMinConfidence (0.85), Moderate ≥ minConfidenceToAlert (0.70), else Weak. */
export function classifyStrength(confidence: number, th: CorrelationThresholds): Strength {
  if (confidence >= th.strongMinConfidence) return 'Strong';
  if (confidence >= th.minConfidenceToAlert) return 'Moderate';
  return 'Weak';
}

export type ConfidenceBand = 'High' | 'Medium' | 'Low';
const BAND: Record<Strength, ConfidenceBand> = { Strong: 'High', Moderate: 'Medium', Weak: 'Low' };

/**
 * A confidence (0–1) as people read it: High from strongMinConfidence (0.85), Medium from minConfidenceToAlert (0.70),
 * else Low — the band of the engine's Strong / Moderate / Weak, from the same thresholds.
 */
export function confidenceBand(confidence: number, th: CorrelationThresholds = resolveThresholds().correlation): ConfidenceBand {
  return BAND[classifyStrength(confidence, th)];
}

/** Severity from the size of the change (percent): high ≥ 50 %, medium ≥ 30 %, else low. */
export function classifySeverity(changePct: number, th: CorrelationThresholds): Severity {
  const size = Math.abs(changePct) / 100;
  if (size >= th.severeChangeThreshold) return 'high';
  if (size >= th.mediumChangeThreshold) return 'medium';
  return 'low';
}

/** The spec's confidence label for a strength: Strong → high, Moderate → medium, Weak → low. */
export function confidenceLabel(strength: Strength): 'high' | 'medium' | 'low' {
  return strength === 'Strong' ? 'high' : strength === 'Moderate' ? 'medium' : 'low';
}
