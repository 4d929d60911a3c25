import { FormField } from '@/components/ui/form-field';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { KPI_LABELS, KPI_UNITS } from '../utils/labels';
import type { PlanFormValues } from '../utils/plan-form';
import type { StepProps } from './intent-step';
import { PlanField } from './plan-field';

/** Step 3: what "good" means — the primary KPI, its target and window, and an optional peak-demand window. */
export function SuccessStep({ values, errors, set }: StepProps) {
  return (
    <div className="grid gap-6">
      <section className="grid gap-4 sm:grid-cols-3">
        <FormField id="primary_kpi" label="Primary KPI" error={errors.primary_kpi}>
          <Select value={values.primary_kpi} onValueChange={(v) => set('primary_kpi', v as PlanFormValues['primary_kpi'])}>
            <SelectTrigger id="primary_kpi" aria-label="Primary KPI">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {Object.entries(KPI_LABELS).map(([value, label]) => (
                <SelectItem key={value} value={value}>
                  {label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </FormField>
        <PlanField id="kpi_target" label="Target" inputMode="decimal" value={values.kpi_target} onChange={(v) => set('kpi_target', v)} error={errors.kpi_target} hint={KPI_UNITS[values.primary_kpi]} placeholder="3" />
        <PlanField id="kpi_window_days" label="Time window (days)" inputMode="numeric" value={values.kpi_window_days} onChange={(v) => set('kpi_window_days', v)} error={errors.kpi_window_days} />
      </section>
      <section className="grid gap-4 sm:grid-cols-3">
        <div className="sm:col-span-3">
          <h3 className="text-sm font-semibold">Peak-demand window (optional)</h3>
          <p className="text-xs text-muted-foreground">A launch that slips past it is an operational failure the diagnosis will point at.</p>
        </div>
        <PlanField id="peak_start" label="Peak starts" type="date" value={values.peak_start} onChange={(v) => set('peak_start', v)} error={errors.peak_start} />
        <PlanField id="peak_end" label="Peak ends" type="date" value={values.peak_end} onChange={(v) => set('peak_end', v)} error={errors.peak_end} />
      </section>
    </div>
  );
}
