import type * as React from 'react';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';

/** A labelled input bound to one form value, showing its validation message under it. */
export function PlanField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  className,
  ...inputProps
}: {
  id: string;
  label: React.ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: React.ReactNode;
  className?: string;
} & Omit<React.ComponentProps<'input'>, 'value' | 'onChange' | 'id'>) {
  return (
    <FormField id={id} label={label} error={error} hint={hint} className={className}>
      <Input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...inputProps}
      />
    </FormField>
  );
}

/** A labelled checkbox (native, so it is keyboard- and test-friendly). */
export function PlanCheckbox({ id, label, hint, checked, onChange }: { id: string; label: string; hint?: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label htmlFor={id} className="flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm hover:bg-muted/40">
      <input id={id} type="checkbox" className="mt-0.5 size-4 accent-primary" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span className="grid gap-0.5">
        <span className="font-medium">{label}</span>
        {hint ? <span className="text-xs text-muted-foreground">{hint}</span> : null}
      </span>
    </label>
  );
}
