import { describe, expect, it } from 'vitest';
import { describeMetaAdLink, parseMetaAdLink } from './ad-link.ts';

function ok(input: string) {
  const result = parseMetaAdLink(input);
  if (!result.ok) throw new Error(`expected ${input} to parse: ${result.reason}`);
  return result.ids;
}

describe('parseMetaAdLink', () => {
  it('reads the account and selected campaigns from an Ads Manager campaigns link', () => {
    const ids = ok('https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=1234567890&selected_campaign_ids=120210000000000001&nav_entry_point=lep_237');
    expect(ids).toEqual({
      kind: 'ads_manager',
      adAccountId: 'act_1234567890',
      campaignIds: ['120210000000000001'],
      adSetIds: [],
      adIds: [],
      libraryAdId: null,
    });
  });

  it('reads ad sets and ads, with several ids and URL-encoded commas', () => {
    const ids = ok('https://adsmanager.facebook.com/adsmanager/manage/ads?act=1234567890&selected_campaign_ids=120210000000000001&selected_adset_ids=120210000000000011%2C120210000000000012&selected_ad_ids=120210000000000111');
    expect(ids.campaignIds).toEqual(['120210000000000001']);
    expect(ids.adSetIds).toEqual(['120210000000000011', '120210000000000012']);
    expect(ids.adIds).toEqual(['120210000000000111']);
  });

  it('accepts the business.facebook.com and www.facebook.com variants', () => {
    expect(ok('https://business.facebook.com/adsmanager/manage/adsets?act=987654321&business_id=55&selected_adset_ids=120210000000000011').adSetIds).toEqual(['120210000000000011']);
    expect(ok('https://www.facebook.com/adsmanager/manage/campaigns?act=987654321').adAccountId).toBe('act_987654321');
  });

  it('reads the object an edit link opened', () => {
    const ids = ok('https://adsmanager.facebook.com/adsmanager/manage/campaigns/edit?act=1234567890&selected_campaign_ids=120210000000000001&campaign_id=120210000000000002');
    expect(ids.campaignIds).toEqual(['120210000000000001', '120210000000000002']);
  });

  it('accepts a link pasted without its scheme', () => {
    expect(ok('adsmanager.facebook.com/adsmanager/manage/campaigns?act=1234567890').adAccountId).toBe('act_1234567890');
  });

  it('reads an Ad Library link as a public archive id, not an ad id', () => {
    const ids = ok('https://www.facebook.com/ads/library/?id=987654321012345');
    expect(ids.kind).toBe('ad_library');
    expect(ids.libraryAdId).toBe('987654321012345');
    expect(ids.adIds).toEqual([]);
    expect(describeMetaAdLink(ids)).toContain('public archive');
  });

  it('reads bare ids: an ad account, or an object taken as the campaign', () => {
    expect(ok(' act_1234567890 ').adAccountId).toBe('act_1234567890');
    expect(ok('120210000000000001')).toMatchObject({ kind: 'object_id', campaignIds: ['120210000000000001'] });
  });

  it('says why a paste cannot be read', () => {
    const reason = (s: string) => {
      const r = parseMetaAdLink(s);
      return r.ok ? null : r.reason;
    };
    expect(reason('')).toMatch(/Paste/);
    expect(reason('123')).toMatch(/6 to 20 digits/);
    expect(reason('https://example.com/adsmanager/manage/campaigns?act=1234567890')).toMatch(/not a Meta/);
    expect(reason('https://www.facebook.com/ads/library/?q=shoes')).toMatch(/no ad id/);
    expect(reason('https://adsmanager.facebook.com/adsmanager/manage/campaigns')).toMatch(/names no ad account/);
    expect(reason('https://www.facebook.com/somepage')).toMatch(/Ads Manager/);
    expect(reason('not a link')).toMatch(/neither/);
  });

  it('describes what it understood in one line', () => {
    const ids = ok('https://adsmanager.facebook.com/adsmanager/manage/adsets?act=1234567890&selected_campaign_ids=120210000000000001&selected_adset_ids=120210000000000011,120210000000000012');
    expect(describeMetaAdLink(ids)).toBe('Ad account act_1234567890 · campaign 120210000000000001 · ad sets 120210000000000011, 120210000000000012');
  });
});
