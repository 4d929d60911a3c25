/**
 * The wizard's form values (strings, as inputs hold them) and their conversion to the domain's campaign plan,
 * validated with `campaignPlanSchema` step by step; plus the reverse, to resume a saved draft.
 */
import { addDays } from '@domain/dates.ts';
import { parseMetaAdLink } from '@domain/meta/ad-link.ts';
import { emptyCampaignPlan, validateCampaignPlan, type CampaignPlan, type CampaignPlanInput } from '@domain/campaign-plan.ts';
import type { CampaignPhase, Json } from '@/lib/db';
import type { CampaignDetail } from '../api/get-campaign';

export interface PhaseDraft {
  /** Stable key for React lists while phases are renamed and reordered. */
  key: string;
  name: string;
  planned_days: string;
  required_assets: string;
  approvals_planned: string;
  teams: string;
  tools: string;
}

export interface PlanFormValues {
  name: string;
  objective: 'sales' | 'leads' | 'awareness';
  industry: string;
  budget: string;
  currency: string;
  platform: 'meta' | 'google' | 'tiktok' | 'multi';
  ad_link: string;
  audience_locations: string;
  audience_interests: string;
  age_min: string;
  age_max: string;
  meta_pixel_id: string;
  ads_account_id: string;
  website_tracking: boolean;
  /** The utm_campaign value of the campaign's ad links: website visits landing with it count for this campaign. */
  utm_campaign: string;
  promo_tracking: boolean;
  promo_codes: string;
  planned_start: string;
  planned_launch: string;
  phases: PhaseDraft[];
  primary_kpi: 'sales' | 'roas' | 'cpa' | 'engagement';
  kpi_target: string;
  kpi_window_days: string;
  peak_start: string;
  peak_end: string;
}

export type WizardStep = 'intent' | 'blueprint' | 'success' | 'feasibility';
export const WIZARD_STEPS: { id: WizardStep; label: string }[] = [
  { id: 'intent', label: 'Intent' },
  { id: 'blueprint', label: 'Execution blueprint' },
  { id: 'success', label: 'Success definition' },
  { id: 'feasibility', label: 'Feasibility' },
];

/** Which error paths belong to which step (prefix match on "phases.1.planned_days" style paths). */
const STEP_FIELDS: Record<Exclude<WizardStep, 'feasibility'>, string[]> = {
  intent: ['name', 'objective', 'industry', 'budget', 'currency', 'audience', 'platform', 'ad_link', 'meta_pixel_id', 'ads_account_id', 'tracking', 'utm_campaign', 'promo_codes'],
  blueprint: ['phases', 'planned_launch', 'planned_start'],
  success: ['primary_kpi', 'kpi_target', 'kpi_window_days', 'peak_start', 'peak_end'],
};

let keySeq = 0;
export function newPhaseKey(): string {
  keySeq += 1;
  return `phase-${keySeq}-${Math.random().toString(36).slice(2, 7)}`;
}

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const num = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));
const optionalNum = (text: string): number | null => (text.trim() === '' ? null : Number(text));
const optionalText = (text: string) => (text.trim() === '' ? null : text.trim());

/** Blank values pre-filled with the default blueprint (Planning, Creative, Compliance, Launch, Optimization). */
export function emptyPlanValues(): PlanFormValues {
  const plan = emptyCampaignPlan();
  return {
    name: '',
    objective: 'sales',
    industry: '',
    budget: '',
    currency: 'USD',
    platform: 'meta',
    ad_link: '',
    audience_locations: '',
    audience_interests: '',
    age_min: '',
    age_max: '',
    meta_pixel_id: '',
    ads_account_id: '',
    website_tracking: false,
    utm_campaign: '',
    promo_tracking: false,
    promo_codes: '',
    planned_start: '',
    planned_launch: '',
    phases: (plan.phases ?? []).map((p) => ({
      key: newPhaseKey(),
      name: p.name,
      planned_days: String(p.planned_days),
      required_assets: String(p.required_assets ?? 0),
      approvals_planned: String(p.approvals_planned ?? 0),
      teams: (p.teams ?? []).join(', '),
      tools: (p.tools ?? []).join(', '),
    })),
    primary_kpi: 'roas',
    kpi_target: '',
    kpi_window_days: '30',
    peak_start: '',
    peak_end: '',
  };
}

/** Planned start of each phase: back to back from the campaign's planned start (null without one). */
export function phaseStartDates(values: Pick<PlanFormValues, 'planned_start' | 'phases'>): (string | null)[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.planned_start)) return values.phases.map(() => null);
  let cursor = values.planned_start;
  return values.phases.map((p) => {
    const start = cursor;
    const days = Number(p.planned_days);
    if (Number.isInteger(days) && days > 0) cursor = addDays(cursor, days);
    return start;
  });
}

