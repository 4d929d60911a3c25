/** Fitted by scripts/eval/fit-calibration.ts on the tuning seeds (101, 102, 103): [raw score, observed precision]. */
export const CALIBRATION_KNOTS: ReadonlyArray<readonly [number, number]> = [[0.0999,0.471],[0.3214,0.733],[0.5113,0.936],[0.6283,0.938],[0.7935,0.991],[0.8963,1]];
