import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { formatDate } from '@/lib/format';
import { newPhaseKey, phaseStartDates, type PhaseDraft, type PlanFormValues } from '../utils/plan-form';

type Props = {
  values: PlanFormValues;
  errors: Record<string, string>;
  onChange: (phases: PhaseDraft[]) => void;
};

const NUMBER_FIELDS = [
  { field: 'planned_days', label: 'Days' },
  { field: 'required_assets', label: 'Assets' },
  { field: 'approvals_planned', label: 'Approvals' },
] as const;

/** The execution blueprint: phases to rename, reorder, add and remove, each with days, assets, approvals, teams and tools. */
export function PhaseEditor({ values, errors, onChange }: Props) {
  const phases = values.phases;
  const starts = phaseStartDates(values);
  const update = (index: number, patch: Partial<PhaseDraft>) => onChange(phases.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const move = (index: number, delta: number) => {
    const next = [...phases];
    const [item] = next.splice(index, 1);
    next.splice(index + delta, 0, item);
    onChange(next);
  };
  const remove = (index: number) => onChange(phases.filter((_, i) => i !== index));
  const add = () =>
    onChange([...phases, { key: newPhaseKey(), name: '', planned_days: '1', required_assets: '0', approvals_planned: '0', teams: '', tools: '' }]);

  return (
    <div className="grid gap-3">
      {errors.phases ? <p className="text-sm font-medium text-destructive">{errors.phases}</p> : null}
      <ol className="grid gap-3" aria-label="Execution phases">
        {phases.map((phase, index) => {
          const err = (field: string) => errors[`phases.${index}.${field}`];
          const rowId = `phase-${index}`;
          return (
            <li key={phase.key} className="rounded-lg border bg-card p-3" data-testid={`phase-editor-${index}`}>
              <div className="flex flex-wrap items-start gap-3">
                <span className="mt-2 flex size-6 shrink-0 items-center justify-center rounded-full bg-muted text-xs font-semibold text-muted-foreground">{index + 1}</span>
                <div className="grid min-w-40 flex-1 gap-1">
                  <label htmlFor={`${rowId}-name`} className="sr-only">
                    Phase {index + 1} name
                  </label>
                  <Input id={`${rowId}-name`} value={phase.name} placeholder="Phase name" aria-invalid={!!err('name')} onChange={(e) => update(index, { name: e.target.value })} />
                  <span className="text-xs text-muted-foreground">{starts[index] ? `Starts ${formatDate(starts[index])}` : 'Set a planned start to schedule'}</span>
                  {err('name') ? <span className="text-xs font-medium text-destructive">{err('name')}</span> : null}
                </div>
                {NUMBER_FIELDS.map(({ field, label }) => (
                  <div key={field} className="grid w-24 gap-1">
                    <label htmlFor={`${rowId}-${field}`} className="text-xs text-muted-foreground">
                      {label}
                    </label>
                    <Input
                      id={`${rowId}-${field}`}
                      type="number"
                      min={field === 'planned_days' ? 1 : 0}
                      value={phase[field]}
                      aria-label={`${phase.name || `Phase ${index + 1}`} ${label.toLowerCase()}`}
                      aria-invalid={!!err(field)}
                      onChange={(e) => update(index, { [field]: e.target.value })}
                    />
                    {err(field) ? <span className="text-xs font-medium text-destructive">{err(field)}</span> : null}
                  </div>
                ))}
                <div className="ml-auto flex gap-1">
                  <Button type="button" variant="ghost" size="icon-sm" aria-label={`Move ${phase.name || 'phase'} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                    <ArrowUp />
                  </Button>
                  <Button type="button" variant="ghost" size="icon-sm" aria-label={`Move ${phase.name || 'phase'} down`} disabled={index === phases.length - 1} onClick={() => move(index, 1)}>
                    <ArrowDown />
                  </Button>
                  <Button type="button" variant="ghost" size="icon-sm" aria-label={`Remove ${phase.name || 'phase'}`} disabled={phases.length === 1} onClick={() => remove(index)}>
                    <Trash2 />
                  </Button>
                </div>
              </div>
              <div className="mt-3 grid gap-3 pl-9 sm:grid-cols-2">
                <div className="grid gap-1">
                  <label htmlFor={`${rowId}-teams`} className="text-xs text-muted-foreground">
                    Teams
                  </label>
                  <Input id={`${rowId}-teams`} value={phase.teams} placeholder="Creative, Legal" aria-invalid={!!err('teams')} onChange={(e) => update(index, { teams: e.target.value })} />
                  {err('teams') ? <span className="text-xs font-medium text-destructive">{err('teams')}</span> : null}
                </div>
                <div className="grid gap-1">
                  <label htmlFor={`${rowId}-tools`} className="text-xs text-muted-foreground">
                    Tools &amp; platforms
                  </label>
                  <Input id={`${rowId}-tools`} value={phase.tools} placeholder="Figma, Meta Ads Manager" aria-invalid={!!err('tools')} onChange={(e) => update(index, { tools: e.target.value })} />
                  {err('tools') ? <span className="text-xs font-medium text-destructive">{err('tools')}</span> : null}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <Button type="button" variant="outline" size="sm" onClick={add} disabled={phases.length >= 20}>
          <Plus aria-hidden />
          Add phase
        </Button>
      </div>
    </div>
  );
}
