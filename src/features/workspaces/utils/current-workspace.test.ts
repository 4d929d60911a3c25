import { describe, expect, it } from 'vitest';
import type { WorkspaceMembership } from '@/hooks/use-current-workspace';
import { pickCurrentMembership } from './current-workspace';

const acme: WorkspaceMembership = { workspace: { id: 'a', name: 'Acme' }, role: 'admin' };
const globex: WorkspaceMembership = { workspace: { id: 'g', name: 'Globex' }, role: 'viewer' };

describe('pickCurrentMembership', () => {
  it('keeps the remembered workspace when the user still belongs to it', () => {
    expect(pickCurrentMembership([acme, globex], 'g')).toBe(globex);
  });

  it('falls back to the first workspace when the remembered one is gone', () => {
    expect(pickCurrentMembership([acme, globex], 'removed')).toBe(acme);
    expect(pickCurrentMembership([acme, globex], null)).toBe(acme);
  });

  it('returns null when the user has no workspace yet', () => {
    expect(pickCurrentMembership([], 'a')).toBeNull();
  });
});
