/**
 * Writes the engine's golden output (engine-output.jsonl.gz beside this file: one line per case, `[name, output]`)
 * from the current engine. Run it only when a result is meant to change, and say why in the commit; speed work must
 * leave the file's content untouched.
 *
 *   npx tsx scripts/eval/golden/write-engine-golden.ts [--out FILE]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { engineOutputs } from './engine-cases.ts';

export const GOLDEN_FILE = fileURLToPath(new URL('./engine-output.jsonl.gz', import.meta.url));

/** One `[name, output]` JSON line per case, in case order. */
export function goldenText(outputs: Record<string, unknown>): string {
  return Object.entries(outputs).map((entry) => `${JSON.stringify(entry)}\n`).join('');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--out');
  const file = i >= 0 ? process.argv[i + 1] : GOLDEN_FILE;
  writeFileSync(file, gzipSync(goldenText(engineOutputs()), { level: 9 }));
}
