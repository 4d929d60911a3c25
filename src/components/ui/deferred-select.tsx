import { ChevronDown } from 'lucide-react';
import { useDeferredPopup } from '@/hooks/use-deferred-popup';
import { cn } from '@/lib/utils';
import { selectTriggerClass } from './select-trigger-class';

export interface SelectOption {
  value: string;
  label: string;
}

export interface DeferredSelectProps {
  value: string;
  onValueChange: (value: string) => void;
  options: SelectOption[];
  /** Classes of the trigger, as on `SelectTrigger`. */
  className?: string;
  'aria-label': string;
}

const loadSelectPopup = () => import('./select-popup');

/**
 * A single-choice select from a list of options whose Radix Select loads after first paint (useDeferredPopup):
 * for controls a page shows on arrival, such as the board's filters. Until then a stand-in button renders the
 * trigger as Radix does (role, name, state, classes, the chosen label), so the page looks and reads the same.
 */
export function DeferredSelect(props: DeferredSelectProps) {
  const { module, activation, standInProps } = useDeferredPopup(loadSelectPopup);
  if (module) return <module.SelectPopup {...props} activation={activation} />;
  const label = props.options.find((o) => o.value === props.value)?.label ?? '';
  return (
    <button
      type="button"
      role="combobox"
      aria-expanded={false}
      aria-autocomplete="none"
      aria-label={props['aria-label']}
      dir="ltr"
      data-state="closed"
      data-slot="select-trigger"
      className={cn(selectTriggerClass, props.className)}
      {...standInProps}
    >
      <span style={{ pointerEvents: 'none' }}>{label}</span>
      <ChevronDown className="size-4 opacity-50" aria-hidden />
    </button>
  );
}
