import { describe, expect, it, vi } from 'vitest';
import { likeMatches, matchesFilters, parseFilter } from './filters.ts';

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

describe('filters against hostile patterns', () => {
  const titled = (title: string) => ({ id: 'A1B2', n: 5, body: title, done: false, at: record.at });
  const evil = 'a'.repeat(40) + '!';

  it('builds no RegExp from client text, so no pattern can backtrack', () => {
    const spy = vi.spyOn(globalThis, 'RegExp');
    try {
      const filters = [
        ...parseFilter('body=like.%a%a%a%a%a%a%a%a%b'),
        ...parseFilter('body=not.ilike.A_%'),
        ...parseFilter('body=not.match.^(a+)+$'),
      ];
      matchesFilters(filters, titled(evil), columns);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('answers the catastrophic ^(a+)+$ against 40 a and a bang, and still matches what it should', () => {
    // A backtracking engine takes 2^40 steps here; RE2 is linear in the text.
    expect(matchesFilters(parseFilter('body=match.^(a+)+$'), titled(evil), columns)).toBe(false);
    expect(matchesFilters(parseFilter('body=match.^(a+)+$'), titled('aaaa'), columns)).toBe(true);
    expect(matchesFilters(parseFilter('body=imatch.^HEL+o'), record, columns)).toBe(true);
  });

  it('rejects an unreadable regular expression when the subscriber joins, not on every change', () => {
    expect(() => parseFilter('body=match.(a')).toThrow(/Error parsing `filter` params/);
  });

  it('matches LIKE wildcards, escapes and case the way Postgres does', () => {
    expect(likeMatches('Hello, world', 'Hello%', false)).toBe(true);
    expect(likeMatches('Hello, world', '%o, w%', false)).toBe(true);
    expect(likeMatches('Hello, world', 'H_llo%', false)).toBe(true);
    expect(likeMatches('Hello, world', 'h%', false)).toBe(false);
    expect(likeMatches('Hello, world', 'h%D', true)).toBe(true);
    expect(likeMatches('100%', '100\\%', false)).toBe(true);
    expect(likeMatches('1000', '100\\%', false)).toBe(false);
    expect(likeMatches('', '%', false)).toBe(true);
    expect(likeMatches('ab', 'a_b', false)).toBe(false);
    expect(likeMatches(evil, '%a%a%a%a%a%a%a%a%a%a%b', false)).toBe(false);
  });
});
