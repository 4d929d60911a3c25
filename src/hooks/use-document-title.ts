import { useEffect } from 'react';

const PRODUCT = 'Marketing Ops Tracker';

/** Sets the browser tab title to "<title> · Marketing Ops Tracker". */
export function useDocumentTitle(title?: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${PRODUCT}` : PRODUCT;
  }, [title]);
}
