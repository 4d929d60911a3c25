import { CircleAlert } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { toast } from '@/components/ui/toast';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { errorMessage } from '@/lib/utils';
import { useConnectMeta } from '../api/connect-meta';
import { META_CALLBACK_PATH } from './facebook-login-dialog';

/** Where Facebook Login sends the browser back: exchanges the code on the server, then returns to Settings. */
export function MetaOAuthCallback() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { workspace } = useCurrentWorkspace();
  const connect = useConnectMeta(workspace.id);
  const [error, setError] = useState<string | null>(params.get('error_description') ?? params.get('error'));
  const started = useRef(false);

  useEffect(() => {
    const code = params.get('code');
    const state = params.get('state');
    if (started.current || !code || !state) return;
    started.current = true;
    connect.mutate(
      { action: 'oauth_finish', code, state, redirect_uri: `${window.location.origin}${META_CALLBACK_PATH}` },
      {
        onSuccess: (c) => {
          toast.success('Meta connected', { description: `${c.account_name ?? 'The ad account'} is connected through Facebook Login.` });
          navigate('/settings', { replace: true });
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  }, [params, connect, navigate]);

  if (error || !params.get('code')) {
    return (
      <Alert variant="destructive">
        <CircleAlert aria-hidden />
        <AlertDescription>Facebook Login did not complete: {error ?? 'Meta sent no code back.'}</AlertDescription>
      </Alert>
    );
  }
  return (
    <p className="flex items-center gap-2 text-sm text-muted-foreground">
      <Spinner /> Connecting your Meta ad account…
    </p>
  );
}
