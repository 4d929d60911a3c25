import * as React from 'react';
import { cn } from '@/lib/utils';
import { Label } from './label';

type ControlProps = { id?: string; 'aria-invalid'?: unknown; 'aria-describedby'?: string };

/**
 * Label + control + hint/error, with the ids wired for screen readers: when the child is the control itself (its id
 * is the field's id), it gets `aria-invalid` and `aria-describedby` pointing at the error or the hint, unless it
 * sets them itself. A control nested deeper (a Radix Select's trigger) wires its own.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  className?: string;
  children: React.ReactNode;
}) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  const control =
    React.isValidElement<ControlProps>(children) && children.props.id === id
      ? React.cloneElement(children, {
          'aria-invalid': children.props['aria-invalid'] ?? Boolean(error),
          'aria-describedby': children.props['aria-describedby'] ?? describedBy,
        })
      : children;
  return (
    <div className={cn('grid gap-1.5', className)}>
      <Label htmlFor={id}>{label}</Label>
      {control}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
