/**
 * Built-in industry benchmarks for Meta (Facebook + Instagram) campaign phases. Every number here is either taken
 * from a cited public source or is a stated assumption; docs/benchmarks.md lists which is which and why. They are
 * priors: a workspace's own history replaces them as soon as it holds enough finished campaigns.
 *
 * Kept as a .ts module (not .json) so Deno, Vite and Node import it the same way without import attributes.
 */

export interface PhaseBenchmarkData {
  /** Typical duration in days for a general-industry, sales-objective campaign. */
  days: number;
  /** Prior probability (0–1) that the phase runs past its planned days. */
  delay_probability: number;
  /** When it does run late, the typical overrun as a fraction of the planned days. */
  overrun_ratio_when_late: number;
  /** Where the number comes from (short form; details in docs/benchmarks.md). */
  basis: string;
}

export interface IndustryBenchmarkData {
  label: string;
  /** Lower-case names users type that mean this industry. */
  aliases: readonly string[];
  /** Multipliers on phase days, by phase key; missing = 1. */
  day_multipliers: Readonly<Record<string, number>>;
  /** Added to the phase's delay probability (capped to 0.05–0.95), by phase key. */
  delay_probability_shift: Readonly<Record<string, number>>;
  /** Multiplier on the length of one approval cycle (thresholds.feasibility.approvalCycleDays). */
  approval_cycle_multiplier: number;
  /** Regulated or Meta-restricted category: ads need legal/compliance sign-off. */
  regulated: boolean;
}

export const BENCHMARK_VERSION = '2025.1';

export const PHASE_BENCHMARKS: Readonly<Record<string, PhaseBenchmarkData>> = {
  planning: {
    days: 3,
    delay_probability: 0.25,
    overrun_ratio_when_late: 0.33,
    basis: 'assumption: seed blueprint sample (Planning 3 days); brief, audience and budget sign-off',
  },
  creative: {
    days: 5,
    delay_probability: 0.45,
    overrun_ratio_when_late: 0.4,
    basis: 'assumption: seed sample (Creative 5 days); most-often-late phase (revision rounds)',
  },
  compliance: {
    days: 5,
    delay_probability: 0.4,
    overrun_ratio_when_late: 0.4,
    basis: 'assumption: internal/legal review of one asset batch, 2 cycles of 2 days + buffer',
  },
  launch: {
    days: 1,
    delay_probability: 0.2,
    overrun_ratio_when_late: 1,
    basis: 'Meta Business Help Center, "About ads in review": most ads are reviewed within 24 hours',
  },
  optimization: {
    days: 14,
    delay_probability: 0.15,
    overrun_ratio_when_late: 0.25,
    basis:
      'Meta Business Help Center, "About the learning phase": ~50 optimisation events within 7 days; ' +
      'assumption: two learning windows',
  },
};

/** Priors for custom phases: no typical duration (no compression check), a neutral delay prior. */
export const CUSTOM_PHASE_BENCHMARK: Omit<PhaseBenchmarkData, 'days'> & { days: null } = {
  days: null,
  delay_probability: 0.3,
  overrun_ratio_when_late: 0.3,
  basis: 'assumption: neutral prior for custom phases',
};

/** Objective adjustments on phase days (assumptions; docs/benchmarks.md). */
export const OBJECTIVE_DAY_MULTIPLIERS: Readonly<Record<'sales' | 'leads' | 'awareness', Readonly<Record<string, number>>>> = {
  sales: {},
  // Lead forms need a privacy-policy link and data-handling review.
  leads: { compliance: 1.2 },
  // Awareness leans on video and more placements; reach/impression optimisation leaves learning sooner.
  awareness: { creative: 1.2, optimization: 0.5 },
};

export const INDUSTRY_BENCHMARKS: Readonly<Record<string, IndustryBenchmarkData>> = {
  general: {
    label: 'General',
    aliases: ['general', 'other', 'generic'],
    day_multipliers: {},
    delay_probability_shift: {},
    approval_cycle_multiplier: 1,
    regulated: false,
  },
  ecommerce: {
    label: 'E-commerce & retail',
    aliases: ['ecommerce', 'e-commerce', 'retail', 'fashion', 'apparel', 'beauty', 'cosmetics', 'consumer goods', 'dtc', 'd2c', 'cpg'],
    day_multipliers: { creative: 1.2, compliance: 0.6 },
    delay_probability_shift: { creative: 0.05 },
    approval_cycle_multiplier: 1,
    regulated: false,
  },
  food_beverage: {
    label: 'Food & beverage',
    aliases: ['food', 'food & beverage', 'food and beverage', 'f&b', 'restaurant', 'restaurants', 'hospitality'],
    day_multipliers: { creative: 1.1, compliance: 0.8 },
    delay_probability_shift: {},
    approval_cycle_multiplier: 1,
    regulated: false,
  },
  technology: {
    label: 'Technology & SaaS',
    aliases: ['technology', 'tech', 'saas', 'software', 'b2b', 'it'],
    day_multipliers: { compliance: 0.6 },
    delay_probability_shift: {},
    approval_cycle_multiplier: 1,
    regulated: false,
  },
  education: {
    label: 'Education',
    aliases: ['education', 'edtech', 'e-learning', 'elearning', 'courses'],
    day_multipliers: {},
    delay_probability_shift: {},
    approval_cycle_multiplier: 1,
    regulated: false,
  },
  travel: {
    label: 'Travel',
    aliases: ['travel', 'tourism', 'airline', 'hotel', 'hotels'],
    day_multipliers: {},
    delay_probability_shift: {},
    approval_cycle_multiplier: 1,
    regulated: false,
  },
  real_estate: {
    label: 'Real estate (Meta Special Ad Category: housing)',
    aliases: ['real estate', 'real-estate', 'property', 'housing', 'realty'],
    day_multipliers: { compliance: 1.2 },
    delay_probability_shift: { compliance: 0.05 },
    approval_cycle_multiplier: 1,
    regulated: true,
  },
  finance: {
    label: 'Financial services (Meta Special Ad Category: credit)',
    aliases: ['finance', 'financial', 'financial services', 'fintech', 'banking', 'bank', 'insurance', 'lending', 'credit', 'crypto', 'investment'],
    day_multipliers: { planning: 1.2, compliance: 1.6 },
    delay_probability_shift: { compliance: 0.15 },
    approval_cycle_multiplier: 1.5,
    regulated: true,
  },
  healthcare: {
    label: 'Healthcare & pharma',
    aliases: ['healthcare', 'health', 'medical', 'pharma', 'pharmaceutical', 'pharmaceuticals', 'clinic'],
    day_multipliers: { planning: 1.2, compliance: 2 },
    delay_probability_shift: { compliance: 0.2 },
    approval_cycle_multiplier: 2,
    regulated: true,
  },
  alcohol: {
    label: 'Alcohol (Meta restricted content)',
    aliases: ['alcohol', 'beer', 'wine', 'spirits', 'brewery', 'liquor'],
    day_multipliers: { compliance: 1.4 },
    delay_probability_shift: { compliance: 0.1 },
    approval_cycle_multiplier: 1.5,
    regulated: true,
  },
  gambling: {
    label: 'Gambling & gaming (Meta restricted content)',
    aliases: ['gambling', 'betting', 'casino', 'lottery', 'igaming'],
    day_multipliers: { compliance: 1.6 },
    delay_probability_shift: { compliance: 0.15 },
    approval_cycle_multiplier: 1.5,
    regulated: true,
  },
};
