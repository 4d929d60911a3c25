import { describe, expect, it } from 'vitest';
import { resolveThresholds } from '../thresholds.ts';
import { classifySeverity, classifyStrength, confidenceBand, type ConfidenceFactors, scoreConfidence } from './confidence.ts';

const th = resolveThresholds().correlation;
const clean: ConfidenceFactors = {
  z: 8,
  tCrit: 2.2,
  lagHours: 14,
  persistence: 1,
  effectDays: 5,
  confounders: 0,
  attributionShare: 1,
  preexisting: false,
  reversalConfirmed: false,
};

describe('scoreConfidence', () => {
  it('is high for a large, quick, persistent, unconfounded effect and explains itself', () => {
    const s = scoreConfidence(clean, th);
    expect(s.confidence).toBeGreaterThan(0.9);
    expect(s.rationale).toHaveLength(4);
  });

  it('drops with weaker signal, late onset, low persistence, confounders and pre-existing moves', () => {
    const base = scoreConfidence(clean, th).confidence;
    expect(scoreConfidence({ ...clean, z: 3 }, th).confidence).toBeLessThan(base);
    expect(scoreConfidence({ ...clean, lagHours: 52 }, th).confidence).toBeLessThan(base);
    expect(scoreConfidence({ ...clean, persistence: 0.2 }, th).confidence).toBeLessThan(base);
    expect(scoreConfidence({ ...clean, confounders: 1, attributionShare: 0.5 }, th).confidence).toBeLessThan(0.7);
    expect(scoreConfidence({ ...clean, preexisting: true }, th).confidence).toBeLessThan(0.7);
  });

  it('stays below certainty', () => {
    expect(scoreConfidence({ ...clean, z: 100, reversalConfirmed: true }, th).confidence).toBe(0.99);
  });
});

describe('classification', () => {
  it('Strong ≥ 0.85, Moderate ≥ 0.70, else Weak', () => {
    expect(classifyStrength(0.85, th)).toBe('Strong');
    expect(classifyStrength(0.7, th)).toBe('Moderate');
    expect(classifyStrength(0.69, th)).toBe('Weak');
  });

  it('bands a confidence High / Medium / Low from the same thresholds, including a workspace override', () => {
    expect([0.9, 0.85, 0.75, 0.7, 0.5].map((c) => confidenceBand(c))).toEqual(['High', 'High', 'Medium', 'Medium', 'Low']);
    expect(confidenceBand(0.8, { ...th, strongMinConfidence: 0.8 })).toBe('High');
    expect(confidenceBand(0.65, { ...th, minConfidenceToAlert: 0.6 })).toBe('Medium');
  });

  it('severity high ≥ 50 %, medium ≥ 30 %, else low, either direction', () => {
    expect(classifySeverity(-60, th)).toBe('high');
    expect(classifySeverity(50, th)).toBe('high');
    expect(classifySeverity(-35, th)).toBe('medium');
    expect(classifySeverity(22, th)).toBe('low');
  });
});
