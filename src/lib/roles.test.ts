import { describe, expect, it } from 'vitest';
import { canWrite, isOpsHead, toWorkspaceRole } from './roles';

describe('workspace roles', () => {
  it('lets everyone but viewers write', () => {
    expect(canWrite('marketer')).toBe(true);
    expect(canWrite('viewer')).toBe(false);
  });

  it('treats admins as ops heads too', () => {
    expect(isOpsHead('admin')).toBe(true);
    expect(isOpsHead('ops_head')).toBe(true);
    expect(isOpsHead('marketer')).toBe(false);
  });

  it('downgrades unknown roles to viewer', () => {
    expect(toWorkspaceRole('owner')).toBe('viewer');
    expect(toWorkspaceRole('ops_head')).toBe('ops_head');
  });
});
