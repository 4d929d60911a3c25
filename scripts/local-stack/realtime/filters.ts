// postgres_changes filters: `col=op.value`, comma-separated and ANDed, as realtime-js builds them
// (RealtimePostgresFilterBuilder): values containing `,()"\` or edge spaces are double-quoted with `\` escapes.
// Filters run on every change for every subscriber before the RLS check, so no operator may build a backtracking
// RegExp from client text: LIKE is a linear wildcard match and `match`/`imatch` go through RE2.

import { RE2JS } from 're2js';

export type FilterOperator =
  | 'eq'
  | 'neq'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'in'
  | 'like'
  | 'ilike'
  | 'match'
  | 'imatch'
  | 'is'
  | 'isdistinct';

export interface ColumnFilter {
  column: string;
  operator: FilterOperator;
  negate: boolean;
  /** One value, or the list for `in`; `null` stands for the literal null. */
  values: (string | null)[];
  /** `match`/`imatch` only: the RE2 program, compiled once when the subscriber joins. */
  pattern?: RE2JS;
}

export interface ColumnType {
  name: string;
  type: string;
}

const OPERATORS = new Set<string>([
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'like',
  'ilike',
  'match',
  'imatch',
  'is',
  'isdistinct',
]);

/** Splits on `sep` outside double quotes and parentheses. */
function splitTopLevel(input: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      current += ch;
      if (ch === '\\' && i + 1 < input.length) current += input[++i];
      else if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (ch === sep && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function unquote(raw: string): string | null {
  const value = raw;
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return value === 'null' ? null : value;
}

/** Parses a realtime-js filter string; throws on anything it cannot read. */
export function parseFilter(filter: string | undefined | null): ColumnFilter[] {
  if (filter === undefined || filter === null || filter.trim() === '') return [];
  return splitTopLevel(filter, ',').map((part) => {
    const eqAt = part.indexOf('=');
    if (eqAt <= 0) throw new Error(`Error parsing \`filter\` params: ${part}`);
    const column = part.slice(0, eqAt).trim();
    let rest = part.slice(eqAt + 1);
    let negate = false;
    if (rest.startsWith('not.')) {
      negate = true;
      rest = rest.slice(4);
    }
    const dot = rest.indexOf('.');
    const operator = dot > 0 ? rest.slice(0, dot) : '';
    if (!OPERATORS.has(operator)) throw new Error(`Error parsing \`filter\` params: ${part}`);
    const rawValue = rest.slice(dot + 1);
    let values: (string | null)[];
    if (operator === 'in') {
      if (!rawValue.startsWith('(') || !rawValue.endsWith(')')) {
        throw new Error(`Error parsing \`filter\` params: ${part}`);
      }
      values = splitTopLevel(rawValue.slice(1, -1), ',').map(unquote);
    } else values = [unquote(rawValue)];
    const parsed: ColumnFilter = { column, operator: operator as FilterOperator, negate, values };
    if ((operator === 'match' || operator === 'imatch') && values[0] !== null) {
      parsed.pattern = compileMatch(values[0], operator === 'imatch');
    }
    return parsed;
  });
}

const NUMERIC_TYPES = /^(int2|int4|int8|float4|float8|numeric|oid|money)$/;
const TIME_TYPES = /^(date|timestamp|timestamptz)$/;

function scalarText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Compares a record value with a filter literal the way Postgres would for the column's type. */
function compare(value: unknown, literal: string, type: string): number | null {
  const text = scalarText(value);
  if (text === null) return null;
  if (NUMERIC_TYPES.test(type)) {
    const a = Number(text);
    const b = Number(literal);
    if (Number.isNaN(a) || Number.isNaN(b)) return null;
    return a === b ? 0 : a < b ? -1 : 1;
  }
  if (type === 'bool') {
    const truthy = (s: string) => ['t', 'true', 'y', 'yes', 'on', '1'].includes(s.toLowerCase());
    return truthy(text) === truthy(literal) ? 0 : truthy(text) ? 1 : -1;
  }
  if (TIME_TYPES.test(type)) {
    const a = Date.parse(text);
    const b = Date.parse(literal);
    if (!Number.isNaN(a) && !Number.isNaN(b)) return a === b ? 0 : a < b ? -1 : 1;
  }
  if (type === 'uuid') {
    const a = text.toLowerCase();
    const b = literal.toLowerCase();
    return a === b ? 0 : a < b ? -1 : 1;
  }
  return text === literal ? 0 : text < literal ? -1 : 1;
}

/**
 * SQL LIKE without regular expressions: `%` (or PostgREST's `*`) is any run, `_` one character, `\\` escapes.
 * The classic two-pointer wildcard match, which remembers only the last `%`, so it is O(text × pattern) at worst
 * and never backtracks exponentially, whatever the pattern.
 */
export function likeMatches(text: string, pattern: string, caseInsensitive: boolean): boolean {
  type Token = { kind: 'any' } | { kind: 'one' } | { kind: 'char'; ch: string };
  const fold = (ch: string) => (caseInsensitive ? ch.toLowerCase() : ch);
  const tokens: Token[] = [];
  const pat = Array.from(pattern);
  for (let i = 0; i < pat.length; i++) {
    const ch = pat[i];
    if (ch === '\\' && i + 1 < pat.length) tokens.push({ kind: 'char', ch: fold(pat[++i]) });
    else if (ch === '%' || ch === '*') {
      if (tokens.at(-1)?.kind !== 'any') tokens.push({ kind: 'any' });
    } else if (ch === '_') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', ch: fold(ch) });
  }
  const chars = Array.from(text, fold);
  let t = 0;
  let p = 0;
  let starAt = -1;
  let starText = 0;
  while (t < chars.length) {
    const token = tokens[p];
    if (token && (token.kind === 'one' || (token.kind === 'char' && token.ch === chars[t]))) {
      t++;
      p++;
    } else if (token?.kind === 'any') {
      starAt = p++;
      starText = t;
    } else if (starAt >= 0) {
      p = starAt + 1;
      t = ++starText;
    } else return false;
  }
  while (tokens[p]?.kind === 'any') p++;
  return p === tokens.length;
}

/** Longest `match`/`imatch` pattern accepted; RE2 is linear in the text, but the program grows with the pattern. */
const MAX_PATTERN_LENGTH = 1000;

/**
 * POSIX-style `~` / `~*` through RE2 (re2js), which runs in time linear in the text: a client-written pattern can
 * never stall the gateway the way a backtracking `new RegExp` could (`^(a+)+$` against "aaa…!").
 */
function compileMatch(pattern: string, caseInsensitive: boolean): RE2JS {
  if (pattern.length > MAX_PATTERN_LENGTH) throw new Error(`Error parsing \`filter\` params: pattern too long`);
  try {
    return RE2JS.compile(pattern, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
  } catch {
    throw new Error(`Error parsing \`filter\` params: invalid regular expression ${pattern}`);
  }
}

function matchesOne(filter: ColumnFilter, value: unknown, type: string): boolean {
  const literal = filter.values[0];
  switch (filter.operator) {
    case 'is': {
      const l = literal === null ? 'null' : literal.toLowerCase();
      if (l === 'null') return value === null || value === undefined;
      if (l === 'true') return value === true || value === 't' || value === 'true';
      if (l === 'false') return value === false || value === 'f' || value === 'false';
      if (l === 'unknown') return value === null || value === undefined;
      return false;
    }
    case 'isdistinct': {
      if (literal === null) return value !== null && value !== undefined;
      if (value === null || value === undefined) return true;
      return compare(value, literal, type) !== 0;
    }
    case 'in':
      return filter.values.some((v) => v !== null && compare(value, v, type) === 0);
    case 'like':
    case 'ilike': {
      const text = scalarText(value);
      if (text === null || literal === null) return false;
      return likeMatches(text, literal, filter.operator === 'ilike');
    }
    case 'match':
    case 'imatch': {
      const text = scalarText(value);
      if (text === null || !filter.pattern) return false;
      return filter.pattern.matcher(text).find();
    }
    default: {
      if (literal === null) return false;
      const c = compare(value, literal, type);
      if (c === null) return false;
      switch (filter.operator) {
        case 'eq':
          return c === 0;
        case 'neq':
          return c !== 0;
        case 'lt':
          return c < 0;
        case 'lte':
          return c <= 0;
        case 'gt':
          return c > 0;
        case 'gte':
          return c >= 0;
        default:
          return false;
      }
    }
  }
}

/**
 * True when the record passes every filter. With `missingPasses` a column absent from the record passes:
 * DELETE records carry only the primary key, and hosted Supabase does not filter deletes either.
 */
export function matchesFilters(
  filters: ColumnFilter[],
  record: Record<string, unknown> | null,
  columns: ColumnType[],
  missingPasses = false,
): boolean {
  if (filters.length === 0) return true;
  if (!record) return missingPasses;
  return filters.every((f) => {
    if (!(f.column in record)) return missingPasses;
    const type = columns.find((c) => c.name === f.column)?.type ?? 'text';
    const result = matchesOne(f, record[f.column], type);
    return f.negate ? !result : result;
  });
}
