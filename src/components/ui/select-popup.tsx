import { useRef } from 'react';
import { useFocusOnMount, type PopupActivation } from '@/hooks/use-deferred-popup';
import type { DeferredSelectProps } from './deferred-select';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from './select';

/** DeferredSelect's real control, loaded after first paint; starts as its stand-in was left. */
export function SelectPopup({
  value,
  onValueChange,
  options,
  className,
  activation,
  'aria-label': ariaLabel,
}: DeferredSelectProps & { activation: PopupActivation | null }) {
  const trigger = useRef<HTMLButtonElement>(null);
  useFocusOnMount(trigger, activation);
  return (
    <Select value={value} onValueChange={onValueChange} defaultOpen={activation?.open}>
      <SelectTrigger ref={trigger} className={className} aria-label={ariaLabel}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {options.map((o) => (
          <SelectItem key={o.value} value={o.value}>
            {o.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
