import { describe, expect, it } from 'vitest';
import { parseMigrationName } from './migrations.ts';

describe('parseMigrationName', () => {
  it('splits the timestamp version from the name like the Supabase CLI', () => {
    expect(parseMigrationName('20261121000100_tenancy.sql')).toEqual({ version: '20261121000100', name: 'tenancy' });
    expect(parseMigrationName('20261121000200_campaign_planning.sql')).toEqual({ version: '20261121000200', name: 'campaign_planning' });
  });

  it('keeps a file without a name as a bare version', () => {
    expect(parseMigrationName('20261121000100.sql')).toEqual({ version: '20261121000100', name: '' });
  });
});
