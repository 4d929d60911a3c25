import { describe, expect, it } from 'vitest';
import { adminCount, memberDisplayName, sortMembers } from './members';

describe('members utils', () => {
  it('puts admins first, then orders by name', () => {
    const sorted = sortMembers([
      { role: 'viewer' as const, fullName: 'Ann', email: 'ann@x.test' },
      { role: 'admin' as const, fullName: 'Zoe', email: 'zoe@x.test' },
      { role: 'marketer' as const, fullName: null, email: 'bo@x.test' },
      { role: 'admin' as const, fullName: 'Max', email: 'max@x.test' },
    ]);

    expect(sorted.map(memberDisplayName)).toEqual(['Max', 'Zoe', 'bo@x.test', 'Ann']);
  });

  it('counts admins and falls back to the email for the name', () => {
    expect(adminCount([{ role: 'admin' }, { role: 'viewer' }])).toBe(1);
    expect(memberDisplayName({ fullName: '  ', email: 'a@b.test' })).toBe('a@b.test');
    expect(memberDisplayName({ fullName: null, email: null })).toBe('Unknown member');
  });
});
