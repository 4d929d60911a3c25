import { CircleAlert } from 'lucide-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { errorMessage } from '@/lib/utils';
import { createWorkspaceSchema, useCreateWorkspace } from '../api/create-workspace';

export function CreateWorkspaceForm({
  onCreated,
  secondaryAction,
  submitLabel = 'Create workspace',
}: {
  onCreated: (workspace: { id: string; name: string }) => void;
  secondaryAction?: ReactNode;
  submitLabel?: string;
}) {
  const create = useCreateWorkspace({ onCreated });
  const [nameError, setNameError] = useState<string>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createWorkspaceSchema.safeParse({ name: new FormData(event.currentTarget).get('name') ?? '' });
    if (!parsed.success) {
      setNameError(parsed.error.issues[0]?.message);
      return;
    }
    setNameError(undefined);
    create.mutate(parsed.data);
  }

  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-5" aria-label="Create workspace">
      {create.error ? (
        <Alert variant="destructive">
          <CircleAlert aria-hidden />
          <AlertDescription>Could not create the workspace: {errorMessage(create.error)}</AlertDescription>
        </Alert>
      ) : null}
      <FormField id="workspace-name" label="Workspace name" hint="Usually your company or team, e.g. “Acme Growth Team”." error={nameError}>
        <Input
          id="workspace-name"
          name="name"
          placeholder="Acme Growth Team"
          autoFocus
          maxLength={80}
        />
      </FormField>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        {secondaryAction}
        <Button type="submit" loading={create.isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
