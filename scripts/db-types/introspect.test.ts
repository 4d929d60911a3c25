import { describe, expect, it } from 'vitest';
import { allowedValues } from './introspect.ts';

describe('allowedValues', () => {
  it('reads the value list of a check (col in (…)) constraint as Postgres prints it', () => {
    expect(allowedValues('status', "CHECK ((status = ANY (ARRAY['draft'::text, 'planned'::text, 'active'::text])))")).toEqual(['draft', 'planned', 'active']);
  });

  it('reads a nullable column whose constraint allows null or the list', () => {
    expect(allowedValues('decision', "CHECK (((decision IS NULL) OR (decision = ANY (ARRAY['proceed'::text, 'pause'::text]))))")).toEqual(['proceed', 'pause']);
  });

  it('leaves any other shape a plain string', () => {
    expect(allowedValues('name', 'CHECK ((length(name) > 0))')).toBeNull();
    expect(allowedValues('status', "CHECK (((status = ANY (ARRAY['a'::text])) AND (other > 0)))")).toBeNull();
    expect(allowedValues('status', "CHECK ((other = ANY (ARRAY['a'::text])))")).toBeNull();
  });
});
