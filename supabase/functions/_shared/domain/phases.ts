/**
 * Execution phases: the default blueprint, the zod schema of a `campaign_phases` row as the domain receives it,
 * and the helpers every rule uses to order, name and look phases up.
 */
import { z } from 'zod';
import { DomainInputError, isIsoDateOrTimestamp, toInstant } from './dates.ts';

export const DEFAULT_PHASE_NAMES = ['Planning', 'Creative', 'Compliance', 'Launch', 'Optimization'] as const;
export type DefaultPhaseName = (typeof DEFAULT_PHASE_NAMES)[number];

export interface PhaseTemplate {
  name: string;
  planned_days: number;
  required_assets: number;
  approvals_planned: number;
  teams: string[];
  tools: string[];
}

/** The customisable default blueprint (docs/domain-rules.md, Feasibility): durations from the spec's drift sample (Planning 3 days, …). */
export const DEFAULT_PHASES: readonly PhaseTemplate[] = Object.freeze([
  { name: 'Planning', planned_days: 3, required_assets: 0, approvals_planned: 1, teams: ['Marketing'], tools: [] },
  { name: 'Creative', planned_days: 5, required_assets: 6, approvals_planned: 1, teams: ['Creative'], tools: [] },
  { name: 'Compliance', planned_days: 7, required_assets: 0, approvals_planned: 2, teams: ['Legal'], tools: [] },
  { name: 'Launch', planned_days: 1, required_assets: 0, approvals_planned: 0, teams: ['Marketing'], tools: ['Meta Ads Manager'] },
  { name: 'Optimization', planned_days: 14, required_assets: 0, approvals_planned: 0, teams: ['Marketing'], tools: ['Meta Ads Manager'] },
]);

/** A fresh, mutable copy of the default blueprint (positions 0…4). */
export function defaultPhases(): (PhaseTemplate & { position: number })[] {
  return DEFAULT_PHASES.map((phase, position) => ({ ...phase, teams: [...phase.teams], tools: [...phase.tools], position }));
}

/** Case- and space-insensitive key of a phase name: history and benchmarks match phases by it. */
export function phaseKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The default phase a name refers to ("creative " → "Creative"), or null for a custom phase. */
export function defaultPhaseName(name: string): DefaultPhaseName | null {
  const key = phaseKey(name);
  return DEFAULT_PHASE_NAMES.find((n) => n.toLowerCase() === key) ?? null;
}

const isoDateOrTimestamp = z
  .string()
  .refine(isIsoDateOrTimestamp, { message: 'must be an ISO date (YYYY-MM-DD) or timestamp' });

const count = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .nullish()
    .transform((v) => v ?? 0);

const names = z
  .array(z.string().trim().min(1))
  .nullish()
  .transform((v) => v ?? []);

/** A `campaign_phases` row as the domain reads it (extra columns are ignored). */
export const phaseRowSchema = z
  .object({
    id: z.string().nullish(),
    name: z.string({ error: 'Phase name is required' }).trim().min(1, 'Phase name is required').max(80),
    position: z.number().int('position must be a whole number').min(0, 'position cannot be negative').nullish(),
    planned_start: isoDateOrTimestamp.nullish().transform((v) => v ?? null),
    planned_days: z
      .number({ error: 'planned_days must be a number' })
      .int('planned_days must be a whole number of days')
      .positive('planned_days must be greater than 0 (a negative or zero duration is not a plan)'),
    actual_start: isoDateOrTimestamp.nullish().transform((v) => v ?? null),
    actual_end: isoDateOrTimestamp.nullish().transform((v) => v ?? null),
    required_assets: count('required_assets'),
    delivered_assets: count('delivered_assets'),
    approvals_planned: count('approvals_planned'),
    approvals_actual: count('approvals_actual'),
    teams: names,
    tools: names,
    /** Marks a custom-named phase as the launch (default: the phase named Launch). */
    is_launch: z.boolean().nullish(),
  })
  .superRefine((row, ctx) => {
    if (row.actual_end && !row.actual_start) {
      ctx.addIssue({ code: 'custom', path: ['actual_end'], message: 'actual_end is set but actual_start is not' });
    }
    if (
      row.actual_start &&
      row.actual_end &&
      isIsoDateOrTimestamp(row.actual_start) &&
      isIsoDateOrTimestamp(row.actual_end) &&
      toInstant(row.actual_end, 'end') < toInstant(row.actual_start, 'start')) {
      ctx.addIssue({
        code: 'custom',
        path: ['actual_end'],
        message: `actual_end (${row.actual_end}) is before actual_start (${row.actual_start})`,
      });
    }
  });

