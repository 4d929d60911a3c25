import { Users } from 'lucide-react';
import type { ReactNode } from 'react';
import { BrandMark } from '@/components/brand-mark';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { CreateWorkspaceForm } from './create-workspace-form';
import { PendingInvitations } from './pending-invitations';

/** First run: the signed-in user belongs to no workspace yet. Invitations waiting for them come first. */
export function CreateWorkspaceScreen({
  onCreated,
  onJoined,
  signOutButton,
}: {
  onCreated: (workspace: { id: string; name: string }) => void;
  onJoined?: (workspaceId: string) => void;
  /** Rendered under the card (the app passes a sign-out action: features don't import each other). */
  signOutButton?: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center bg-slate-50 px-4 py-12">
      <BrandMark className="mb-8" />
      <PendingInvitations onJoined={onJoined} className="mb-6 max-w-md shadow-md" />
      <Card className="w-full max-w-md shadow-md">
        <CardHeader className="p-6 pb-2">
          <div className="mb-2 flex size-10 items-center justify-center rounded-full bg-primary/10 text-primary">
            <Users className="size-5" aria-hidden />
          </div>
          <CardTitle className="text-xl">Create your workspace</CardTitle>
          <CardDescription>
            A workspace holds your team's campaigns, action board and alerts. You'll be its admin and can invite
            marketers, ops heads and viewers later.
          </CardDescription>
        </CardHeader>
        <CardContent className="p-6 pt-4">
          <CreateWorkspaceForm onCreated={onCreated} />
        </CardContent>
      </Card>
      <p className="mt-6 max-w-md text-center text-sm text-slate-500">
        Expecting to join an existing workspace? Ask its admin to invite the email you signed in with, then reload
        this page.
      </p>
      {signOutButton ? <div className="mt-3">{signOutButton}</div> : null}
    </div>
  );
}
