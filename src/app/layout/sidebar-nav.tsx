import { NavLink } from 'react-router-dom';
import { BrandMark } from '@/components/brand-mark';
import { cn } from '@/lib/utils';
import { NAV_ITEMS } from './nav-items';

/** The left navigation; the same list renders in the desktop sidebar and the mobile sheet. */
export function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <div className="flex h-full flex-col bg-slate-900 text-slate-300">
      <NavLink
        to="/"
        onClick={onNavigate}
        className={cn(
          'flex h-16 shrink-0 items-center px-5 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-400',
          onNavigate && 'pr-12', // room for the sheet's close button
        )}
      >
        <BrandMark tone="dark" />
      </NavLink>
      <nav aria-label="Main" className="flex-1 space-y-1 px-3 py-4">
        <p className="px-3 pb-2 text-[11px] font-semibold uppercase tracking-wider text-slate-400">Workspace</p>
        {NAV_ITEMS.map(({ to, label, icon: Icon, end }) => (
          <NavLink
            key={to}
            to={to}
            end={end}
            onClick={onNavigate}
            className={({ isActive }) =>
              cn(
                'group flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium outline-none transition-colors focus-visible:ring-2 focus-visible:ring-indigo-400',
                isActive ? 'bg-white/10 text-white' : 'text-slate-400 hover:bg-white/5 hover:text-slate-100',
              )
            }
          >
            {({ isActive }) => (
              <>
                <Icon className={cn('size-4 shrink-0', isActive ? 'text-indigo-300' : 'text-slate-500 group-hover:text-slate-300')} aria-hidden />
                {label}
              </>
            )}
          </NavLink>
        ))}
      </nav>
      <div className="border-t border-white/10 px-5 py-4 text-xs text-slate-400">
        <p className="font-medium text-slate-400">Plan · Track · Learn</p>
        <p className="mt-0.5">Did we run it as planned, and did it matter?</p>
      </div>
    </div>
  );
}
