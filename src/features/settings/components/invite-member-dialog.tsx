import { UserPlus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { toast } from '@/components/ui/toast';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { WORKSPACE_ROLES, type WorkspaceRole } from '@/lib/db';
import { fieldErrors } from '@/lib/form';
import { ROLE_LABELS } from '@/lib/roles';
import { errorMessage } from '@/lib/utils';
import { inviteMemberSchema, useInviteMember } from '../api/invite-member';
import { ROLE_DESCRIPTIONS } from '../utils/roles';

type Field = 'email' | 'role';

/** "Invite member": an email and a role; the person joins once they accept the invitation in the app. */
export function InviteMemberDialog({ workspaceId, workspaceName }: { workspaceId: string; workspaceName: string }) {
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<WorkspaceRole>('viewer');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const invite = useInviteMember(workspaceId);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setErrors({});
      setRole('viewer');
      invite.reset();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = inviteMemberSchema.safeParse({ email: new FormData(event.currentTarget).get('email') ?? '', role });
    if (!parsed.success) {
      setErrors(fieldErrors<Field>(parsed.error));
      return;
    }
    setErrors({});
    invite.mutate(parsed.data, {
      onSuccess: () => {
        toast.success('Invitation recorded', {
          description: `${parsed.data.email} can join ${workspaceName} as ${ROLE_LABELS[parsed.data.role].toLowerCase()} once they accept it.`,
        });
        onOpenChange(false);
      },
      onError: (error) => toast.error('Could not invite', { description: errorMessage(error) }),
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm">
          <UserPlus aria-hidden />
          Invite member
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Invite a member</DialogTitle>
          <DialogDescription>
            They see the invitation when they sign in with this email (or sign up with it) and join once they accept.
          </DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={onSubmit} className="grid gap-5" aria-label="Invite member">
          <FormField id="member-email" label="Email" error={errors.email ?? (invite.error ? errorMessage(invite.error) : undefined)}>
            <Input
              id="member-email"
              name="email"
              type="email"
              autoComplete="off"
              placeholder="teammate@company.com"
              autoFocus
              onChange={() => invite.error && invite.reset()}
            />
          </FormField>
          <FormField id="member-role" label="Role" hint={ROLE_DESCRIPTIONS[role]} error={errors.role}>
            <Select value={role} onValueChange={(value) => setRole(value as WorkspaceRole)}>
              <SelectTrigger id="member-role" aria-describedby={errors.role ? 'member-role-error' : 'member-role-hint'}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {WORKSPACE_ROLES.map((r) => (
                  <SelectItem key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={invite.isPending}>
              Invite
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
