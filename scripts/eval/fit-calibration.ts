/**
 * Refits the confidence calibration on the TUNING seeds only: runs the engine with the identity map, pairs each
 * action's lead finding (the one its alert would show) with whether it named the right cause and direction, fits a
 * monotone map (pool-adjacent violators) and writes it to calibration-knots.ts.
 *
 *   npx tsx scripts/eval/fit-calibration.ts [--dry-run]
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { fitCalibration } from '../../supabase/functions/_shared/domain/correlation/calibration.ts';
import { METRICS, type Metric } from '../../supabase/functions/_shared/domain/correlation/types.ts';
import { TUNING_SEEDS } from './independent-campaigns.ts';
import { runIndependent } from './evaluate-independent.ts';
import { isRightAlert } from './score-independent.ts';

const KNOTS_FILE = fileURLToPath(new URL('../../supabase/functions/_shared/domain/correlation/calibration-knots.ts', import.meta.url));

async function main(argv: readonly string[]) {
  const run = await runIndependent(TUNING_SEEDS);
  const truths = new Map(run.truths.map((t) => [t.campaign_id, t]));
  const lead = new Map<string, (typeof run.findings)[number]>();
  for (const f of run.findings) {
    const raw = f.raw as { impact: string; cause_of_shift: boolean; raw_confidence: number };
    if (raw.impact === 'neutral' || !raw.cause_of_shift || raw.raw_confidence <= 0) continue;
    const key = `${f.campaign_id}:${f.action_id}`;
    const current = lead.get(key);
    if (!current || METRICS.indexOf(f.metric as Metric) < METRICS.indexOf(current.metric as Metric)) lead.set(key, f);
  }
  const pairs = [...lead.values()].map((f) => ({
    raw: (f.raw as { raw_confidence: number }).raw_confidence,
    right: isRightAlert({ ...f, trigger_action_id: f.action_id }, truths.get(f.campaign_id)!),
  }));
  const knots = fitCalibration(pairs);
  console.log(`${pairs.length} lead findings; knots:`, JSON.stringify(knots));
  if (argv.includes('--dry-run')) return;
  await writeFile(
    KNOTS_FILE,
    `/** Fitted by scripts/eval/fit-calibration.ts on the tuning seeds (${TUNING_SEEDS.join(', ')}): [raw score, observed precision]. */\n` +
      `export const CALIBRATION_KNOTS: ReadonlyArray<readonly [number, number]> = ${JSON.stringify(knots)};\n`,
  );
}

main(process.argv.slice(2)).then(() => process.exit(0));