export type PhaseRowInput = z.input<typeof phaseRowSchema>;
export type PhaseRow = z.output<typeof phaseRowSchema>;
/** A validated phase with its resolved position, as the rules use it. */
export type Phase = Omit<PhaseRow, 'position'> & { position: number };

/** A list of phases: unique names (case-insensitive) and unique positions. */
export const phaseListSchema = z
  .array(phaseRowSchema)
  .min(1, 'A campaign needs at least one phase')
  .superRefine((rows, ctx) => {
    const seenNames = new Map<string, number>();
    const seenPositions = new Map<number, number>();
    rows.forEach((row, index) => {
      const key = phaseKey(row.name);
      if (seenNames.has(key)) {
        ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `Phase name "${row.name}" is used twice` });
      }
      seenNames.set(key, index);
      if (row.position != null) {
        if (seenPositions.has(row.position)) {
          ctx.addIssue({ code: 'custom', path: [index, 'position'], message: `Position ${row.position} is used twice` });
        }
        seenPositions.set(row.position, index);
      }
    });
  });

/** Formats a zod error as one readable sentence per issue, prefixed with the field path. */
export function formatIssues(error: z.ZodError, label?: string): string {
  return error.issues
    .map((issue) => {
      const path = [label, ...issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))]
        .filter(Boolean)
        .join('.')
        .replace(/\.\[/g, '[');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** Parses with a schema and throws a DomainInputError naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, label?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new DomainInputError(formatIssues(result.error, label), label);
  return result.data;
}

/**
 * Validates phases and orders them by position; a phase without a position takes its index in the list.
 * Throws DomainInputError on bad rows, duplicate names or duplicate positions.
 */
export function normalizePhases(rows: unknown): Phase[] {
  const parsed = parseInput(phaseListSchema, rows, 'phases');
  const phases = parsed.map((row, index) => ({ ...row, position: row.position ?? index }));
  const positions = new Set(phases.map((p) => p.position));
  if (positions.size !== phases.length) {
    throw new DomainInputError('phases: positions collide (give every phase a position, or none)', 'phases');
  }
  return phases.sort((a, b) => a.position - b.position);
}

/** The phase with this name (case-insensitive); throws DomainInputError naming the known phases otherwise. */
export function findPhase<P extends { name: string }>(phases: readonly P[], name: string): P {
  const key = phaseKey(name);
  const found = phases.find((p) => phaseKey(p.name) === key);
  if (!found) {
    throw new DomainInputError(
      `Unknown phase "${name}": this campaign has ${phases.map((p) => `"${p.name}"`).join(', ') || 'no phases'}`,
      'phase',
    );
  }
  return found;
}

/**
 * The launch phase: the named one when `launchPhase` is given (unknown name → error), else the first phase flagged
 * `is_launch`, else the first phase named "Launch"; null when none.
 */
export function findLaunchPhase<P extends { name: string; is_launch?: boolean | null }>(
  phases: readonly P[],
  launchPhase?: string | null,
): P | null {
  if (launchPhase) return findPhase(phases, launchPhase);
  return phases.find((p) => p.is_launch === true) ?? phases.find((p) => phaseKey(p.name) === 'launch') ?? null;
}
