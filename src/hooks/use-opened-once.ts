import { useState } from 'react';

/**
 * True from the first time `open` is true, and from then on: a lazily loaded dialog is mounted when first
 * opened (its chunk stays out of the page's first load) and stays mounted, so it can animate closed and reopen
 * without a fetch.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}
