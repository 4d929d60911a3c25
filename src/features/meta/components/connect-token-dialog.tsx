import { KeyRound } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { toast } from '@/components/ui/toast';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { errorMessage } from '@/lib/utils';
import { connectTokenSchema, useConnectMeta } from '../api/connect-meta';

/**
 * "Connect with a token" (or "Replace token" for an account already connected): the ad account id and a system-user
 * access token from Business Settings. The server checks the token with Meta before keeping it.
 */
export function ConnectTokenDialog({ workspaceId, adAccountId, trigger }: { workspaceId: string; adAccountId?: string; trigger?: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const connect = useConnectMeta(workspaceId);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = connectTokenSchema.safeParse({ ad_account_id: form.get('ad_account_id') ?? '', access_token: form.get('access_token') ?? '' });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    connect.mutate(
      { action: 'connect_token', ...parsed.data },
      {
        onSuccess: (connection) => {
          toast.success('Meta connected', { description: `${connection.account_name ?? parsed.data.ad_account_id} is connected. Sync a campaign to import its data.` });
          setOpen(false);
        },
        onError: (error) => setErrors({ access_token: errorMessage(error) }),
      },
    );
  }

  return (
    <Dialog open={open} onOpenChange={(next) => { setOpen(next); if (!next) setErrors({}); }}>
      <DialogTrigger asChild>
        {trigger ?? (
          <Button size="sm" variant="outline">
            <KeyRound aria-hidden />
            Connect with a token
          </Button>
        )}
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{adAccountId ? 'Replace the access token' : 'Connect a Meta ad account'}</DialogTitle>
            <DialogDescription>
              Use a system user's token from Meta Business Settings with the ads_read permission. It is checked with Meta, then kept on the server only: nobody can read it back.
            </DialogDescription>
          </DialogHeader>
          <FormField id="meta-ad-account" label="Ad account id" error={errors.ad_account_id}>
            <Input id="meta-ad-account" name="ad_account_id" defaultValue={adAccountId} readOnly={Boolean(adAccountId)} placeholder="act_1234567890" autoComplete="off" />
          </FormField>
          <FormField id="meta-token" label="Access token" error={errors.access_token}>
            <Input id="meta-token" name="access_token" type="password" placeholder="EAAB…" autoComplete="off" />
          </FormField>
          <DialogFooter>
            <Button type="submit" disabled={connect.isPending}>
              {connect.isPending ? 'Checking with Meta…' : adAccountId ? 'Replace token' : 'Connect'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
