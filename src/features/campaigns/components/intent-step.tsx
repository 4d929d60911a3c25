import { FormField } from '@/components/ui/form-field';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { cn } from '@/lib/utils';
import { OBJECTIVE_LABELS, PLATFORM_LABELS } from '../utils/labels';
import type { PlanFormValues } from '../utils/plan-form';
import { AdLinkPreview } from './ad-link-preview';
import { PlanCheckbox, PlanField } from './plan-field';

type StepProps = {
  values: PlanFormValues;
  errors: Record<string, string>;
  set: <K extends keyof PlanFormValues>(key: K, value: PlanFormValues[K]) => void;
};

const OBJECTIVE_HINTS: Record<string, string> = {
  sales: 'Purchases and revenue',
  leads: 'Sign-ups and enquiries',
  awareness: 'Reach and engagement',
};

/** Step 1: the campaign's intent — what it is for, who it reaches, and how results will be tracked. */
export function IntentStep({ values, errors, set }: StepProps) {
  return (
    <div className="grid gap-6">
      <section className="grid gap-4 sm:grid-cols-2">
        <PlanField id="name" label="Campaign name" value={values.name} onChange={(v) => set('name', v)} error={errors.name} placeholder="Spring sale 2026" className="sm:col-span-2" autoFocus />
        <fieldset className="grid gap-1.5 sm:col-span-2">
          <legend className="mb-1.5 text-sm font-medium">Objective</legend>
          <div role="radiogroup" aria-label="Objective" className="grid gap-2 sm:grid-cols-3">
            {(['sales', 'leads', 'awareness'] as const).map((objective) => (
              <label
                key={objective}
                className={cn(
                  'flex cursor-pointer flex-col rounded-md border p-3 text-sm transition-colors hover:bg-muted/40',
                  values.objective === objective && 'border-primary bg-primary/5 ring-1 ring-primary',
                )}
              >
                <input type="radio" name="objective" value={objective} className="sr-only" checked={values.objective === objective} onChange={() => set('objective', objective)} />
                <span className="font-medium">{OBJECTIVE_LABELS[objective]}</span>
                <span className="text-xs text-muted-foreground">{OBJECTIVE_HINTS[objective]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <PlanField id="industry" label="Industry / category" value={values.industry} onChange={(v) => set('industry', v)} error={errors.industry} placeholder="Retail, Finance, Health…" hint="Used to pick benchmarks (regulated industries need longer approvals)." />
        <FormField id="platform" label="Platform" error={errors.platform}>
          <Select value={values.platform} onValueChange={(v) => set('platform', v as PlanFormValues['platform'])}>
            <SelectTrigger id="platform" aria-label="Platform">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {Object.entries(PLATFORM_LABELS).map(([value, label]) => (
                <SelectItem key={value} value={value}>
                  {label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </FormField>
        <div className="grid grid-cols-[1fr_7rem] gap-3">
          <PlanField id="budget" label="Budget" inputMode="decimal" value={values.budget} onChange={(v) => set('budget', v)} error={errors.budget} placeholder="5000" />
          <PlanField id="currency" label="Currency" value={values.currency} onChange={(v) => set('currency', v.toUpperCase())} error={errors.currency} maxLength={3} />
        </div>
        <div className="grid gap-1.5 sm:col-span-2">
          <PlanField
            id="ad_link"
            label="Ad link"
            value={values.ad_link}
            onChange={(v) => set('ad_link', v)}
            error={errors.ad_link}
            placeholder="https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=…&selected_campaign_ids=…"
            hint="Paste the campaign's Ads Manager link (or an Ad Library link, or an id): Meta data is imported for what it names."
          />
          <AdLinkPreview value={values.ad_link} />
        </div>
      </section>

      <section className="grid gap-4 sm:grid-cols-2">
        <h3 className="text-sm font-semibold sm:col-span-2">Audience</h3>
        <PlanField id="audience_locations" label="Locations" value={values.audience_locations} onChange={(v) => set('audience_locations', v)} error={errors['audience.locations']} placeholder="United States, Canada" hint="Comma-separated." />
        <div className="grid grid-cols-2 gap-3">
          <PlanField id="age_min" label="Age from" inputMode="numeric" value={values.age_min} onChange={(v) => set('age_min', v)} error={errors['audience.age_min']} placeholder="18" />
          <PlanField id="age_max" label="Age to" inputMode="numeric" value={values.age_max} onChange={(v) => set('age_max', v)} error={errors['audience.age_max']} placeholder="45" />
        </div>
        <PlanField id="audience_interests" label="Interests" value={values.audience_interests} onChange={(v) => set('audience_interests', v)} error={errors['audience.interests']} placeholder="Running, outdoor gear" hint="Comma-separated." className="sm:col-span-2" />
      </section>

      <section className="grid gap-4 sm:grid-cols-2">
        <h3 className="text-sm font-semibold sm:col-span-2">Tracking</h3>
        <PlanField id="meta_pixel_id" label="Meta Pixel ID" inputMode="numeric" value={values.meta_pixel_id} onChange={(v) => set('meta_pixel_id', v)} error={errors.meta_pixel_id} placeholder="123456789012345" />
        <PlanField id="ads_account_id" label="Ads account ID" value={values.ads_account_id} onChange={(v) => set('ads_account_id', v)} error={errors.ads_account_id} placeholder="act_1234567890" />
        <PlanCheckbox id="website_tracking" label="Website event tracking" hint="The tracker snippet reports purchases from your site." checked={values.website_tracking} onChange={(v) => set('website_tracking', v)} />
        <PlanField id="utm_campaign" label="utm_campaign" value={values.utm_campaign} onChange={(v) => set('utm_campaign', v)} error={errors.utm_campaign} placeholder="spring_sale" hint="The value your ad links carry; website visits landing with it count for this campaign." />
        <PlanCheckbox id="promo_tracking" label="Promo code tracking" hint="Sales attributed through campaign promo codes." checked={values.promo_tracking} onChange={(v) => set('promo_tracking', v)} />
        <PlanField id="promo_codes" label="Promo codes" value={values.promo_codes} onChange={(v) => set('promo_codes', v)} error={errors.promo_codes} placeholder="SPRING10, SPRING20" hint="Optional, comma-separated; unique in this workspace." className="sm:col-span-2" />
      </section>
    </div>
  );
}

export type { StepProps };
