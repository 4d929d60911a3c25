import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_WORKSPACE_ID, demoId } from './ids.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('demo ids', () => {
  it('gives the same name the same valid UUID and different names different ones', () => {
    expect(demoId('card:spring-creative')).toBe(demoId('card:spring-creative'));
    expect(demoId('card:spring-creative')).toMatch(UUID);
    expect(demoId('card:spring-creative')).not.toBe(demoId('card:spring-headline'));
  });

  it('uses a valid fixed workspace id', () => {
    expect(DEMO_WORKSPACE_ID).toMatch(UUID);
  });

  it('has one marketer, one ops head, one viewer and one admin with distinct emails', () => {
    expect(DEMO_PEOPLE.map((p) => p.role).sort()).toEqual(['admin', 'marketer', 'ops_head', 'viewer']);
    expect(new Set(DEMO_PEOPLE.map((p) => p.email)).size).toBe(DEMO_PEOPLE.length);
    expect(DEMO_PEOPLE.find((p) => p.role === 'marketer')?.fullName).toBe('Sarah Martinez');
  });
});
