import { formatDate } from '@/lib/format';
import { scheduledLaunch } from '../utils/plan-form';
import type { StepProps } from './intent-step';
import { PhaseEditor } from './phase-editor';
import { PlanField } from './plan-field';

/** Step 2: how the campaign will run — the schedule and the phases with their resources. */
export function BlueprintStep({ values, errors, set }: StepProps) {
  const scheduled = scheduledLaunch(values);
  const totalDays = values.phases.reduce((sum, p) => sum + (Number(p.planned_days) || 0), 0);
  return (
    <div className="grid gap-6">
      <section className="grid gap-4 sm:grid-cols-3">
        <PlanField id="planned_start" label="Planned start" type="date" value={values.planned_start} onChange={(v) => set('planned_start', v)} error={errors.planned_start} hint="Phases are scheduled back to back from here." />
        <PlanField
          id="planned_launch"
          label="Planned launch"
          type="date"
          value={values.planned_launch}
          onChange={(v) => set('planned_launch', v)}
          error={errors.planned_launch}
          hint={scheduled ? `The schedule puts Launch on ${formatDate(scheduled)}; leave empty to use it.` : 'Leave empty to take the Launch phase’s start.'}
        />
        <div className="rounded-md border bg-muted/30 p-3 text-sm">
          <div className="text-xs uppercase tracking-wide text-muted-foreground">Total plan</div>
          <div className="text-2xl font-semibold tabular-nums">{totalDays} days</div>
          <div className="text-xs text-muted-foreground">{values.phases.length} phases</div>
        </div>
      </section>
      <PhaseEditor values={values} errors={errors} onChange={(phases) => set('phases', phases)} />
    </div>
  );
}
