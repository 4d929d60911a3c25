/**
 * Precision / recall of the correlation engine vs the naive "20 % within 48 h" rule on seeded synthetic campaigns.
 *
 *   npx tsx scripts/evaluate-correlation.ts [--campaigns 280] [--seed 1] [--json]
 */
import { pathToFileURL } from 'node:url';
import { evaluate, formatReport } from '../supabase/functions/_shared/domain/correlation/evaluation.ts';
import { generateSuite } from '../supabase/functions/_shared/domain/correlation/synthetic.ts';

export function main(argv: readonly string[]): number {
  let campaigns = 280;
  let seed = 1;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--campaigns') campaigns = Number(argv[++i]);
    else if (argv[i] === '--seed') seed = Number(argv[++i]);
    else if (argv[i] === '--json') json = true;
    else {
      console.error(`unknown argument: ${argv[i]}`);
      return 2;
    }
  }
  if (!Number.isInteger(campaigns) || campaigns <= 0 || !Number.isFinite(seed)) {
    console.error('--campaigns must be a positive integer and --seed a number');
    return 2;
  }
  const report = evaluate(generateSuite(seed, campaigns));
  console.log(json ? JSON.stringify(report, null, 2) : `seed ${seed}\n${formatReport(report)}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(main(process.argv.slice(2)));
