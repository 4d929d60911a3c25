/**
 * `npm run check:functions` (CI runs it): every edge function as Deno sees it.
 * - Each function carries its own deno.json (Supabase's recommended layout) pinning every npm import to an exact
 *   version, the one installed in node_modules, so the Node-side tests exercise the code Deno will run.
 * - `deno check` of each function with its own import map, then `deno lint` of supabase/functions (config:
 *   supabase/functions/deno.json; the *.test.ts files run under vitest in Node and are linted by ESLint).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { denoBinary } from './local-stack/functions-runner.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const functionsDir = path.join(root, 'supabase', 'functions');

/** Problems with one function's import map: imports not pinned to the exact installed npm version. */
export function pinProblems(name: string, config: { imports?: Record<string, string> }, installed: (pkg: string) => string | null): string[] {
  const problems: string[] = [];
  for (const [alias, target] of Object.entries(config.imports ?? {})) {
    const match = /^npm:((?:@[^/@]+\/)?[^/@]+)@([^/]+)$/.exec(target);
    if (!match) {
      problems.push(`${name}: "${alias}" → "${target}" is not an npm: specifier with a version`);
      continue;
    }
    const [, pkg, version] = match;
    const have = installed(pkg);
    if (!/^\d+\.\d+\.\d+$/.test(version)) problems.push(`${name}: "${alias}" is pinned to a range (${version}); pin the exact version ${have ?? ''}`.trimEnd());
    else if (have === null) problems.push(`${name}: "${alias}" → ${pkg} is not installed (add it to package.json)`);
    else if (have !== version) problems.push(`${name}: "${alias}" pins ${pkg}@${version} but node_modules has ${have}`);
  }
  return problems;
}

function installedVersion(pkg: string): string | null {
  const file = path.join(root, 'node_modules', pkg, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : null;
}

function run(args: string[]): boolean {
  const result = spawnSync(denoBinary(root), args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: process.env.NO_COLOR ?? '1' },
  });
  return result.status === 0;
}

function main(): void {
  const names = readdirSync(functionsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
    .map((d) => d.name)
    .sort();
  const problems: string[] = [];
  for (const name of names) {
    const config = path.join(functionsDir, name, 'deno.json');
    if (!existsSync(config)) {
      problems.push(`${name}: no deno.json (each function pins its own imports)`);
      continue;
    }
    problems.push(...pinProblems(name, JSON.parse(readFileSync(config, 'utf8')), installedVersion));
  }
  if (problems.length > 0) {
    console.error(`Edge function import maps:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  let ok = true;
  for (const name of names) {
    ok = run(['check', '--quiet', '--config', path.join(functionsDir, name, 'deno.json'), path.join(functionsDir, name, 'index.ts')]) && ok;
  }
  ok = run(['lint', '--quiet', '--config', path.join(functionsDir, 'deno.json'), functionsDir]) && ok;
  if (!ok) process.exit(1);
  console.log(`deno check and deno lint passed for ${names.length} functions: ${names.join(', ')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
