import { CircleAlert, Trash2, Users } from 'lucide-react';
import { useState } from 'react';
import { toast } from '@/components/ui/toast';
import { Alert, AlertDescription } from '@/components/ui/alert';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { useUser } from '@/hooks/use-session';
import { WORKSPACE_ROLES, type WorkspaceRole } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { ROLE_LABELS } from '@/lib/roles';
import { errorMessage } from '@/lib/utils';
import { type Member, useMembers } from '../api/get-members';
import { useRemoveMember } from '../api/remove-member';
import { useUpdateMemberRole } from '../api/update-member-role';
import { adminCount, memberDisplayName } from '../utils/members';
import { InvitationsList } from './invitations-list';
import { InviteMemberDialog } from './invite-member-dialog';

/** Who is in the workspace and with which role; admins invite, re-role and remove people, everyone else reads. */
export function MembersSection() {
  const { workspace, isAdmin } = useCurrentWorkspace();
  const user = useUser();
  const members = useMembers(workspace.id);
  const updateRole = useUpdateMemberRole(workspace.id, user.id);
  const remove = useRemoveMember(workspace.id, user.id);
  const [removing, setRemoving] = useState<Member | null>(null);
  const admins = adminCount(members.data ?? []);

  function changeRole(member: Member, role: WorkspaceRole) {
    if (role === member.role) return;
    updateRole.mutate(
      { memberId: member.id, userId: member.userId, role },
      {
        onSuccess: () => toast.success('Role changed', { description: `${memberDisplayName(member)} is now ${ROLE_LABELS[role].toLowerCase()}.` }),
        onError: (error) => toast.error('Could not change the role', { description: errorMessage(error) }),
      },
    );
  }

  function confirmRemove() {
    const member = removing;
    if (!member) return;
    remove.mutate(
      { memberId: member.id, userId: member.userId },
      {
        onSuccess: () => toast.success('Member removed', { description: `${memberDisplayName(member)} no longer has access to ${workspace.name}.` }),
        onError: (error) => toast.error('Could not remove the member', { description: errorMessage(error) }),
        onSettled: () => setRemoving(null),
      },
    );
  }

  return (
    <Card data-testid="members-section">
      <CardHeader className="flex-row items-start justify-between gap-4 space-y-0">
        <div className="space-y-1.5">
          <CardTitle className="flex items-center gap-2">
            <Users className="size-4 text-muted-foreground" aria-hidden />
            Members
          </CardTitle>
          <CardDescription>
            {isAdmin ? 'Invite teammates by email and choose what they can do; they join once they accept.' : 'Who works in this workspace. Only admins can change members.'}
          </CardDescription>
        </div>
        {isAdmin ? <InviteMemberDialog workspaceId={workspace.id} workspaceName={workspace.name} /> : null}
      </CardHeader>
      <CardContent>
        {members.isPending ? (
          <div className="space-y-2">
            <Skeleton className="h-10 w-full" />
            <Skeleton className="h-10 w-full" />
          </div>
        ) : members.isError ? (
          <Alert variant="destructive">
            <CircleAlert aria-hidden />
            <AlertDescription>Could not load the members: {errorMessage(members.error)}</AlertDescription>
          </Alert>
        ) : (
          <Table aria-label="Members">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Email</TableHead>
                <TableHead className="w-44">Role</TableHead>
                <TableHead className="hidden md:table-cell">Joined</TableHead>
                {isAdmin ? <TableHead className="w-12"><span className="sr-only">Actions</span></TableHead> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {members.data.map((member) => {
                const isMe = member.userId === user.id;
                const lastAdmin = member.role === 'admin' && admins <= 1;
                const name = memberDisplayName(member);
                return (
                  <TableRow key={member.id} data-member-email={member.email ?? undefined}>
                    <TableCell className="font-medium">
                      {name}
                      {isMe ? <span className="ml-1.5 text-xs font-normal text-muted-foreground">(you)</span> : null}
                    </TableCell>
                    <TableCell className="text-muted-foreground">{member.email ?? '—'}</TableCell>
                    <TableCell>
                      {isAdmin ? (
                        <Select
                          value={member.role}
                          onValueChange={(value) => changeRole(member, value as WorkspaceRole)}
                          disabled={updateRole.isPending && updateRole.variables?.memberId === member.id}
                        >
                          <SelectTrigger className="h-8" aria-label={`Role of ${name}`}>
                            <SelectValue />
                          </SelectTrigger>
                          <SelectContent>
                            {WORKSPACE_ROLES.map((r) => (
                              <SelectItem key={r} value={r} disabled={lastAdmin && r !== 'admin'}>
                                {ROLE_LABELS[r]}
                              </SelectItem>
                            ))}
                          </SelectContent>
                        </Select>
                      ) : (
                        <Badge variant={member.role === 'admin' ? 'info' : 'neutral'}>{ROLE_LABELS[member.role]}</Badge>
                      )}
                    </TableCell>
                    <TableCell className="hidden text-muted-foreground md:table-cell">{formatDate(member.joinedAt)}</TableCell>
                    {isAdmin ? (
                      <TableCell className="text-right">
                        <Button
                          variant="ghost"
                          size="icon-sm"
                          aria-label={`Remove ${name}`}
                          title={lastAdmin ? 'A workspace needs at least one admin' : `Remove ${name}`}
                          disabled={lastAdmin}
                          onClick={() => setRemoving(member)}
                        >
                          <Trash2 aria-hidden />
                        </Button>
                      </TableCell>
                    ) : null}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {isAdmin ? <InvitationsList workspaceId={workspace.id} /> : null}
      </CardContent>

      <AlertDialog open={!!removing} onOpenChange={(open) => !open && !remove.isPending && setRemoving(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Remove {removing ? memberDisplayName(removing) : 'member'}?</AlertDialogTitle>
            <AlertDialogDescription>
              {removing?.userId === user.id
                ? `You will lose access to ${workspace.name} until an admin invites you again.`
                : `They lose access to ${workspace.name} at once. Their cards, decisions and audit entries stay.`}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={remove.isPending}>Cancel</AlertDialogCancel>
            <AlertDialogAction
              destructive
              disabled={remove.isPending}
              onClick={(event) => {
                event.preventDefault();
                confirmRemove();
              }}
            >
              Remove
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </Card>
  );
}
