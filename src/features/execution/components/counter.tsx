import { Minus, Plus } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** A small − value / planned + control for delivered assets and approval cycles. */
export function Counter({ label, value, planned, disabled, onChange }: { label: string; value: number; planned: number; disabled?: boolean; onChange: (value: number) => void }) {
  return (
    <div className="inline-flex items-center gap-1" role="group" aria-label={label}>
      <Button variant="ghost" size="icon-sm" aria-label={`Decrease ${label}`} disabled={disabled || value <= 0} onClick={() => onChange(value - 1)}>
        <Minus />
      </Button>
      <span className="min-w-12 text-center text-sm tabular-nums" data-testid={`${label}-value`}>
        {value}
        <span className="text-muted-foreground"> / {planned}</span>
      </span>
      <Button variant="ghost" size="icon-sm" aria-label={`Increase ${label}`} disabled={disabled} onClick={() => onChange(value + 1)}>
        <Plus />
      </Button>
    </div>
  );
}
