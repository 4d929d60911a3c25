/**
 * The ad link a marketer pastes, read as Meta ids. Marketers paste what is in their address bar: Ads Manager
 * (`adsmanager.facebook.com/adsmanager/manage/campaigns?act=…&selected_campaign_ids=…`, the `business.facebook.com`
 * and `www.facebook.com` variants, `…/campaigns/edit?…`), an Ad Library link (`/ads/library/?id=…`), or a bare id
 * (`act_123`, `120210…`). Pure: no network, so the wizard can show what it understood on every keystroke.
 */

/** What a pasted link names. Ids are digit strings; the ad account keeps Meta's `act_` prefix. */
export interface MetaAdLinkIds {
  kind: 'ads_manager' | 'ad_library' | 'ad_account' | 'object_id';
  adAccountId: string | null;
  campaignIds: string[];
  adSetIds: string[];
  adIds: string[];
  /** An Ad Library archive id: public, not an ad id, so insights cannot be read from it. */
  libraryAdId: string | null;
}

export type MetaAdLinkResult = { ok: true; ids: MetaAdLinkIds } | { ok: false; reason: string };

const ID = /^\d{6,20}$/;
const ACCOUNT = /^act_(\d{6,20})$/i;
const META_HOSTS = /(^|\.)(facebook\.com|fb\.com)$/i;

function ids(value: string | null): string[] {
  if (!value) return [];
  // Ads Manager writes lists as "1,2" (sometimes URL-encoded "%2C") and occasionally with a trailing comma.
  return [...new Set(value.split(/[,\s]+/).map((s) => s.trim()).filter((s) => ID.test(s)))];
}

function account(value: string | null): string | null {
  if (!value) return null;
  const v = value.trim();
  if (ID.test(v)) return `act_${v}`;
  const m = ACCOUNT.exec(v);
  return m ? `act_${m[1]}` : null;
}

function empty(kind: MetaAdLinkIds['kind']): MetaAdLinkIds {
  return { kind, adAccountId: null, campaignIds: [], adSetIds: [], adIds: [], libraryAdId: null };
}

function parseUrl(text: string): URL | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    return new URL(withScheme);
  } catch {
    return null;
  }
}

/** Reads a pasted ad link or id into Meta ids, or says why it cannot (never throws). */
export function parseMetaAdLink(input: string): MetaAdLinkResult {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'Paste an Ads Manager link, an Ad Library link or a Meta id.' };

  const bareAccount = ACCOUNT.exec(text);
  if (bareAccount) return { ok: true, ids: { ...empty('ad_account'), adAccountId: `act_${bareAccount[1]}` } };
  if (ID.test(text)) return { ok: true, ids: { ...empty('object_id'), campaignIds: [text] } };
  if (/^\d+$/.test(text)) return { ok: false, reason: 'A Meta id has 6 to 20 digits.' };

  const url = parseUrl(text);
  if (!url || !url.hostname.includes('.')) return { ok: false, reason: 'This is neither a link nor a Meta id.' };
  if (!META_HOSTS.test(url.hostname)) return { ok: false, reason: `${url.hostname} is not a Meta (facebook.com) link.` };

  const q = url.searchParams;
  const path = url.pathname.toLowerCase();

  if (path.startsWith('/ads/library')) {
    const id = q.get('id')?.trim() ?? '';
    if (!/^\d{1,20}$/.test(id)) return { ok: false, reason: 'This Ad Library link has no ad id (…/ads/library/?id=…).' };
    return { ok: true, ids: { ...empty('ad_library'), libraryAdId: id } };
  }

  if (path.includes('/adsmanager') || path.includes('/ads/manager')) {
    const result: MetaAdLinkIds = {
      ...empty('ads_manager'),
      adAccountId: account(q.get('act')) ?? account(q.get('account_id')),
      campaignIds: ids(q.get('selected_campaign_ids')),
      adSetIds: ids(q.get('selected_adset_ids')),
      adIds: ids(q.get('selected_ad_ids')),
    };
    // The edit view names the object it opened without the "selected_" lists.
    const view = /\/manage\/(campaigns|adsets|ads)\b/.exec(path)?.[1];
    if (view === 'campaigns') result.campaignIds = [...new Set([...result.campaignIds, ...ids(q.get('campaign_id'))])];
    if (view === 'adsets') result.adSetIds = [...new Set([...result.adSetIds, ...ids(q.get('adset_id'))])];
    if (view === 'ads') result.adIds = [...new Set([...result.adIds, ...ids(q.get('ad_id'))])];
    if (!result.adAccountId && result.campaignIds.length + result.adSetIds.length + result.adIds.length === 0) {
      return { ok: false, reason: 'This Ads Manager link names no ad account or campaign: select the campaign, then copy the link.' };
    }
    return { ok: true, ids: result };
  }

  return { ok: false, reason: 'Paste a link from Ads Manager (adsmanager.facebook.com) or the Ad Library.' };
}

/** One line saying what a parsed link names, for the wizard ("Ad account act_1 · campaign 1202…"). */
export function describeMetaAdLink(ids: MetaAdLinkIds): string {
  const parts: string[] = [];
  if (ids.adAccountId) parts.push(`Ad account ${ids.adAccountId}`);
  const list = (label: string, values: string[]) => {
    if (values.length) parts.push(`${values.length === 1 ? label : `${label}s`} ${values.join(', ')}`);
  };
  list('campaign', ids.campaignIds);
  list('ad set', ids.adSetIds);
  list('ad', ids.adIds);
  if (ids.libraryAdId) parts.push(`Ad Library ad ${ids.libraryAdId} (public archive: connect the campaign's Ads Manager link for insights)`);
  return parts.join(' · ');
}
