import { Menu } from 'lucide-react';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { UserMenu } from '@/features/auth';
import { WorkspaceSwitcher } from '@/features/workspaces';
import { useOpenedOnce } from '@/hooks/use-opened-once';
import { SidebarNav } from './sidebar-nav';

const MobileNav = lazy(() => import('./mobile-nav').then((m) => ({ default: m.MobileNav })));

/** Fixed sidebar on large screens, a sheet behind a menu button on small ones; top bar with workspace and user. */
export function AppShell({ children }: { children: ReactNode }) {
  const [mobileNavOpen, setMobileNavOpen] = useState(false);
  const mobileNavMounted = useOpenedOnce(mobileNavOpen);

  return (
    <div className="min-h-screen bg-slate-50">
      <aside className="fixed inset-y-0 left-0 z-30 hidden w-64 lg:block">
        <SidebarNav />
      </aside>

      {mobileNavMounted ? (
        <Suspense fallback={null}>
          <MobileNav open={mobileNavOpen} onOpenChange={setMobileNavOpen} />
        </Suspense>
      ) : null}

      <div className="flex min-h-screen flex-col lg:pl-64">
        <header className="sticky top-0 z-20 flex h-16 shrink-0 items-center gap-3 border-b bg-white/90 px-4 backdrop-blur supports-[backdrop-filter]:bg-white/75 sm:px-6">
          <Button variant="ghost" size="icon" className="lg:hidden" onClick={() => setMobileNavOpen(true)} aria-label="Open navigation">
            <Menu />
          </Button>
          <WorkspaceSwitcher />
          <div className="ml-auto flex items-center gap-2">
            <UserMenu />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:px-8 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
