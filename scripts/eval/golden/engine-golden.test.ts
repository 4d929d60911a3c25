import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { engineOutputs, goldenCases } from './engine-cases.ts';
import { GOLDEN_FILE } from './write-engine-golden.ts';

/**
 * Paths where `actual` differs from `expected`: numbers may differ in their last bits (1e-9 relative, a reordered
 * sum), everything else — decisions, severities, causes, dates, keys, array lengths — must be equal.
 */
function differences(expected: unknown, actual: unknown, path: string, out: string[]) {
  if (out.length >= 20) return;
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(Math.abs(expected), Math.abs(actual));
    if (!(expected === actual || Math.abs(expected - actual) <= 1e-9 * scale)) out.push(`${path}: ${expected} → ${actual}`);
    return;
  }
  if (expected === null || actual === null || typeof expected !== 'object' || typeof actual !== 'object') {
    if (expected !== actual) out.push(`${path}: ${JSON.stringify(expected)} → ${JSON.stringify(actual)}`);
    return;
  }
  if (Array.isArray(expected) !== Array.isArray(actual)) {
    out.push(`${path}: array vs object`);
    return;
  }
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const k of keys) {
    if (!(k in expected) || !(k in actual)) out.push(`${path}.${k}: ${k in expected ? 'missing' : 'unexpected'}`);
    else differences((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], `${path}.${k}`, out);
  }
}

describe('correlation engine golden output', () => {
  it('every case still yields the output recorded in engine-output.jsonl.gz', () => {
    const golden = new Map<string, unknown>(
      gunzipSync(readFileSync(GOLDEN_FILE))
        .toString('utf8')
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as [string, unknown]),
    );
    const cases = goldenCases();
    expect(cases.map((c) => c.name)).toEqual([...golden.keys()]);
    const actual = engineOutputs(cases);
    const diffs: string[] = [];
    for (const [name, expected] of golden) differences(expected, actual[name], name, diffs);
    expect(diffs).toEqual([]);
  }, 60_000);

  it('compares numbers loosely and everything else exactly', () => {
    const diffs: string[] = [];
    differences({ a: 1, b: [true, 'x'] }, { a: 1 + 1e-12, b: [true, 'x'] }, '', diffs);
    expect(diffs).toEqual([]);
    differences({ a: 1, b: [true, 'x'], c: 'High' }, { a: 1.001, b: [false, 'x'], c: 'Medium' }, '', diffs);
    expect(diffs).toEqual(['.a: 1 → 1.001', '.b.0: true → false', '.c: "High" → "Medium"']);
  });
});
