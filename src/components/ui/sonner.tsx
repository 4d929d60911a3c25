import { lazy, Suspense } from 'react';
import type { ToasterProps } from 'sonner';
import { loadSonner } from './toast';

const SonnerToaster = lazy(() => loadSonner().then((m) => ({ default: m.Toaster })));

/** The app's toaster, loaded after first paint; raise toasts with `toast` from '@/components/ui/toast'. */
export function Toaster(props: ToasterProps) {
  return (
    <Suspense fallback={null}>
      <SonnerToaster position="bottom-right" closeButton richColors toastOptions={{ classNames: { toast: 'font-sans text-sm' } }} {...props} />
    </Suspense>
  );
}
