import { useLayoutEffect, useState } from 'react';

/** The element's width, tracked with a ResizeObserver from the moment the element mounts (a callback ref). */
export function useElementWidth(): [(el: HTMLDivElement | null) => void, number] {
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    if (!el) return;
    // A ResizeObserver reports the initial size right after observe(), then every change.
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return [setEl, width];
}
