import { lazy } from 'react';

/**
 * The board's dialogs, each in a chunk of its own: the board renders and takes drags without them, and
 * `preloadBoardDialogs` fetches them once the cards are on screen, so opening one does not wait on the network.
 */
const loadCardDialog = () => import('./card-dialog');
const loadRevertDialog = () => import('./revert-dialog');
const loadQuickAddDialog = () => import('./quick-add-dialog');

export const LazyCardDialog = lazy(() => loadCardDialog().then((m) => ({ default: m.CardDialog })));
export const LazyRevertDialog = lazy(() => loadRevertDialog().then((m) => ({ default: m.RevertDialog })));
export const LazyQuickAddDialog = lazy(() => loadQuickAddDialog().then((m) => ({ default: m.QuickAddDialog })));

export function preloadBoardDialogs(): void {
  void Promise.all([loadCardDialog(), loadRevertDialog(), loadQuickAddDialog()]);
}
