/**
 * The severity scale alerts and feasibility risks share, and its one ranking: every list grouped by severity, every
 * "most severe alert" pick and every sort reads it from here.
 */

/** Severities, most severe first (the order lists and groups show them in). */
export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABELS: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** True for one of SEVERITIES (a stored value may be anything). */
export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** How severe: high 3, medium 2, low 1; anything else 0, below low. */
export function severityRank(severity: string | null | undefined): number {
  const index = (SEVERITIES as readonly (string | null | undefined)[]).indexOf(severity);
  return index < 0 ? 0 : SEVERITIES.length - index;
}

/** Sort comparator: most severe first. */
export function compareSeverity(a: string | null | undefined, b: string | null | undefined): number {
  return severityRank(b) - severityRank(a);
}
