import { Toaster as Sonner, type ToasterProps } from 'sonner';

/** The app's toaster; call `toast.success(…)` / `toast.error(…)` from 'sonner' anywhere. */
export function Toaster(props: ToasterProps) {
  return (
    <Sonner
      position="bottom-right"
      closeButton
      richColors
      toastOptions={{ classNames: { toast: 'font-sans text-sm' } }}
      {...props}
    />
  );
}
