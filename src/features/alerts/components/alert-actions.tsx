import { Check, Undo2, X } from 'lucide-react';
import { useNavigate } from 'react-router-dom';
import { toast } from '@/components/ui/toast';
import { Button } from '@/components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import type { AiAlert } from '@/lib/db';
import { useRevertAlertAction } from '../api/revert-alert';
import { useUpdateAlertStatus } from '../api/update-alert-status';
import { canRevert, parseSuggestedAction } from '../utils/alert-data';

type DismissReason = 'wrong_cause' | 'expected_change' | 'noise';

/** The reasons a dismissal can give; "wrong cause" and "noise" make the analysis trust this kind of change less. */
export const DISMISS_REASONS: ReadonlyArray<{ value: DismissReason; label: string }> = [
  { value: 'wrong_cause', label: 'Wrong cause: something else did it' },
  { value: 'expected_change', label: 'Expected change: we meant this' },
  { value: 'noise', label: 'Noise: nothing really changed' },
];

/** Where the board shows a campaign's cards. */
export function boardLink(campaignId: string): string {
  return `/board?campaign=${campaignId}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : (error as { message?: string } | null)?.message ?? 'Something went wrong';
}

/**
 * The one-click buttons of an alert: Revert (when it suggests one; creates the reverting card), Resolve, and Dismiss
 * (ops heads and admins only). Viewers see none.
 */
export function AlertActions({ alert, size = 'default' }: { alert: AiAlert; size?: 'default' | 'sm' }) {
  const { workspace, canWrite, isOpsHead } = useCurrentWorkspace();
  const navigate = useNavigate();
  const revert = useRevertAlertAction(workspace.id);
  const update = useUpdateAlertStatus(workspace.id);
  if (alert.status !== 'active' || !canWrite) return null;
  const suggestion = parseSuggestedAction(alert.suggested_action);
  const busy = revert.isPending || update.isPending;

  const onRevert = () =>
    revert.mutate(alert.id, {
      onSuccess: (card) =>
        toast.success('Reverted: new card created', {
          description: `"${card.title}" is on the board; the alert resolves itself once the metric recovers.`,
          action: { label: 'View on board', onClick: () => navigate(boardLink(alert.campaign_id)) },
        }),
      onError: (error) => toast.error('Could not revert', { description: errorText(error) }),
    });
  // mutateAsync, not mutate's callbacks: a closed alert leaves the active list (realtime) and unmounts these
  // buttons before the request settles, and mutate's callbacks never run for an unmounted component.
  const onStatus = (status: 'resolved' | 'dismissed', reason?: DismissReason) =>
    update.mutateAsync({ alertId: alert.id, status, reason }).then(
      () => toast.success(status === 'resolved' ? 'Alert resolved' : 'Alert dismissed', { description: alert.title }),
      (error: unknown) => toast.error(`Could not ${status === 'resolved' ? 'resolve' : 'dismiss'} the alert`, { description: errorText(error) }),
    );

  return (
    <div className="flex flex-wrap items-center gap-2">
      {canRevert(alert) && suggestion ? (
        <Button size={size} variant="destructive" onClick={onRevert} loading={revert.isPending} disabled={busy} data-testid="alert-revert">
          <Undo2 aria-hidden />
          {suggestion.button_label || 'Revert this change'}
        </Button>
      ) : null}
      <Button size={size} variant="outline" onClick={() => onStatus('resolved')} loading={update.isPending && update.variables?.status === 'resolved'} disabled={busy}>
        <Check aria-hidden />
        Resolve
      </Button>
      {isOpsHead ? (
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button size={size} variant="ghost" loading={update.isPending && update.variables?.status === 'dismissed'} disabled={busy}>
              <X aria-hidden />
              Dismiss
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuLabel>Why dismiss it?</DropdownMenuLabel>
            {DISMISS_REASONS.map((r) => (
              <DropdownMenuItem key={r.value} onSelect={() => onStatus('dismissed', r.value)}>
                {r.label}
              </DropdownMenuItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
      ) : null}
    </div>
  );
}
