import { CircleAlert, Globe } from 'lucide-react';
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
import { formatDate, formatDateTime } from '@/lib/format';
import { errorMessage } from '@/lib/utils';
import { type IngestKey, useIngestKeys } from '../api/get-ingest-keys';
import { useRevokeIngestKey } from '../api/revoke-ingest-key';
import { CreateIngestKeyDialog } from './create-ingest-key-dialog';

/** The workspace's website tracking keys: everyone sees labels and dates; admins create and revoke keys. */
export function IngestKeysSection() {
  const { workspace, isAdmin } = useCurrentWorkspace();
  const keys = useIngestKeys(workspace.id);
  const revoke = useRevokeIngestKey(workspace.id);
  const [revoking, setRevoking] = useState<IngestKey | null>(null);

  function confirmRevoke() {
    const key = revoking;
    if (!key) return;
    revoke.mutate(
      { keyId: key.id },
      {
        onSuccess: () => toast.success('Key revoked', { description: `Events sent with “${key.label}” are refused from now on.` }),
        onError: (error) => toast.error('Could not revoke the key', { description: errorMessage(error) }),
        onSettled: () => setRevoking(null),
      },
    );
  }

  return (
    <Card data-testid="ingest-keys-section">
      <CardHeader className="flex-row items-start justify-between gap-4 space-y-0">
        <div className="space-y-1.5">
          <CardTitle className="flex items-center gap-2">
            <Globe className="size-4 text-muted-foreground" aria-hidden />
            Website tracking
          </CardTitle>
          <CardDescription>
            Keys let your website's tracker snippet send purchases, leads and page views to this workspace.
            {isAdmin ? null : ' Only admins can create or revoke keys.'}
          </CardDescription>
        </div>
        {isAdmin ? <CreateIngestKeyDialog workspaceId={workspace.id} /> : null}
      </CardHeader>
      <CardContent>
        {keys.isPending ? (
          <Skeleton className="h-10 w-full" />
        ) : keys.isError ? (
          <Alert variant="destructive">
            <CircleAlert aria-hidden />
            <AlertDescription>Could not load the keys: {errorMessage(keys.error)}</AlertDescription>
          </Alert>
        ) : keys.data.length === 0 ? (
          <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
            No keys yet.{isAdmin ? ' Create one to start sending website events.' : ''}
          </p>
        ) : (
          <Table aria-label="Website keys">
            <TableHeader>
              <TableRow>
                <TableHead>Label</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>Status</TableHead>
                {isAdmin ? <TableHead className="w-24"><span className="sr-only">Actions</span></TableHead> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {keys.data.map((key) => (
                <TableRow key={key.id} data-key-label={key.label}>
                  <TableCell className="font-medium">{key.label}</TableCell>
                  <TableCell className="text-muted-foreground">{formatDate(key.created_at)}</TableCell>
                  <TableCell>
                    {key.revoked_at ? (
                      <Badge variant="neutral" title={formatDateTime(key.revoked_at)}>
                        Revoked {formatDate(key.revoked_at)}
                      </Badge>
                    ) : (
                      <Badge variant="success">Active</Badge>
                    )}
                  </TableCell>
                  {isAdmin ? (
                    <TableCell className="text-right">
                      {key.revoked_at ? null : (
                        <Button variant="outline" size="sm" onClick={() => setRevoking(key)}>
                          Revoke
                        </Button>
                      )}
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
            <AlertDialogTitle>Revoke “{revoking?.label}”?</AlertDialogTitle>
            <AlertDialogDescription>
              Sites still using this key stop sending events to {workspace.name} at once. This cannot be undone; create a new key to replace it.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={revoke.isPending}>Cancel</AlertDialogCancel>
            <AlertDialogAction
              destructive
              disabled={revoke.isPending}
              onClick={(event) => {
                event.preventDefault();
                confirmRevoke();
              }}
            >
              Revoke key
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </Card>
  );
}