/** The launch date the schedule implies: the planned start of the phase named Launch. */
export function scheduledLaunch(values: Pick<PlanFormValues, 'planned_start' | 'phases'>): string | null {
  const index = values.phases.findIndex((p) => p.name.trim().toLowerCase() === 'launch');
  return index < 0 ? null : phaseStartDates(values)[index];
}

/** The form values as the domain's plan input (numbers parsed, lists split, phase starts scheduled). */
export function toPlanInput(values: PlanFormValues): CampaignPlanInput {
  const starts = phaseStartDates(values);
  return {
    name: values.name,
    objective: values.objective,
    industry: values.industry,
    budget: num(values.budget) as number,
    currency: values.currency,
    platform: values.platform,
    audience: {
      description: null,
      locations: list(values.audience_locations),
      interests: list(values.audience_interests),
      age_min: optionalNum(values.age_min),
      age_max: optionalNum(values.age_max),
    },
    meta_pixel_id: optionalText(values.meta_pixel_id),
    ads_account_id: optionalText(values.ads_account_id),
    tracking: { website_events: values.website_tracking, promo_codes: values.promo_tracking || list(values.promo_codes).length > 0 },
    planned_launch: optionalText(values.planned_launch) ?? scheduledLaunch(values),
    phases: values.phases.map((p, i) => ({
      name: p.name,
      planned_days: num(p.planned_days) as number,
      planned_start: starts[i],
      required_assets: num(p.required_assets) ?? 0,
      approvals_planned: num(p.approvals_planned) ?? 0,
      teams: list(p.teams),
      tools: list(p.tools),
    })),
    primary_kpi: values.primary_kpi,
    kpi_target: num(values.kpi_target) as number,
    kpi_window_days: num(values.kpi_window_days) as number,
    peak_start: optionalText(values.peak_start),
    peak_end: optionalText(values.peak_end),
  };
}

/** Checks the wizard adds on top of the plan schema (fields the plan does not carry, DB rules it is looser on). */
function extraErrors(values: PlanFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.ad_link.trim()) {
    const parsed = parseMetaAdLink(values.ad_link);
    if (!parsed.ok) errors.ad_link = parsed.reason;
  }
  if (values.meta_pixel_id.trim() && !/^\d{6,20}$/.test(values.meta_pixel_id.trim())) errors.meta_pixel_id = 'Meta Pixel ID must be 6–20 digits';
  if (values.utm_campaign.trim().length > 128) errors.utm_campaign = 'utm_campaign is at most 128 characters';
  const bad = list(values.promo_codes).find((c) => !/^[A-Z0-9_-]{3,32}$/.test(c.toUpperCase()));
  if (bad) errors.promo_codes = `“${bad}” is not a valid promo code (3–32 letters, digits, - or _)`;
  if (values.planned_start.trim() && !/^\d{4}-\d{2}-\d{2}$/.test(values.planned_start)) errors.planned_start = 'Planned start must be a date';
  return errors;
}

export type StepValidation = { ok: true; plan: CampaignPlan | null } | { ok: false; errors: Record<string, string> };

/** Validates the fields of one step (errors of later steps are ignored); on the last form step, the whole plan. */
export function validateStep(values: PlanFormValues, step: Exclude<WizardStep, 'feasibility'>): StepValidation {
  const result = validateCampaignPlan(toPlanInput(values));
  const all = { ...(result.success ? {} : result.errors), ...extraErrors(values) };
  const prefixes = STEP_FIELDS[step];
  const errors = Object.fromEntries(Object.entries(all).filter(([path]) => prefixes.some((p) => path === p || path.startsWith(`${p}.`))));
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, plan: result.success ? result.data : null };
}

function audienceOf(audience: Json): { locations?: string[]; interests?: string[]; age_min?: number | null; age_max?: number | null } {
  return audience && typeof audience === 'object' && !Array.isArray(audience) ? (audience as never) : {};
}

