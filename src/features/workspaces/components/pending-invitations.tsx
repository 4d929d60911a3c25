import { Check, MailOpen, X } from 'lucide-react';
import { toast } from '@/components/ui/toast';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { useUser } from '@/hooks/use-session';
import { formatDate } from '@/lib/format';
import { ROLE_LABELS } from '@/lib/roles';
import { cn, errorMessage } from '@/lib/utils';
import { useMyInvitations } from '../api/get-my-invitations';
import { useRespondToInvitation } from '../api/respond-to-invitation';

/** The signed-in user's open invitations, each to accept (join with the invited role) or decline. Nothing when none. */
export function PendingInvitations({ onJoined, className }: { onJoined?: (workspaceId: string) => void; className?: string }) {
  const user = useUser();
  const invitations = useMyInvitations(user.id);
  const respond = useRespondToInvitation({ onJoined });
  if (!invitations.data || invitations.data.length === 0) return null;

  return (
    <Card className={cn('w-full', className)} data-testid="my-invitations">
      <CardHeader className="p-6 pb-2">
        <CardTitle className="flex items-center gap-2 text-base">
          <MailOpen className="size-4 text-primary" aria-hidden />
          {invitations.data.length === 1 ? 'You are invited to a workspace' : `You are invited to ${invitations.data.length} workspaces`}
        </CardTitle>
        <CardDescription>Joining gives you the role the admin chose; until you join, the workspace cannot see your profile.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 p-6 pt-2">
        {invitations.data.map((invitation) => {
          const busy = respond.isPending && respond.variables?.invitationId === invitation.id;
          const answer = (kind: 'accept' | 'decline') =>
            respond.mutate(
              { invitationId: invitation.id, answer: kind },
              {
                onSuccess: () =>
                  kind === 'accept'
                    ? toast.success(`Joined ${invitation.workspaceName}`, { description: `You are ${ROLE_LABELS[invitation.role].toLowerCase()} there.` })
                    : toast.success('Invitation declined', { description: `You did not join ${invitation.workspaceName}.` }),
                onError: (error) => toast.error('Could not answer the invitation', { description: errorMessage(error) }),
              },
            );
          return (
            <div key={invitation.id} className="flex flex-wrap items-center gap-3 rounded-md border p-3" data-invitation-workspace={invitation.workspaceName}>
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium">{invitation.workspaceName}</p>
                <p className="text-sm text-muted-foreground">
                  As {ROLE_LABELS[invitation.role].toLowerCase()}
                  {invitation.invitedBy ? `, invited by ${invitation.invitedBy}` : ''} · until {formatDate(invitation.expiresAt)}
                </p>
              </div>
              <Button size="sm" variant="outline" disabled={busy} onClick={() => answer('decline')} aria-label={`Decline the invitation to ${invitation.workspaceName}`}>
                <X aria-hidden />
                Decline
              </Button>
              <Button size="sm" loading={busy && respond.variables?.answer === 'accept'} disabled={busy} onClick={() => answer('accept')} aria-label={`Join ${invitation.workspaceName}`}>
                <Check aria-hidden />
                Join
              </Button>
            </div>
          );
        })}
      </CardContent>
    </Card>
  );
}
