/**
 * Calibration of the engine's confidence: a monotone map from the raw score (signal × share × placebo × persistence)
 * to the share of findings at that score that named the right cause and direction on the tuning campaigns
 * (`npx tsx scripts/eval/fit-calibration.ts` refits it; the held-out seeds are never used). Linear between knots.
 */
import { CALIBRATION_KNOTS } from './calibration-knots.ts';

const CAP = 0.95;

/** Observed precision (0–1) for a raw score (0–1), interpolated between the fitted knots; capped at 0.95 (observational data never proves a cause). */
export function calibrateConfidence(raw: number, knots: ReadonlyArray<readonly [number, number]> = CALIBRATION_KNOTS): number {
  if (!Number.isFinite(raw)) return 0;
  if (knots.length === 0) return Math.min(CAP, Math.max(0, raw));
  if (raw <= knots[0][0]) return Math.min(CAP, knots[0][1] * (knots[0][0] > 0 ? Math.max(0, raw) / knots[0][0] : 1));
  for (let i = 1; i < knots.length; i++) {
    const [x0, y0] = knots[i - 1];
    const [x1, y1] = knots[i];
    if (raw <= x1) return Math.min(CAP, y0 + ((y1 - y0) * (raw - x0)) / Math.max(1e-9, x1 - x0));
  }
  return Math.min(CAP, knots[knots.length - 1][1]);
}

/**
 * Pool-adjacent-violators fit of P(right | raw): pairs sorted by raw, merged until precision never falls as the
 * score rises; returns knots (block mean raw, block precision) for blocks of at least `minBlock` findings.
 */
export function fitCalibration(pairs: ReadonlyArray<{ raw: number; right: boolean }>, minBlock = 15): Array<[number, number]> {
  const sorted = [...pairs].sort((a, b) => a.raw - b.raw);
  type Block = { sumX: number; sumY: number; n: number };
  const blocks: Block[] = [];
  for (const p of sorted) {
    blocks.push({ sumX: p.raw, sumY: p.right ? 1 : 0, n: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1];
      const a = blocks[blocks.length - 2];
      if (a.sumY / a.n >= b.sumY / b.n || a.n < minBlock) {
        blocks.splice(blocks.length - 2, 2, { sumX: a.sumX + b.sumX, sumY: a.sumY + b.sumY, n: a.n + b.n });
      } else break;
    }
  }
  return blocks.map((b) => [Math.round((b.sumX / b.n) * 10_000) / 10_000, Math.round((b.sumY / b.n) * 1000) / 1000]);
}
