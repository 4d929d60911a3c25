import { describe, expect, it } from 'vitest';
import { DomainInputError } from './dates.ts';
import { DEFAULT_PHASES, defaultPhaseName, defaultPhases, findLaunchPhase, findPhase, normalizePhases, phaseKey } from './phases.ts';

describe('phases', () => {
  it('offers the default blueprint from the seed, as fresh copies', () => {
    const phases = defaultPhases();
    expect(phases.map((p) => [p.name, p.planned_days, p.position])).toEqual([
      ['Planning', 3, 0],
      ['Creative', 5, 1],
      ['Compliance', 7, 2],
      ['Launch', 1, 3],
      ['Optimization', 14, 4],
    ]);
    phases[0].teams.push('X');
    expect(DEFAULT_PHASES[0].teams).toEqual(['Marketing']);
  });

  it('matches names case- and space-insensitively', () => {
    expect(phaseKey('  Creative   Review ')).toBe('creative review');
    expect(defaultPhaseName('COMPLIANCE')).toBe('Compliance');
    expect(defaultPhaseName('Influencers')).toBeNull();
  });

  it('normalises rows: defaults, trimming and order by position', () => {
    const phases = normalizePhases([
      { name: ' Creative ', position: 2, planned_days: 5, teams: null, required_assets: null },
      { name: 'Planning', position: 1, planned_days: 3 },
    ]);
    expect(phases.map((p) => p.name)).toEqual(['Planning', 'Creative']);
    expect(phases[1]).toMatchObject({ teams: [], tools: [], required_assets: 0, delivered_assets: 0, actual_start: null });
  });

  it('rejects duplicate positions and bad rows with the field path', () => {
    expect(() => normalizePhases([{ name: 'A', position: 0, planned_days: 1 }, { name: 'B', position: 0, planned_days: 1 }])).toThrow(/phases\[1\]\.position: Position 0 is used twice/);
    expect(() => normalizePhases([{ name: 'A', position: 1, planned_days: 1 }, { name: 'B', planned_days: 1 }])).toThrow(/positions collide/);
    expect(() => normalizePhases([{ name: '', planned_days: 1 }])).toThrow(/phases\[0\]\.name: Phase name is required/);
    expect(() => normalizePhases('nope')).toThrow(DomainInputError);
  });

  it('finds phases and the launch phase; an unknown name is an error', () => {
    const phases = normalizePhases([
      { name: 'Planning', planned_days: 1 },
      { name: 'Launch', planned_days: 1 },
      { name: 'Go live', planned_days: 1, is_launch: true },
    ]);
    expect(findPhase(phases, 'planning').name).toBe('Planning');
    expect(() => findPhase(phases, 'Review')).toThrow('Unknown phase "Review": this campaign has "Planning", "Launch", "Go live"');
    expect(findLaunchPhase(phases)?.name).toBe('Go live');
    expect(findLaunchPhase(phases, 'launch')?.name).toBe('Launch');
    expect(findLaunchPhase(phases.slice(0, 1))).toBeNull();
  });
});
