import { lazy } from 'react';

/**
 * The board's dialogs, each in a chunk of its own: the board renders and takes drags without them, and
 * `preloadBoardDialogs` fetches them when the browser is idle after the cards are on screen, so opening one does
 * not wait on the network and the download never competes with the board's own.
 */
const loadCardDialog = () => import('./card-dialog');
const loadRevertDialog = () => import('./revert-dialog');
const loadQuickAddDialog = () => import('./quick-add-dialog');

export const LazyCardDialog = lazy(() => loadCardDialog().then((m) => ({ default: m.CardDialog })));
export const LazyRevertDialog = lazy(() => loadRevertDialog().then((m) => ({ default: m.RevertDialog })));
export const LazyQuickAddDialog = lazy(() => loadQuickAddDialog().then((m) => ({ default: m.QuickAddDialog })));

/** Schedules the preload; returns a cancel for effects. */
export function preloadBoardDialogs(): () => void {
  const load = () => void Promise.all([loadCardDialog(), loadRevertDialog(), loadQuickAddDialog()]);
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(load, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(load, 200);
  return () => clearTimeout(id);
}
