import { ArrowRight } from 'lucide-react';
import { Link } from 'react-router-dom';
import { Badge } from '@/components/ui/badge';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { userDisplayName, useUser } from '@/hooks/use-session';
import { ROLE_LABELS } from '@/lib/roles';
import { PendingInvitations } from '@/features/workspaces/invitations';
import { NAV_ITEMS } from '../../layout/nav-items';

/** Placeholder overview: a greeting and the way into each area. The ops dashboard may take this slot later. */
function HomeRoute() {
  useDocumentTitle('Overview');
  const user = useUser();
  const { workspace, role, selectWorkspace } = useCurrentWorkspace();
  const firstName = userDisplayName(user).split(/[\s@]/)[0];

  return (
    <>
      <PageHeader
        eyebrow={workspace.name}
        title={`Welcome, ${firstName}`}
        description="Plan campaigns with intent, track how they are executed, and learn which actions moved performance."
        actions={<Badge variant="secondary">Signed in as {ROLE_LABELS[role]}</Badge>}
      />
      <PendingInvitations onJoined={selectWorkspace} className="mb-4" />
      <div className="grid gap-4 sm:grid-cols-2">
        {NAV_ITEMS.filter((item) => item.to !== '/').map(({ to, label, description, icon: Icon }) => (
          <Link key={to} to={to} className="group rounded-lg outline-none focus-visible:ring-2 focus-visible:ring-ring">
            <Card className="h-full transition-shadow group-hover:shadow-md">
              <CardHeader className="flex-row items-start gap-4">
                <div className="flex size-10 shrink-0 items-center justify-center rounded-md bg-primary/10 text-primary">
                  <Icon className="size-5" aria-hidden />
                </div>
                <div className="min-w-0 flex-1 space-y-1">
                  <CardTitle className="flex items-center gap-2">
                    {label}
                    <ArrowRight className="size-4 text-muted-foreground transition-transform group-hover:translate-x-0.5" aria-hidden />
                  </CardTitle>
                  <CardDescription>{description}</CardDescription>
                </div>
              </CardHeader>
            </Card>
          </Link>
        ))}
      </div>
    </>
  );
}

export { HomeRoute as Component };
