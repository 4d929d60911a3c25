import { KeyRound, TriangleAlert } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { toast } from '@/components/ui/toast';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { getEnv } from '@/lib/env';
import { errorMessage } from '@/lib/utils';
import { type CreatedIngestKey, createIngestKeySchema, useCreateIngestKey } from '../api/create-ingest-key';
import { trackerSnippet } from '../utils/tracker-snippet';
import { CopyButton } from './copy-button';

/**
 * "Create key": a label, then the plain key and the ready-to-paste snippet, shown once. Closing the dialog forgets
 * the key; only its hash is stored, so a lost key is revoked and replaced.
 */
export function CreateIngestKeyDialog({ workspaceId }: { workspaceId: string }) {
  const [open, setOpen] = useState(false);
  const [labelError, setLabelError] = useState<string>();
  const [created, setCreated] = useState<CreatedIngestKey | null>(null);
  const create = useCreateIngestKey(workspaceId);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setCreated(null);
      setLabelError(undefined);
      create.reset();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createIngestKeySchema.safeParse({ label: new FormData(event.currentTarget).get('label') ?? '' });
    if (!parsed.success) {
      setLabelError(parsed.error.issues[0]?.message);
      return;
    }
    setLabelError(undefined);
    create.mutate(parsed.data, {
      onSuccess: (key) => {
        setCreated(key);
        toast.success('Key created', { description: `Copy it now: “${key.label}” will not be shown again.` });
      },
      onError: (error) => toast.error('Could not create the key', { description: errorMessage(error) }),
    });
  }

  const snippet = created
    ? trackerSnippet({ appOrigin: window.location.origin, supabaseUrl: getEnv().VITE_SUPABASE_URL, workspaceKey: created.key })
    : '';

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm">
          <KeyRound aria-hidden />
          Create key
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl" onInteractOutside={(event) => created && event.preventDefault()}>
        {created ? (
          <>
            <DialogHeader>
              <DialogTitle>Key “{created.label}” created</DialogTitle>
              <DialogDescription>Add the snippet to every page of the site. Events then arrive in this workspace.</DialogDescription>
            </DialogHeader>
            <Alert variant="warning">
              <TriangleAlert aria-hidden />
              <AlertDescription>This is the only time the key is shown. Copy it now; if it is lost, revoke it and create another.</AlertDescription>
            </Alert>
            <div className="grid gap-1.5">
              <Label htmlFor="ingest-key-value">Key</Label>
              <div className="flex gap-2">
                <Input id="ingest-key-value" readOnly value={created.key} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
                <CopyButton value={created.key} label="Copy key" className="h-9" />
              </div>
            </div>
            <div className="grid gap-1.5">
              <div className="flex items-end justify-between gap-2">
                <Label htmlFor="ingest-key-snippet">Snippet</Label>
                <CopyButton value={snippet} label="Copy snippet" />
              </div>
              <pre
                id="ingest-key-snippet"
                data-testid="tracker-snippet"
                className="overflow-x-auto whitespace-pre-wrap break-all rounded-md border bg-muted/50 p-3 font-mono text-xs leading-relaxed"
              >
                {snippet}
              </pre>
              <p className="text-xs text-muted-foreground">
                After a checkout, call <code className="font-mono">MOT.track('Purchase', {'{'} value, currency {'}'})</code>.
              </p>
            </div>
            <DialogFooter>
              <Button type="button" onClick={() => onOpenChange(false)}>
                I have copied the key
              </Button>
            </DialogFooter>
          </>
        ) : (
          <>
            <DialogHeader>
              <DialogTitle>Create a website key</DialogTitle>
              <DialogDescription>One key per site or server that sends events, so each can be revoked on its own.</DialogDescription>
            </DialogHeader>
            <form noValidate onSubmit={onSubmit} className="grid gap-5" aria-label="Create key">
              <FormField id="ingest-key-label" label="Label" hint="Where the key will be used, e.g. “Storefront”." error={labelError}>
                <Input
                  id="ingest-key-label"
                  name="label"
                  defaultValue="Website"
                  maxLength={120}
                  autoFocus
                />
              </FormField>
              <DialogFooter>
                <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
                  Cancel
                </Button>
                <Button type="submit" loading={create.isPending}>
                  Create key
                </Button>
              </DialogFooter>
            </form>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
