/**
 * The campaign plan the wizard submits (docs/domain-rules.md, Feasibility: intent, execution blueprint, success definition), and
 * the campaign record shape the feasibility rules read. Error messages are written for the person filling the form.
 */
import { z } from 'zod';
import { isIsoDateOrTimestamp, toDayNumber } from './dates.ts';
import { objectiveSchema } from './benchmarks.ts';
import { defaultPhases, phaseKey } from './phases.ts';

export const PRIMARY_KPIS = ['sales', 'roas', 'cpa', 'engagement'] as const;
export const primaryKpiSchema = z.enum(PRIMARY_KPIS, { error: 'Primary KPI must be one of sales, ROAS, CPA, engagement' });
export type PrimaryKpi = z.infer<typeof primaryKpiSchema>;

const isoDate = (label: string) =>
  z
    .string({ error: `${label} must be a date` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date (YYYY-MM-DD)`)
    .refine(isIsoDateOrTimestamp, `${label} is not a real calendar date`);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

const wholeCount = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .default(0);

const nameList = (label: string) =>
  z
    .array(z.string().trim().min(1, `${label} entries cannot be empty`).max(80))
    .default([])
    .refine((list) => new Set(list.map((v) => v.toLowerCase())).size === list.length, `${label} are listed twice`);

/** One phase of the execution blueprint in the wizard. */
export const phasePlanSchema = z.object({
  name: z.string({ error: 'Phase name is required' }).trim().min(1, 'Phase name is required').max(80, 'Phase name is too long (80 characters max)'),
  planned_days: z
    .number({ error: 'Planned days must be a number' })
    .int('Planned days must be a whole number of days')
    .positive('Planned days must be greater than 0'),
  planned_start: isoDate('Planned start').nullish().transform((v) => v ?? null),
  required_assets: wholeCount('Required assets'),
  approvals_planned: wholeCount('Planned approvals'),
  teams: nameList('Teams'),
  tools: nameList('Tools'),
});

export const audienceSchema = z
  .object({
    description: optionalText(1000),
    locations: z.array(z.string().trim().min(1)).default([]),
    interests: z.array(z.string().trim().min(1)).default([]),
    age_min: z.number().int().min(13, 'Minimum age on Meta is 13').max(65).nullish(),
    age_max: z.number().int().min(13).max(65, 'Maximum age on Meta is 65 (65+)').nullish(),
  })
  .refine((a) => a.age_min == null || a.age_max == null || a.age_max >= a.age_min, {
    message: 'Maximum age must be at least the minimum age',
    path: ['age_max'],
  });

/** The campaign plan wizard: intent, blueprint, success definition. */
export const campaignPlanSchema = z
  .object({
    name: z.string({ error: 'Campaign name is required' }).trim().min(1, 'Campaign name is required').max(120, 'Campaign name is too long (120 characters max)'),
    objective: objectiveSchema,
    industry: z.string({ error: 'Industry is required' }).trim().min(1, 'Industry is required').max(80),
    budget: z.number({ error: 'Budget must be a number' }).positive('Budget must be greater than 0').finite(),
    currency: z
      .string({ error: 'Currency is required' })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'Currency must be a 3-letter ISO 4217 code, e.g. USD'),
    audience: audienceSchema.default({ description: null, locations: [], interests: [] }),
    platform: z.string().trim().min(1).default('meta'),
    meta_pixel_id: optionalText(40).refine((v) => v === null || /^\d{5,20}$/.test(v), 'Meta Pixel ID must be digits only'),
    ads_account_id: optionalText(40).refine(
      (v) => v === null || /^(act_)?\d{5,20}$/.test(v),
      'Ads account ID must be digits, optionally prefixed with act_',
    ),
    tracking: z
      .object({ website_events: z.boolean().default(false), promo_codes: z.boolean().default(false) })
      .default({ website_events: false, promo_codes: false }),
    planned_launch: isoDate('Planned launch').nullish().transform((v) => v ?? null),
    phases: z
      .array(phasePlanSchema)
      .min(1, 'Add at least one phase')
      .max(20, 'A campaign can have at most 20 phases')
      .superRefine((phases, ctx) => {
        const seen = new Set<string>();
        phases.forEach((p, index) => {
          const key = phaseKey(p.name);
          if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `Phase "${p.name}" is listed twice; phase names must be unique` });
          seen.add(key);
        });
      }),
    primary_kpi: primaryKpiSchema,
    kpi_target: z.number({ error: 'KPI target must be a number' }).positive('KPI target must be greater than 0').finite(),
    kpi_window_days: z
      .number({ error: 'KPI window must be a number of days' })
      .int('KPI window must be a whole number of days')
      .positive('KPI window must be at least 1 day'),
    peak_start: isoDate('Peak window start').nullish().transform((v) => v ?? null),
    peak_end: isoDate('Peak window end').nullish().transform((v) => v ?? null),
  })
  .superRefine((plan, ctx) => {
    if ((plan.peak_start === null) !== (plan.peak_end === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [plan.peak_start === null ? 'peak_start' : 'peak_end'],
        message: 'Give both the start and the end of the peak window, or neither',
      });
    } else if (plan.peak_start && plan.peak_end && toDayNumber(plan.peak_end) < toDayNumber(plan.peak_start)) {
      ctx.addIssue({ code: 'custom', path: ['peak_end'], message: 'Peak window end must be on or after its start' });
    }
  });

export type CampaignPlanInput = z.input<typeof campaignPlanSchema>;
export type CampaignPlan = z.output<typeof campaignPlanSchema>;

/** A blank plan pre-filled with the default blueprint, for the wizard's initial state. */
export function emptyCampaignPlan(): CampaignPlanInput {
  return {
    name: '',
    objective: 'sales',
    industry: '',
    budget: 0,
    currency: 'USD',
    phases: defaultPhases().map(({ name, planned_days, required_assets, approvals_planned, teams, tools }) => ({
      name,
      planned_days,
      required_assets,
      approvals_planned,
      teams,
      tools,
    })),
    primary_kpi: 'roas',
    kpi_target: 1,
    kpi_window_days: 30,
  };
}

export type PlanValidation =
  | { success: true; data: CampaignPlan; errors: Record<string, never> }
  | { success: false; data: null; errors: Record<string, string> };

/** Validates a plan for a form: field path ("phases.1.planned_days") → first message for it. */
export function validateCampaignPlan(input: unknown): PlanValidation {
  const result = campaignPlanSchema.safeParse(input);
  if (result.success) return { success: true, data: result.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    errors[path] ??= issue.message;
  }
  return { success: false, data: null, errors };
}

/**
 * The `campaigns` row fields the feasibility rules read. `tracking` is not a column: the caller derives it
 * (website snippet seen / promo codes exist); absent means not set up.
 */
export const campaignRecordSchema = z.object({
  id: z.string().nullish(),
  name: z.string().nullish(),
  objective: objectiveSchema,
  industry: z.string().nullish(),
  budget: z.number().nonnegative('budget cannot be negative').nullish(),
  currency: z.string().nullish(),
  planned_launch: z.string().refine(isIsoDateOrTimestamp, 'must be an ISO date (YYYY-MM-DD) or timestamp').nullish(),
  meta_pixel_id: z.string().nullish(),
  ads_account_id: z.string().nullish(),
  peak_start: z.string().refine(isIsoDateOrTimestamp, 'must be an ISO date').nullish(),
  peak_end: z.string().refine(isIsoDateOrTimestamp, 'must be an ISO date').nullish(),
  tracking: z
    .object({ website_events: z.boolean().nullish(), promo_codes: z.boolean().nullish() })
    .nullish(),
});
export type CampaignRecordInput = z.input<typeof campaignRecordSchema>;
export type CampaignRecord = z.output<typeof campaignRecordSchema>;
