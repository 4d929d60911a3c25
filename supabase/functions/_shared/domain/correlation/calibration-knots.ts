/** Fitted by scripts/eval/fit-calibration.ts on the tuning seeds (101, 102, 103): [raw score, observed precision]. */
export const CALIBRATION_KNOTS: ReadonlyArray<readonly [number, number]> = [[0.1551,0.375],[0.3126,0.833],[0.4359,0.921],[0.53,0.933],[0.6429,0.989],[0.8259,1]];
