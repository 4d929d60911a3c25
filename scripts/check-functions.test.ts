import { describe, expect, it } from 'vitest';
import { pinProblems } from './check-functions.ts';

const installed = (pkg: string) => ({ zod: '4.6.7', '@supabase/supabase-js': '2.119.1' })[pkg] ?? null;

describe('edge function import maps', () => {
  it('accept imports pinned to the exact installed version', () => {
    expect(pinProblems('health', { imports: { zod: 'npm:zod@4.6.7', '@supabase/supabase-js': 'npm:@supabase/supabase-js@2.119.1' } }, installed)).toEqual([]);
  });

  it('refuse ranges, versions that differ from node_modules, missing packages and other specifiers', () => {
    expect(
      pinProblems(
        'health',
        {
          imports: {
            zod: 'npm:zod@^4.6.7',
            '@supabase/supabase-js': 'npm:@supabase/supabase-js@2.100.0',
            lodash: 'npm:lodash@4.17.21',
            std: 'jsr:@std/path',
          },
        },
        installed,
      ),
    ).toEqual([
      'health: "zod" is pinned to a range (^4.6.7); pin the exact version 4.6.7',
      'health: "@supabase/supabase-js" pins @supabase/supabase-js@2.100.0 but node_modules has 2.119.1',
      'health: "lodash" → lodash is not installed (add it to package.json)',
      'health: "std" → "jsr:@std/path" is not an npm: specifier with a version',
    ]);
  });
});
