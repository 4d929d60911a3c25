/**
 * The layering rules in eslint.config.js fire: each fixture under ./fixtures breaks one on purpose (the lint run
 * ignores that folder) and must lint red here, with the project's own configuration, at the path it pretends to be.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, ignore: false });
});

async function lintAs(name: string, filePath: string) {
  const [result] = await eslint.lintText(fixture(name), { filePath: `${root}${filePath}` });
  return result.messages.map((m) => ({ rule: m.ruleId, line: m.line }));
}

describe('layering rules', () => {
  it('fail a feature importing another feature, by alias or by relative path', async () => {
    const messages = await lintAs('feature-imports-feature.tsx', 'src/features/board/components/lint-fixture.tsx');
    expect(messages).toEqual([
      { rule: 'import-x/no-restricted-paths', line: 2 },
      { rule: 'import-x/no-restricted-paths', line: 3 },
    ]);
  });

  it('let a feature import itself, the entities, the shared tiers and the domain', async () => {
    expect(await lintAs('feature-imports-itself.tsx', 'src/features/board/components/lint-fixture.tsx')).toEqual([]);
  });

  it('fail an entity importing a feature or another entity', async () => {
    expect(await lintAs('entity-imports-feature.ts', 'src/entities/campaigns/lint-fixture.ts')).toEqual([
      { rule: 'import-x/no-restricted-paths', line: 2 },
      { rule: 'import-x/no-restricted-paths', line: 3 },
    ]);
  });

  it('fail a shared tier importing an entity', async () => {
    expect(await lintAs('shared-imports-entity.ts', 'src/lib/lint-fixture.ts')).toEqual([{ rule: 'import-x/no-restricted-paths', line: 2 }]);
  });

  it('fail a shared tier importing a feature', async () => {
    expect(await lintAs('shared-imports-feature.ts', 'src/lib/lint-fixture.ts')).toEqual([{ rule: 'import-x/no-restricted-paths', line: 2 }]);
  });

  it('fail an edge function importing the SPA or another function', async () => {
    expect(await lintAs('function-imports-spa.ts', 'supabase/functions/health/lint-fixture.ts')).toEqual([
      { rule: 'import-x/no-restricted-paths', line: 2 },
      { rule: 'import-x/no-restricted-paths', line: 3 },
    ]);
  });

  it('fail the domain importing anything outside it', async () => {
    expect(await lintAs('domain-imports-io.ts', 'supabase/functions/_shared/domain/lint-fixture.ts')).toEqual([
      { rule: 'import-x/no-restricted-paths', line: 2 },
    ]);
  });

  it('fail an import cycle', async () => {
    const [result] = await eslint.lintFiles([fileURLToPath(new URL('./fixtures/cycle/first.ts', import.meta.url))]);
    expect(result.messages.map((m) => m.ruleId)).toEqual(['import-x/no-cycle']);
  });
});
