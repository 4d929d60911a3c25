import { useIsFetching } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type PointerEvent } from 'react';

/** How the real popup should start once loaded: open (the user pressed the stand-in) and/or focused. */
export interface PopupActivation {
  open: boolean;
  focus: boolean;
}

const OPEN_KEYS = new Set(['Enter', ' ', 'ArrowDown', 'ArrowUp']);

/** Runs `run` when the browser is idle; returns a cancel for effects. */
function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 200);
  return () => clearTimeout(id);
}

/**
 * A menu or select whose Radix implementation (popper, focus scope, scroll lock: ~25 KB gzip) stays out of the
 * page's first load. Until `load` resolves the page renders a stand-in trigger that looks and reads the same
 * (spread `standInProps` on it); the real component replaces it once no query is loading and the browser is idle
 * (so its download and mount never compete with the page's own data and render), or at once when the stand-in is
 * pressed or focused, and then starts open or focused as `activation` says. The module is kept in
 * state rather than behind `lazy()`, so the swap never shows a Suspense fallback and the stand-in keeps its
 * place until the real trigger is in the DOM.
 */
export function useDeferredPopup<M>(load: () => Promise<M>) {
  const [loaded, setLoaded] = useState<{ module: M; activation: PopupActivation } | null>(null);
  const requested = useRef<PopupActivation | null>(null);

  const request = useCallback(
    (wanted: PopupActivation) => {
      const first = requested.current === null;
      const prev = requested.current ?? { open: false, focus: false };
      requested.current = { open: prev.open || wanted.open, focus: prev.focus || wanted.focus };
      if (!first) return;
      load().then(
        (module) => setLoaded({ module, activation: requested.current ?? wanted }),
        () => {
          // A failed download (offline, new deploy) is retried on the next interaction.
          requested.current = null;
        },
      );
    },
    [load],
  );

  const loading = useIsFetching() > 0;
  useEffect(() => {
    if (!loading) return whenIdle(() => request({ open: false, focus: false }));
  }, [loading, request]);

  const standInProps = {
    onPointerDown: (e: PointerEvent<HTMLButtonElement>) => {
      if (e.button !== 0 || e.ctrlKey) return;
      // As Radix does: the opened popup, not the trigger, takes focus.
      e.preventDefault();
      request({ open: true, focus: true });
    },
    onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => {
      if (!OPEN_KEYS.has(e.key)) return;
      e.preventDefault();
      request({ open: true, focus: true });
    },
    onFocus: (_e: FocusEvent<HTMLButtonElement>) => request({ open: false, focus: true }),
  };

  return { module: loaded?.module ?? null, activation: loaded?.activation ?? null, standInProps };
}

/** For the real popup: focus its trigger on mount when the stand-in had focus and the popup starts closed. */
export function useFocusOnMount(ref: { current: HTMLElement | null }, activation: PopupActivation | null | undefined) {
  useEffect(() => {
    if (activation?.focus && !activation.open) ref.current?.focus();
    // Only on mount: the activation describes how the stand-in was left.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
