import { useState } from 'react';
import { toast } from '@/components/ui/toast';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { errorMessage } from '@/lib/utils';
import { useDecideRecommendation } from '../api/decide-recommendation';
import type { OpsRecommendation } from '../api/get-recommendations';

export type Decision = 'accepted' | 'rejected';

/** Confirms an accept or reject, with an optional note for the decision log. */
export function DecideRecommendationDialog({
  workspaceId,
  recommendation,
  decision,
  onClose,
}: {
  workspaceId: string;
  recommendation: OpsRecommendation | null;
  decision: Decision;
  onClose: () => void;
}) {
  const [note, setNote] = useState('');
  const decide = useDecideRecommendation(workspaceId);
  const verb = decision === 'accepted' ? 'Accept' : 'Reject';

  const submit = () => {
    if (!recommendation) return;
    decide.mutate(
      { recommendationId: recommendation.id, decision, note: note || undefined },
      {
        onSuccess: () => {
          toast.success(`${decision === 'accepted' ? 'Accepted' : 'Rejected'}: ${recommendation.title}`);
          setNote('');
          onClose();
        },
        onError: (error) => toast.error(`Could not record the decision: ${errorMessage(error)}`),
      },
    );
  };

  return (
    <Dialog open={recommendation !== null} onOpenChange={(open) => (!open ? onClose() : undefined)}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{verb} recommendation</DialogTitle>
          <DialogDescription>{recommendation?.title}</DialogDescription>
        </DialogHeader>
        <div className="grid gap-2">
          <Label htmlFor="decision-note">Note for the decision log (optional)</Label>
          <Textarea id="decision-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} placeholder="Why, and what happens next" />
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            Cancel
          </Button>
          <Button variant={decision === 'accepted' ? 'default' : 'destructive'} loading={decide.isPending} onClick={submit}>
            {verb}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
