import { describe, expect, it } from 'vitest';
import { activityInstant, activityToCard, adsManagerUrl, metaActivitySchema } from './activities.ts';

const objects = new Map([
  ['120210000000000001', { campaignId: 'c1', level: 'campaign' as const }],
  ['120210000000000011', { campaignId: 'c1', level: 'ad_set' as const }],
  ['120210000000000111', { campaignId: 'c1', level: 'ad' as const, adSetName: 'Lookalike 1%' }],
]);

const activity = (over: Record<string, unknown>) =>
  metaActivitySchema.parse({
    event_type: 'update_ad_set_budget',
    event_time: '2026-11-20T14:03:11+0000',
    actor_id: '555',
    actor_name: 'Dana Buyer',
    object_id: '120210000000000011',
    object_name: 'Prospecting US',
    object_type: 'AD_SET',
    translated_event_type: 'Ad set budget updated',
    extra_data: JSON.stringify({ old_value: { old_value: 5000, currency: 'USD' }, new_value: { new_value: 10000, currency: 'USD' }, type: 'payment_amount' }),
    ...over,
  });

describe('activityToCard', () => {
  it('turns a budget change into a completed budget card with old and new values in money', () => {
    const result = activityToCard(activity({}), 'act_1234567890', objects);
    if (!('card' in result)) throw new Error(result.skip);
    expect(result.card).toMatchObject({
      campaign_id: 'c1',
      action_type: 'budget_adjustment',
      title: 'Ad set budget updated: Prospecting US',
      occurred_at: '2026-11-20T14:03:11.000Z',
      status: 'completed',
      actor_name: 'Dana Buyer',
      source: 'meta',
      external_id: '120210000000000011:update_ad_set_budget:2026-11-20T14:03:11.000Z',
      external_url: 'https://adsmanager.facebook.com/adsmanager/manage/adsets?act=1234567890&selected_adset_ids=120210000000000011',
    });
    expect(result.card.metadata).toMatchObject({ previous_state: { budget: 'USD 50.00' }, new_state: { budget: 'USD 100.00' }, affected_ad_sets: ['Prospecting US'] });
  });

  it('reads a pause as pause_ads and a resume as other', () => {
    const pause = activityToCard(activity({ event_type: 'update_campaign_run_status', object_id: '120210000000000001', object_type: 'CAMPAIGN_GROUP', extra_data: JSON.stringify({ old_value: 'Active', new_value: 'Paused' }) }), 'act_1', objects);
    const resume = activityToCard(activity({ event_type: 'update_campaign_run_status', object_id: '120210000000000001', extra_data: JSON.stringify({ old_value: 'Paused', new_value: 'Active' }) }), 'act_1', objects);
    expect('card' in pause && pause.card.action_type).toBe('pause_ads');
    expect('card' in pause && pause.card.metadata.new_state).toEqual({ status: 'Paused' });
    expect('card' in resume && resume.card.action_type).toBe('other');
  });

  it('flattens targeting objects and names the ad set of a changed ad', () => {
    const targeting = activityToCard(activity({ event_type: 'update_ad_set_target_spec', extra_data: JSON.stringify({ old_value: { age_min: 18, geo: { countries: ['US'] } }, new_value: { age_min: 25 } }) }), 'act_1', objects);
    expect('card' in targeting && targeting.card.metadata.previous_state).toEqual({ age_min: 18, geo: '{"countries":["US"]}' });
    const creative = activityToCard(activity({ event_type: 'update_ad_creative', object_id: '120210000000000111', object_type: 'AD', extra_data: '{"old_value":"Blue hero","new_value":"Red hero"}' }), 'act_1', objects);
    expect('card' in creative && creative.card).toMatchObject({ action_type: 'creative_change', metadata: { affected_ad_sets: ['Lookalike 1%'], new_state: { creative: 'Red hero' } } });
  });

  it('skips billing events, objects of other campaigns and unreadable times; bad extra_data gives empty states', () => {
    expect(activityToCard(activity({ event_type: 'ad_account_billing_charge' }), 'act_1', objects)).toEqual({ skip: 'not_a_campaign_change' });
    expect(activityToCard(activity({ object_id: '999999999' }), 'act_1', objects)).toEqual({ skip: 'object_not_tracked' });
    expect(activityToCard(activity({ event_time: 'yesterday' }), 'act_1', objects)).toEqual({ skip: 'unreadable_time' });
    const broken = activityToCard(activity({ extra_data: '{not json' }), 'act_1', objects);
    expect('card' in broken && broken.card.metadata.previous_state).toEqual({});
  });
});

describe('activity helpers', () => {
  it('reads Meta timestamps without a colon in the offset', () => {
    expect(activityInstant('2026-11-20T09:03:11-0500')).toBe('2026-11-20T14:03:11.000Z');
  });
  it('links back to the object in Ads Manager', () => {
    expect(adsManagerUrl('act_42', 'ad', '7')).toBe('https://adsmanager.facebook.com/adsmanager/manage/ads?act=42&selected_ad_ids=7');
  });
});
