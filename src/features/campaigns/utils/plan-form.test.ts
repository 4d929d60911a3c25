import { describe, expect, it } from 'vitest';
import { adLinkColumns, blueprintRows, emptyPlanValues, intentRow, phaseStartDates, scheduledLaunch, validateStep, type PlanFormValues } from './plan-form';

function filled(): PlanFormValues {
  return {
    ...emptyPlanValues(),
    name: 'Spring sale',
    industry: 'Retail',
    budget: '5000',
    planned_start: '2026-03-01',
    kpi_target: '3',
  };
}

describe('plan form', () => {
  it('starts from the default five-phase blueprint', () => {
    expect(emptyPlanValues().phases.map((p) => p.name)).toEqual(['Planning', 'Creative', 'Compliance', 'Launch', 'Optimization']);
  });

  it('reports only the current step’s errors', () => {
    const values = { ...emptyPlanValues(), name: '', budget: 'abc' };
    const intent = validateStep(values, 'intent');
    expect(intent.ok).toBe(false);
    if (!intent.ok) {
      expect(intent.errors.name).toBe('Campaign name is required');
      expect(intent.errors.budget).toBeDefined();
      expect(intent.errors.kpi_target).toBeUndefined();
    }
    expect(validateStep(values, 'blueprint').ok).toBe(true);
  });

  it('refuses a zero-day phase and duplicate phase names with messages for the person', () => {
    const values = filled();
    values.phases[1] = { ...values.phases[1], planned_days: '0' };
    values.phases[2] = { ...values.phases[2], name: 'planning' };
    const result = validateStep(values, 'blueprint');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors['phases.1.planned_days']).toBe('Planned days must be greater than 0');
      expect(result.errors['phases.2.name']).toContain('listed twice');
    }
  });

  it('schedules phases back to back and derives the launch date', () => {
    const values = filled();
    expect(phaseStartDates(values)).toEqual(['2026-03-01', '2026-03-04', '2026-03-09', '2026-03-16', '2026-03-17']);
    expect(scheduledLaunch(values)).toBe('2026-03-16');
    expect(blueprintRows(values).plannedLaunch).toBe('2026-03-16');
    expect(blueprintRows({ ...values, planned_launch: '2026-03-20' }).plannedLaunch).toBe('2026-03-20');
  });

  it('checks what the database is stricter on: pixel digits, ad link, promo codes', () => {
    const values = { ...filled(), meta_pixel_id: '12345', ad_link: 'facebook.com/ad', promo_codes: 'SPRING10, x' };
    const result = validateStep(values, 'intent');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual(['ad_link', 'meta_pixel_id', 'promo_codes']);
    }
  });

  it('accepts a complete plan on the success step', () => {
    expect(validateStep(filled(), 'success').ok).toBe(true);
    const result = validateStep({ ...filled(), peak_start: '2026-04-10', peak_end: '2026-04-01' }, 'success');
    expect(result.ok).toBe(false);
  });
});

describe('utm_campaign in the intent', () => {
  it('is saved trimmed, empty as none, and refused past 128 characters on the intent step', () => {
    expect(intentRow({ ...filled(), utm_campaign: '  spring_sale ' }).utm_campaign).toBe('spring_sale');
    expect(intentRow({ ...filled(), utm_campaign: '   ' }).utm_campaign).toBeNull();
    const result = validateStep({ ...filled(), utm_campaign: 'x'.repeat(129) }, 'intent');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toEqual(['utm_campaign']);
  });
});

describe('adLinkColumns', () => {
  it('stores the link and the Meta ids it names', () => {
    expect(adLinkColumns({ ad_link: 'https://adsmanager.facebook.com/adsmanager/manage/adsets?act=1234567890&selected_campaign_ids=120210000000000001&selected_adset_ids=120210000000000011' })).toEqual({
      ad_link: 'https://adsmanager.facebook.com/adsmanager/manage/adsets?act=1234567890&selected_campaign_ids=120210000000000001&selected_adset_ids=120210000000000011',
      ads_account_id: 'act_1234567890',
      meta_campaign_ids: ['120210000000000001'],
      meta_adset_ids: ['120210000000000011'],
      meta_ad_ids: [],
    });
  });

  it('keeps a bare id as ids only, and stores no ids for an unreadable link', () => {
    expect(adLinkColumns({ ad_link: '120210000000000001' })).toMatchObject({ ad_link: null, meta_campaign_ids: ['120210000000000001'] });
    expect(adLinkColumns({ ad_link: 'https://example.com/x' })).toMatchObject({ ad_link: 'https://example.com/x', meta_campaign_ids: [], ads_account_id: null });
  });
});
