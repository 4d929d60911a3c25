import type { toast as sonnerToast } from 'sonner';

/**
 * `toast.success(…)` / `toast.error(…)` without sonner in the first load: sonner (and its Toaster) arrive in a
 * chunk of their own after the page renders. A toast raised before that is shown once sonner has loaded — its
 * store replays active toasts to a Toaster that subscribes late.
 */
let sonner: Promise<typeof import('sonner')> | undefined;

export function loadSonner(): Promise<typeof import('sonner')> {
  sonner ??= import('sonner');
  return sonner;
}

type Show = (...args: Parameters<typeof sonnerToast.success>) => void;

export const toast: { success: Show; error: Show } = {
  success: (...args) => void loadSonner().then((m) => m.toast.success(...args)),
  error: (...args) => void loadSonner().then((m) => m.toast.error(...args)),
};
