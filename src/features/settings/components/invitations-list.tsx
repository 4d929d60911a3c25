import { MailPlus, X } from 'lucide-react';
import { toast } from '@/components/ui/toast';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDate } from '@/lib/format';
import { ROLE_LABELS } from '@/lib/roles';
import { errorMessage } from '@/lib/utils';
import { useInvitations } from '../api/get-invitations';
import { useWithdrawInvitation } from '../api/withdraw-invitation';

/** Admins: who has been invited and not answered yet, with a way to withdraw the invitation. */
export function InvitationsList({ workspaceId }: { workspaceId: string }) {
  const invitations = useInvitations(workspaceId, true);
  const withdraw = useWithdrawInvitation(workspaceId);
  if (!invitations.data || invitations.data.length === 0) return null;

  return (
    <div className="mt-6 space-y-2" data-testid="pending-invitations">
      <h3 className="flex items-center gap-2 text-sm font-medium">
        <MailPlus className="size-4 text-muted-foreground" aria-hidden />
        Pending invitations
      </h3>
      <Table aria-label="Pending invitations">
        <TableHeader>
          <TableRow>
            <TableHead>Email</TableHead>
            <TableHead className="w-44">Role</TableHead>
            <TableHead className="hidden md:table-cell">Expires</TableHead>
            <TableHead className="w-12">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {invitations.data.map((invitation) => (
            <TableRow key={invitation.id} data-invitation-email={invitation.email}>
              <TableCell>{invitation.email}</TableCell>
              <TableCell>
                <Badge variant="neutral">{ROLE_LABELS[invitation.role]}</Badge>
              </TableCell>
              <TableCell className="hidden text-muted-foreground md:table-cell">{formatDate(invitation.expiresAt)}</TableCell>
              <TableCell className="text-right">
                <Button
                  variant="ghost"
                  size="icon-sm"
                  aria-label={`Withdraw the invitation to ${invitation.email}`}
                  disabled={withdraw.isPending}
                  onClick={() =>
                    withdraw.mutate(invitation.id, {
                      onSuccess: () => toast.success('Invitation withdrawn', { description: `${invitation.email} can no longer join with it.` }),
                      onError: (error) => toast.error('Could not withdraw the invitation', { description: errorMessage(error) }),
                    })
                  }
                >
                  <X aria-hidden />
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
