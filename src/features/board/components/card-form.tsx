import { ACTION_TYPES, BOARD_COLUMNS, fieldLabel, type CardDraft } from '@domain/board.ts';
import { ArrowRight, Plus, X } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { fieldErrors } from '@/lib/form';
import { cardInputSchema, type CardInput } from '../api/create-card';
import type { BoardCampaign } from '../types';
import { fromLocalInput, toLocalInput } from '../utils/format';

/** The dialog's working copy of a card: a draft plus the campaign and when it happened. */
export type CardFormValues = CardDraft & { campaign_id: string; occurred_at: string };

type FieldName = keyof CardInput;

/**
 * The full card form (create and edit): campaign, type, title, description, when, column, impact, the changed
 * fields as previous → new rows, and the affected ad sets. The column is only chosen on create; moves do the rest.
 */
export function CardForm({
  initial,
  campaigns,
  lockedCampaignId,
  mode,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
  extraActions,
}: {
  initial: CardFormValues;
  campaigns: BoardCampaign[];
  lockedCampaignId?: string | null;
  mode: 'create' | 'edit';
  submitLabel: string;
  pending: boolean;
  onSubmit: (input: CardInput) => void;
  onCancel: () => void;
  extraActions?: React.ReactNode;
}) {
  const uid = useId();
  const [values, setValues] = useState<CardFormValues>(initial);
  const [adSets, setAdSets] = useState(initial.affected_ad_sets.join(', '));
  const [when, setWhen] = useState(toLocalInput(initial.occurred_at));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const set = <K extends keyof CardFormValues>(key: K, value: CardFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setChange = (i: number, patch: Partial<CardFormValues['changes'][number]>) =>
    setValues((v) => ({ ...v, changes: v.changes.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      ...values,
      campaign_id: lockedCampaignId ?? values.campaign_id,
      occurred_at: fromLocalInput(when),
      affected_ad_sets: adSets.split(',').map((s) => s.trim()).filter(Boolean),
    };
    const parsed = cardInputSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors<FieldName>(parsed.error));
      return;
    }
    setErrors({});
    onSubmit(parsed.data);
  };

  const id = (name: string) => `${uid}-${name}`;

  return (
    <form noValidate onSubmit={submit} className="grid gap-4" aria-label={mode === 'create' ? 'New action card' : 'Edit action card'}>
      {lockedCampaignId ? null : (
        <FormField id={id('campaign')} label="Campaign" error={errors.campaign_id}>
          <Select value={values.campaign_id || undefined} onValueChange={(v) => set('campaign_id', v)}>
            <SelectTrigger id={id('campaign')} aria-label="Campaign" aria-invalid={!!errors.campaign_id}>
              <SelectValue placeholder={campaigns.length ? 'Choose a campaign' : 'No campaigns yet'} />
            </SelectTrigger>
            <SelectContent>
              {campaigns.map((c) => (
                <SelectItem key={c.id} value={c.id}>
                  {c.name}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </FormField>
      )}

      <FormField id={id('title')} label="Title" error={errors.title}>
        <Input id={id('title')} value={values.title} onChange={(e) => set('title', e.target.value)} aria-invalid={!!errors.title} maxLength={200} />
      </FormField>

      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={id('type')} label="Action type">
          <Select value={values.action_type} onValueChange={(v) => set('action_type', v as CardFormValues['action_type'])}>
            <SelectTrigger id={id('type')} aria-label="Action type">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {ACTION_TYPES.map((t) => (
                <SelectItem key={t.id} value={t.id}>
                  {t.label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </FormField>
        <FormField id={id('when')} label="When" error={errors.occurred_at}>
          <Input id={id('when')} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} aria-invalid={!!errors.occurred_at} />
        </FormField>
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        {mode === 'create' ? (
          <FormField id={id('status')} label="Column">
            <Select value={values.status} onValueChange={(v) => set('status', v as CardFormValues['status'])}>
              <SelectTrigger id={id('status')} aria-label="Column">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {BOARD_COLUMNS.filter((c) => c.id !== 'reverted').map((c) => (
                  <SelectItem key={c.id} value={c.id}>
                    {c.title}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </FormField>
        ) : null}
        <FormField id={id('impact')} label="Observed impact">
          <Select value={values.impact} onValueChange={(v) => set('impact', v as CardFormValues['impact'])}>
            <SelectTrigger id={id('impact')} aria-label="Observed impact">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="neutral">Neutral / not known yet</SelectItem>
              <SelectItem value="positive">Positive</SelectItem>
              <SelectItem value="negative">Negative</SelectItem>
            </SelectContent>
          </Select>
        </FormField>
      </div>

      <fieldset className="grid gap-2 rounded-md border p-3">
        <legend className="px-1 text-sm font-medium">What changed</legend>
        {values.changes.length === 0 ? <p className="text-xs text-muted-foreground">No fields yet. Add the setting you changed.</p> : null}
        {values.changes.map((change, i) => (
          <div key={i} className="grid grid-cols-[minmax(0,7rem)_minmax(0,1fr)_auto_minmax(0,1fr)_auto] items-center gap-1.5" data-testid="change-row">
            <Input
              aria-label={`Field ${i + 1}`}
              value={change.field}
              placeholder="field"
              onChange={(e) => setChange(i, { field: e.target.value })}
              className="h-8 text-xs"
              title={change.field ? fieldLabel(change.field) : undefined}
            />
            <Input
              aria-label={`${fieldLabel(change.field || `field ${i + 1}`)} before`}
              value={change.from}
              placeholder="Before"
              onChange={(e) => setChange(i, { from: e.target.value })}
              className="h-8 text-xs"
            />
            <ArrowRight className="size-3.5 text-muted-foreground" aria-hidden />
            <Input
              aria-label={`${fieldLabel(change.field || `field ${i + 1}`)} after`}
              value={change.to}
              placeholder="After"
              onChange={(e) => setChange(i, { to: e.target.value })}
              className="h-8 text-xs"
            />
            <Button
              type="button"
              size="icon-sm"
              variant="ghost"
              aria-label={`Remove ${change.field || 'this field'}`}
              onClick={() => setValues((v) => ({ ...v, changes: v.changes.filter((_, j) => j !== i) }))}
            >
              <X />
            </Button>
          </div>
        ))}
        <Button
          type="button"
          variant="ghost"
          size="sm"
          className="justify-self-start text-xs"
          onClick={() => setValues((v) => ({ ...v, changes: [...v.changes, { field: '', from: '', to: '' }] }))}
        >
          <Plus aria-hidden />
          Add a changed field
        </Button>
      </fieldset>

      <FormField id={id('adsets')} label="Affected ad sets" hint="Comma-separated, e.g. Prospecting US, Retargeting 30d">
        <Input id={id('adsets')} value={adSets} onChange={(e) => setAdSets(e.target.value)} />
      </FormField>

      <FormField id={id('description')} label="Notes" error={errors.description}>
        <Textarea id={id('description')} value={values.description} onChange={(e) => set('description', e.target.value)} rows={3} />
      </FormField>

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center sm:justify-end">
        {extraActions ? <div className="mr-auto">{extraActions}</div> : null}
        <Button type="button" variant="outline" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
