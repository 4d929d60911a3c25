import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const dirs = (path) =>
  readdirSync(new URL(path, import.meta.url), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
const features = dirs('./src/features/');
const entities = dirs('./src/entities/');
const edgeFunctions = dirs('./supabase/functions/').filter((name) => !name.startsWith('_'));

/**
 * The layering the code is built on (docs/architecture.md), enforced rather than remembered:
 * - a feature never imports another feature (shared pieces move down to src/components, src/lib, src/hooks);
 * - entities (src/entities: campaigns, alerts, people — the one read layer several features share) sit below the
 *   features: features import them, they never import a feature, the app or each other;
 * - the shared tiers never import a feature or the app; routes in src/app compose features;
 * - edge functions never import src/ or each other; the domain imports nothing outside itself (it stays pure);
 * - no import cycles anywhere.
 */
const zones = [
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'Features do not import each other: compose them in src/app, or move the shared piece down to src/components, src/lib or src/hooks.',
  })),
  {
    target: './src/entities',
    from: ['./src/features', './src/app'],
    message: 'Entities sit below the features: a feature composes an entity, an entity never imports a feature or the app.',
  },
  ...entities.map((entity) => ({
    target: `./src/entities/${entity}`,
    from: './src/entities',
    except: [`./${entity}`],
    message: 'Entities do not import each other: join them in the feature that needs both.',
  })),
  {
    target: ['./src/components', './src/lib', './src/hooks'],
    from: ['./src/features', './src/entities', './src/app'],
    message: 'The shared tiers sit below the entities, the features and the app and never import them.',
  },
  { target: './src/features', from: './src/app', message: 'Features do not import the app; the app composes them.' },
  { target: './supabase/functions', from: './src', message: 'Edge functions never import the SPA (src/).' },
  ...edgeFunctions.map((fn) => ({
    target: `./supabase/functions/${fn}`,
    from: './supabase/functions',
    except: [`./${fn}`, './_shared'],
    message: 'Edge functions never import each other; shared code lives in supabase/functions/_shared.',
  })),
  {
    target: './supabase/functions/_shared/domain',
    from: ['./supabase/functions', './src', './scripts'],
    except: ['./_shared/domain'],
    message: 'The domain is pure: it imports only other domain modules (and zod).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      '.supabase-local',
      'test-results',
      'supabase/functions/_shared/database.types.ts',
      // Code that breaks the rules on purpose; tests/lint/boundaries.test.ts lints it and expects errors.
      'tests/lint/fixtures',
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node, Deno: 'readonly' } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Extensions and parsers from import-x's TypeScript preset, so dependencies are parsed when following cycles.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
);
