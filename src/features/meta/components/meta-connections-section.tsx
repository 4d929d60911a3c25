import { CircleAlert, FlaskConical, Megaphone } from 'lucide-react';
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
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { formatDate } from '@/lib/format';
import { formatRelative } from '@/lib/format-relative';
import { errorMessage } from '@/lib/utils';
import { useConnectMeta } from '../api/connect-meta';
import { useMetaConfig } from '../api/get-meta-config';
import { type MetaConnection, useMetaConnections } from '../api/get-meta-connections';
import { useRevokeMetaConnection } from '../api/revoke-meta-connection';
import { CONNECTION_KIND_LABELS, CONNECTION_STATUS_LABELS } from '../utils/labels';
import { ConnectTokenDialog } from './connect-token-dialog';
import { FacebookLoginDialog } from './facebook-login-dialog';

const STATUS_VARIANT = { active: 'success', needs_reconnect: 'warning', revoked: 'neutral' } as const;

/** Settings → Meta Ads: connected ad accounts for everyone to see; admins and ops heads connect, replace and revoke. */
export function MetaConnectionsSection() {
  const { workspace, isOpsHead: canManage } = useCurrentWorkspace();
  const connections = useMetaConnections(workspace.id);
  const config = useMetaConfig();
  const connect = useConnectMeta(workspace.id);
  const revoke = useRevokeMetaConnection(workspace.id);
  const [revoking, setRevoking] = useState<MetaConnection | null>(null);

  function connectSandbox() {
    connect.mutate(
      { action: 'connect_sandbox' },
      {
        onSuccess: (c) => toast.success('Meta sandbox connected', { description: `${c.account_name} serves demo data from this machine.` }),
        onError: (error) => toast.error('Could not connect the sandbox', { description: errorMessage(error) }),
      },
    );
  }

  function confirmRevoke() {
    const c = revoking;
    if (!c) return;
    revoke.mutate(c.id, {
      onSuccess: () => toast.success('Connection revoked', { description: 'Its token is deleted; imported data stays.' }),
      onError: (error) => toast.error('Could not revoke', { description: errorMessage(error) }),
      onSettled: () => setRevoking(null),
    });
  }

  const needsReconnect = connections.data?.filter((c) => c.status === 'needs_reconnect') ?? [];

  return (
    <Card data-testid="meta-connections-section">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-4 space-y-0">
        <div className="space-y-1.5">
          <CardTitle className="flex items-center gap-2">
            <Megaphone className="size-4 text-muted-foreground" aria-hidden />
            Meta Ads
          </CardTitle>
          <CardDescription>
            Connect an ad account to import daily spend, reach, clicks and purchases, and Meta's activity log as action cards. Synced every hour.
            {canManage ? null : ' Only admins and ops heads can connect accounts.'}
          </CardDescription>
        </div>
        {canManage ? (
          <div className="flex flex-wrap gap-2">
            <ConnectTokenDialog workspaceId={workspace.id} />
            {config.data?.oauth_available ? <FacebookLoginDialog workspaceId={workspace.id} /> : null}
            {config.data?.sandbox_available ? (
              <Button size="sm" variant="secondary" onClick={connectSandbox} disabled={connect.isPending}>
                <FlaskConical aria-hidden />
                Connect the Meta sandbox
              </Button>
            ) : null}
          </div>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-4">
        {needsReconnect.map((c) => (
          <Alert key={c.id} variant="warning" data-testid="meta-needs-reconnect">
            <CircleAlert aria-hidden />
            <AlertDescription>
              <strong>{c.account_name ?? c.ad_account_id} needs reconnecting.</strong> {c.status_reason ?? 'Meta no longer accepts its token.'} Syncing is paused; everything imported so far is kept.
            </AlertDescription>
          </Alert>
        ))}
        {config.data?.sandbox_available ? (
          <p className="text-xs text-muted-foreground">
            This server runs a local Meta sandbox: a stand-in for Meta's API with a labelled demo ad account (act_1000000001), for trying the flow without a Meta account.
          </p>
        ) : null}
        {connections.isPending ? (
          <Skeleton className="h-10 w-full" />
        ) : connections.isError ? (
          <Alert variant="destructive">
            <CircleAlert aria-hidden />
            <AlertDescription>Could not load the connections: {errorMessage(connections.error)}</AlertDescription>
          </Alert>
        ) : connections.data.length === 0 ? (
          <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">No Meta ad account is connected.</p>
        ) : (
          <Table aria-label="Meta ad accounts">
            <TableHeader>
              <TableRow>
                <TableHead>Ad account</TableHead>
                <TableHead>How</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Token</TableHead>
                <TableHead>Last sync</TableHead>
                {canManage ? <TableHead className="w-48"><span className="sr-only">Actions</span></TableHead> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {connections.data.map((c) => (
                <TableRow key={c.id} data-ad-account={c.ad_account_id}>
                  <TableCell>
                    <div className="font-medium">{c.account_name ?? c.ad_account_id}</div>
                    <div className="text-xs text-muted-foreground">
                      {c.ad_account_id} · {c.currency ?? '—'} · {c.timezone_name ?? '—'}
                    </div>
                  </TableCell>
                  <TableCell>
                    {c.kind === 'sandbox' ? <Badge variant="info">Sandbox · not real Meta data</Badge> : CONNECTION_KIND_LABELS[c.kind as keyof typeof CONNECTION_KIND_LABELS] ?? c.kind}
                  </TableCell>
                  <TableCell>
                    <Badge variant={STATUS_VARIANT[c.status as keyof typeof STATUS_VARIANT] ?? 'neutral'} title={c.status_reason ?? undefined}>
                      {CONNECTION_STATUS_LABELS[c.status as keyof typeof CONNECTION_STATUS_LABELS] ?? c.status}
                    </Badge>
                  </TableCell>
                  <TableCell className="text-xs text-muted-foreground">
                    {c.token_hint ? `…${c.token_hint}` : '—'}
                    {c.token_expires_at ? <div>expires {formatDate(c.token_expires_at)}</div> : null}
                  </TableCell>
                  <TableCell className="text-xs text-muted-foreground">{c.last_sync_at ? `${formatRelative(c.last_sync_at)} · ${c.last_sync_status}` : 'Never'}</TableCell>
                  {canManage ? (
                    <TableCell className="text-right">
                      <div className="flex justify-end gap-2">
                        {c.kind === 'sandbox' ? null : (
                          <ConnectTokenDialog
                            workspaceId={workspace.id}
                            adAccountId={c.ad_account_id}
                            trigger={<Button variant="outline" size="sm">{c.status === 'active' ? 'Replace token' : 'Reconnect'}</Button>}
                          />
                        )}
                        {c.status === 'revoked' ? null : (
                          <Button variant="outline" size="sm" onClick={() => setRevoking(c)}>
                            Revoke
                          </Button>
                        )}
                      </div>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>

      <AlertDialog open={!!revoking} onOpenChange={(open) => !open && !revoke.isPending && setRevoking(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Revoke {revoking?.account_name ?? revoking?.ad_account_id}?</AlertDialogTitle>
            <AlertDialogDescription>The token is deleted and syncing stops. Snapshots and cards already imported stay. Connect again with a new token at any time.</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction onClick={confirmRevoke}>Revoke</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </Card>
  );
}
