import { Activity, BellRing, SquareKanban } from 'lucide-react';
import type { ReactNode } from 'react';
import { BrandMark } from '@/components/brand-mark';

const highlights = [
  { icon: SquareKanban, title: 'Every action on one board', text: 'Creative swaps, budget moves and targeting changes, timestamped as they happen.' },
  { icon: Activity, title: 'Drift against the plan', text: 'See which phase slipped first and what it pushed after it.' },
  { icon: BellRing, title: 'Alerts that name the cause', text: 'When sales drop after a change, know which card to revert.' },
];

/** Split layout for the sign-in and sign-up pages: product story on the left, the form on the right. */
export function AuthLayout({ title, description, children, footer }: { title: string; description: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="grid min-h-screen lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
      <aside className="relative hidden overflow-hidden bg-slate-900 p-10 text-slate-100 lg:flex lg:flex-col">
        <div className="pointer-events-none absolute -right-24 -top-24 size-96 rounded-full bg-indigo-500/20 blur-3xl" />
        <div className="pointer-events-none absolute -bottom-32 -left-16 size-96 rounded-full bg-sky-500/10 blur-3xl" />
        <BrandMark tone="dark" />
        <div className="relative mt-auto max-w-md space-y-8">
          <h2 className="text-3xl font-semibold leading-tight tracking-tight text-white">
            Did we run it as planned, and did it matter?
          </h2>
          <ul className="space-y-5">
            {highlights.map(({ icon: Icon, title: heading, text }) => (
              <li key={heading} className="flex gap-3">
                <div className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-md bg-white/10 text-indigo-200">
                  <Icon className="size-4" aria-hidden />
                </div>
                <div>
                  <p className="text-sm font-medium text-white">{heading}</p>
                  <p className="text-sm text-slate-400">{text}</p>
                </div>
              </li>
            ))}
          </ul>
        </div>
        <p className="relative mt-12 text-xs text-slate-500">Plan with intent · Track execution · Learn what moved performance</p>
      </aside>
      <main className="flex items-center justify-center bg-slate-50 px-4 py-12 sm:px-8">
        <div className="w-full max-w-sm">
          <div className="mb-8 lg:hidden">
            <BrandMark />
          </div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
          <p className="mt-1.5 text-sm text-slate-500">{description}</p>
          <div className="mt-8">{children}</div>
          {footer ? <div className="mt-6 text-center text-sm text-slate-500">{footer}</div> : null}
        </div>
      </main>
    </div>
  );
}
