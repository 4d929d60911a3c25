import { UserPlus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { WORKSPACE_ROLES, type WorkspaceRole } from '@/lib/db';
import { fieldErrors } from '@/lib/form';
import { ROLE_LABELS } from '@/lib/roles';
import { errorMessage } from '@/lib/utils';
import { addMemberSchema, useAddMember } from '../api/add-member';
import { ROLE_DESCRIPTIONS } from '../utils/roles';

type Field = 'email' | 'role';

/** "Add member": an existing account's email and a role; the database finds the account and adds it. */
export function AddMemberDialog({ workspaceId, workspaceName }: { workspaceId: string; workspaceName: string }) {
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<WorkspaceRole>('viewer');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const add = useAddMember(workspaceId);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setErrors({});
      setRole('viewer');
      add.reset();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = addMemberSchema.safeParse({ email: new FormData(event.currentTarget).get('email') ?? '', role });
    if (!parsed.success) {
      setErrors(fieldErrors<Field>(parsed.error));
      return;
    }
    setErrors({});
    add.mutate(parsed.data, {
      onSuccess: () => {
        toast.success('Member added', { description: `${parsed.data.email} joined ${workspaceName} as ${ROLE_LABELS[parsed.data.role].toLowerCase()}.` });
        onOpenChange(false);
      },
      onError: (error) => toast.error('Could not add the member', { description: errorMessage(error) }),
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm">
          <UserPlus aria-hidden />
          Add member
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Add a member</DialogTitle>
          <DialogDescription>They need an account first: ask them to sign up, then add them here with the email they used.</DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={onSubmit} className="grid gap-5" aria-label="Add member">
          <FormField id="member-email" label="Email" error={errors.email ?? (add.error ? errorMessage(add.error) : undefined)}>
            <Input
              id="member-email"
              name="email"
              type="email"
              autoComplete="off"
              placeholder="teammate@company.com"
              autoFocus
              onChange={() => add.error && add.reset()}
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
            <Button type="submit" loading={add.isPending}>
              Add member
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
