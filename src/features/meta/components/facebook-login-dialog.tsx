import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { errorMessage } from '@/lib/utils';
import { startMetaOAuth } from '../api/connect-meta';

/** The path Meta sends the browser back to after Facebook Login (a route of this app). */
export const META_CALLBACK_PATH = '/settings/meta/callback';

/** "Continue with Facebook": asks which ad account, then hands over to Meta's consent dialog. */
export function FacebookLoginDialog({ workspaceId }: { workspaceId: string }) {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      const url = await startMetaOAuth(workspaceId, String(new FormData(event.currentTarget).get('ad_account_id') ?? ''), `${window.location.origin}${META_CALLBACK_PATH}`);
      window.location.assign(url);
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  }

  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline">Continue with Facebook</Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Facebook Login for Business</DialogTitle>
            <DialogDescription>Meta asks you to approve read access to your ads; you then come back here and the account is connected.</DialogDescription>
          </DialogHeader>
          <FormField id="oauth-ad-account" label="Ad account id" error={error}>
            <Input id="oauth-ad-account" name="ad_account_id" placeholder="act_1234567890" autoComplete="off" />
          </FormField>
          <DialogFooter>
            <Button type="submit" disabled={pending}>{pending ? 'Opening Meta…' : 'Continue to Meta'}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
