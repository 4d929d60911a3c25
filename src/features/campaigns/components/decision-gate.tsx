import { CircleAlert, Gavel, Hourglass } from 'lucide-react';
import { useState } from 'react';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { DECISION_LABELS, DECISION_VARIANTS } from '@/lib/campaign-labels';
import { formatDateTime } from '@/lib/format';
import { cn, errorMessage } from '@/lib/utils';
import type { AssessmentWithDecider } from '../api/get-latest-assessment';
import { useSetDecisionGate } from '../api/set-decision-gate';
import { DECISION_HINTS } from '../utils/labels';

type Decision = 'proceed' | 'adjust' | 'pause';
const DECISIONS: Decision[] = ['proceed', 'adjust', 'pause'];

/** The decision gate: the rules' proposal, and for ops heads and admins, Confirm or Override with a note. */
export function DecisionGate({ assessment, isOpsHead }: { assessment: AssessmentWithDecider; isOpsHead: boolean }) {
  const gate = useSetDecisionGate();
  const [overriding, setOverriding] = useState(false);
  const [choice, setChoice] = useState<Decision>(assessment.recommended_decision as Decision);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const proposed = assessment.recommended_decision as Decision;

  const submit = (decision: Decision, withNote?: string) =>
    gate.mutate({ campaignId: assessment.campaign_id, assessmentId: assessment.id, decision, note: withNote });

  return (
    <div className="grid gap-3 rounded-lg border bg-muted/20 p-4" data-testid="decision-gate">
      <div className="flex flex-wrap items-center gap-2">
        <Gavel className="size-4 text-muted-foreground" aria-hidden />
        <span className="text-sm font-medium">Proposed gate</span>
        <Badge variant={DECISION_VARIANTS[proposed]} data-testid="proposed-decision">
          {DECISION_LABELS[proposed]}
        </Badge>
        <span className="text-sm text-muted-foreground">{DECISION_HINTS[proposed]}</span>
      </div>

      {assessment.decision ? (
        <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="gate-decided">
          <span className="font-medium">Decision</span>
          <Badge variant={DECISION_VARIANTS[assessment.decision]}>{DECISION_LABELS[assessment.decision]}</Badge>
          <span className="text-muted-foreground">
            {assessment.decision === proposed ? 'confirmed' : 'set (override)'} by{' '}
            <span className="font-medium text-foreground">{assessment.decider?.full_name || assessment.decider?.email || 'an ops head'}</span> on{' '}
            {formatDateTime(assessment.decided_at)}
          </span>
          {assessment.decision_note ? <p className="basis-full text-sm italic text-muted-foreground">“{assessment.decision_note}”</p> : null}
        </div>
      ) : isOpsHead ? (
        <div className="grid gap-3">
          {gate.error ? (
            <Alert variant="destructive">
              <CircleAlert aria-hidden />
              <AlertDescription>{errorMessage(gate.error)}</AlertDescription>
            </Alert>
          ) : null}
          {!overriding ? (
            <div className="flex flex-wrap gap-2">
              <Button onClick={() => submit(proposed)} loading={gate.isPending}>
                Confirm {DECISION_LABELS[proposed]}
              </Button>
              <Button variant="outline" onClick={() => setOverriding(true)} disabled={gate.isPending}>
                Override
              </Button>
            </div>
          ) : (
            <form
              className="grid gap-3"
              aria-label="Override the decision gate"
              onSubmit={(e) => {
                e.preventDefault();
                if (choice !== proposed && !note.trim()) {
                  setNoteError('Say why you are overriding the proposed gate');
                  return;
                }
                setNoteError(undefined);
                submit(choice, note);
              }}
            >
              <div role="radiogroup" aria-label="Decision" className="flex flex-wrap gap-2">
                {DECISIONS.map((d) => (
                  <label
                    key={d}
                    className={cn('cursor-pointer rounded-md border px-3 py-1.5 text-sm', choice === d && 'border-primary bg-primary/5 ring-1 ring-primary')}
                  >
                    <input type="radio" name="decision" value={d} className="sr-only" checked={choice === d} onChange={() => setChoice(d)} />
                    {DECISION_LABELS[d]}
                  </label>
                ))}
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="decision-note">Note</Label>
                <Textarea id="decision-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} placeholder="Why this decision?" aria-invalid={!!noteError} />
                {noteError ? <p className="text-xs font-medium text-destructive">{noteError}</p> : null}
              </div>
              <div className="flex gap-2">
                <Button type="submit" loading={gate.isPending}>
                  Save decision
                </Button>
                <Button type="button" variant="ghost" onClick={() => setOverriding(false)}>
                  Cancel
                </Button>
              </div>
            </form>
          )}
        </div>
      ) : (
        <p className="flex items-center gap-2 text-sm text-muted-foreground" data-testid="gate-waiting">
          <Hourglass className="size-4" aria-hidden /> Waiting for an ops head to confirm or override the gate.
        </p>
      )}
    </div>
  );
}