/** Form values of a saved draft, to resume the wizard where it was left. */
export function valuesFromCampaign(campaign: CampaignDetail): PlanFormValues {
  const empty = emptyPlanValues();
  const audience = audienceOf(campaign.audience);
  const phases: CampaignPhase[] = campaign.campaign_phases;
  return {
    ...empty,
    name: campaign.name,
    objective: campaign.objective as PlanFormValues['objective'],
    industry: campaign.industry ?? '',
    budget: campaign.budget === null ? '' : String(campaign.budget),
    currency: campaign.currency,
    platform: campaign.platform as PlanFormValues['platform'],
    ad_link: campaign.ad_link ?? (campaign.meta_campaign_ids[0] ?? ''),
    audience_locations: (audience.locations ?? []).join(', '),
    audience_interests: (audience.interests ?? []).join(', '),
    age_min: audience.age_min == null ? '' : String(audience.age_min),
    age_max: audience.age_max == null ? '' : String(audience.age_max),
    meta_pixel_id: campaign.meta_pixel_id ?? '',
    ads_account_id: campaign.ads_account_id ?? '',
    website_tracking: campaign.website_tracking,
    utm_campaign: campaign.utm_campaign ?? '',
    promo_tracking: campaign.promo_tracking,
    promo_codes: campaign.promo_codes.map((p) => p.code).join(', '),
    planned_start: phases[0]?.planned_start ?? '',
    planned_launch: campaign.planned_launch ?? '',
    phases:
      phases.length > 0
        ? phases.map((p) => ({
            key: newPhaseKey(),
            name: p.name,
            planned_days: String(p.planned_days),
            required_assets: String(p.required_assets),
            approvals_planned: String(p.approvals_planned),
            teams: p.teams.join(', '),
            tools: p.tools.join(', '),
          }))
        : empty.phases,
    primary_kpi: (campaign.primary_kpi as PlanFormValues['primary_kpi'] | null) ?? empty.primary_kpi,
    kpi_target: campaign.kpi_target === null ? '' : String(campaign.kpi_target),
    kpi_window_days: campaign.kpi_window_days === null ? empty.kpi_window_days : String(campaign.kpi_window_days),
    peak_start: campaign.peak_start ?? '',
    peak_end: campaign.peak_end ?? '',
  };
}

/** The step a resumed draft opens on: the first one whose fields are not complete yet. */
export function resumeStep(campaign: CampaignDetail): WizardStep {
  if (campaign.campaign_phases.length === 0) return 'blueprint';
  if (!campaign.primary_kpi || campaign.kpi_target === null || campaign.kpi_window_days === null) return 'success';
  return 'feasibility';
}

/** The promo codes typed in the intent step, upper-cased. */
export function promoCodesOf(values: PlanFormValues): string[] {
  return list(values.promo_codes).map((c) => c.toUpperCase());
}

/**
 * What the ad link names, as campaign columns: the link itself when it is a web address (a bare id is not), and
 * the Meta ids the sync reads (ad account, campaigns, ad sets, ads). An unreadable link stores no ids.
 */
export function adLinkColumns(values: Pick<PlanFormValues, 'ad_link'>) {
  const text = values.ad_link.trim();
  const parsed = text ? parseMetaAdLink(text) : null;
  const ids = parsed?.ok ? parsed.ids : null;
  return {
    ad_link: /^https?:\/\//i.test(text) ? text : ids?.kind === 'ads_manager' || ids?.kind === 'ad_library' ? `https://${text}` : null,
    ads_account_id: ids?.adAccountId ?? null,
    meta_campaign_ids: ids?.campaignIds ?? [],
    meta_adset_ids: ids?.adSetIds ?? [],
    meta_ad_ids: ids?.adIds ?? [],
  };
}

/** The campaigns columns step 1 saves (valid once validateStep(values, 'intent') passes). */
export function intentRow(values: PlanFormValues) {
  const plan = toPlanInput(values);
  return {
    name: values.name.trim(),
    objective: values.objective,
    industry: values.industry.trim(),
    budget: plan.budget,
    currency: values.currency.trim().toUpperCase(),
    platform: values.platform,
    ...adLinkColumns(values),
    audience: {
      locations: list(values.audience_locations),
      interests: list(values.audience_interests),
      age_min: optionalNum(values.age_min),
      age_max: optionalNum(values.age_max),
    },
    meta_pixel_id: optionalText(values.meta_pixel_id),
    ads_account_id: optionalText(values.ads_account_id) ?? adLinkColumns(values).ads_account_id,
    website_tracking: values.website_tracking,
    utm_campaign: optionalText(values.utm_campaign),
    promo_tracking: values.promo_tracking || list(values.promo_codes).length > 0,
  };
}

/** The phases and planned launch step 2 saves (valid once validateStep(values, 'blueprint') passes). */
export function blueprintRows(values: PlanFormValues) {
  const plan = toPlanInput(values);
  return {
    plannedLaunch: plan.planned_launch ?? null,
    phases: (plan.phases ?? []).map((p, position) => ({
      name: p.name.trim(),
      position,
      planned_start: p.planned_start ?? null,
      planned_days: p.planned_days,
      required_assets: p.required_assets ?? 0,
      approvals_planned: p.approvals_planned ?? 0,
      teams: p.teams ?? [],
      tools: p.tools ?? [],
    })),
  };
}

/** The success definition step 3 saves. */
export function successRow(values: PlanFormValues) {
  const plan = toPlanInput(values);
  return {
    primary_kpi: values.primary_kpi,
    kpi_target: plan.kpi_target,
    kpi_window_days: plan.kpi_window_days,
    peak_start: plan.peak_start ?? null,
    peak_end: plan.peak_end ?? null,
  };
}
