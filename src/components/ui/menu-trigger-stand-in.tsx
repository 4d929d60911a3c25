import type * as React from 'react';

/**
 * What a Radix DropdownMenu trigger renders while closed, for a menu whose Radix code has not loaded yet
 * (useDeferredPopup): same element, role and state, so the page looks and reads the same.
 */
export function MenuTriggerStandIn(props: React.ComponentProps<'button'>) {
  return <button type="button" aria-haspopup="menu" aria-expanded={false} data-state="closed" {...props} />;
}
