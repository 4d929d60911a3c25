import { describe, expect, it } from 'vitest';
import { matchesFilters, parseFilter } from './filters.ts';

const columns = [
  { name: 'id', type: 'uuid' },
  { name: 'n', type: 'int8' },
  { name: 'body', type: 'text' },
  { name: 'done', type: 'bool' },
  { name: 'at', type: 'timestamptz' },
];
const record = { id: 'A1B2', n: 5, body: 'Hello, world', done: false, at: '2026-01-02T00:00:00+00:00' };
const matches = (filter: string) => matchesFilters(parseFilter(filter), record, columns);

describe('parseFilter', () => {
  it('reads quoted values, in-lists and not.', () => {
    expect(parseFilter('body=eq."a,b",n=not.in.(1,"2",3)')).toEqual([
      { column: 'body', operator: 'eq', negate: false, values: ['a,b'] },
      { column: 'n', operator: 'in', negate: true, values: ['1', '2', '3'] },
    ]);
  });

  it('rejects unknown operators', () => {
    expect(() => parseFilter('n=approx.3')).toThrow(/Error parsing `filter` params/);
  });
});

describe('matchesFilters', () => {
  it('compares by column type', () => {
    expect(matches('n=eq.5')).toBe(true);
    expect(matches('n=gt.10')).toBe(false);
    expect(matches('n=gte.5,n=lt.6')).toBe(true);
    expect(matches('n=in.(1,5)')).toBe(true);
    expect(matches('id=eq.a1b2')).toBe(true);
    expect(matches('done=eq.false')).toBe(true);
    expect(matches('at=gt.2026-01-01')).toBe(true);
    expect(matches('body=eq."Hello, world"')).toBe(true);
  });

  it('supports like, ilike, is and not.', () => {
    expect(matches('body=like.Hello%')).toBe(true);
    expect(matches('body=like.hello%')).toBe(false);
    expect(matches('body=ilike.hello%')).toBe(true);
    expect(matches('done=is.false')).toBe(true);
    expect(matches('body=not.is.null')).toBe(true);
    expect(matches('n=not.eq.5')).toBe(false);
  });

  it('lets a column missing from a DELETE key pass only when asked', () => {
    const f = parseFilter('owner=eq.x');
    expect(matchesFilters(f, { id: '1' }, columns, true)).toBe(true);
    expect(matchesFilters(f, { id: '1' }, columns)).toBe(false);
  });
});
