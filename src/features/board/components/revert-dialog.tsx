import { changeSummary } from '@domain/board.ts';
import { Undo2 } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { formatDateTime } from '@/lib/format';
import { cn } from '@/lib/utils';
import type { ActionCardRow } from '../types';

/**
 * Moving a card to Reverted says something was undone, so the board asks by what: a new card that swaps the
 * previous and new state (created for you), or an existing card of the same campaign.
 */
export function RevertDialog({
  card,
  candidates,
  pending,
  onConfirm,
  onClose,
}: {
  card: ActionCardRow | null;
  candidates: ActionCardRow[];
  pending: boolean;
  onConfirm: (revertingCardId: string | null) => void;
  onClose: () => void;
}) {
  const [choice, setChoice] = useState<'create' | 'existing'>('create');
  const [existingId, setExistingId] = useState<string>('');
  const summary = card ? changeSummary(card.metadata) : null;

  return (
    <Dialog
      open={card !== null}
      onOpenChange={(open) => {
        if (!open) {
          setChoice('create');
          setExistingId('');
          onClose();
        }
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Revert “{card?.title}”</DialogTitle>
          <DialogDescription>
            {summary ? `${summary}. ` : ''}Which action undoes it? The card moves to Reverted and stays linked to it.
          </DialogDescription>
        </DialogHeader>
        <div role="radiogroup" aria-label="How it was reverted" className="grid gap-2">
          {(
            [
              ['create', 'Create the reverting card for me', 'A completed card that puts the previous state back, logged now.'],
              ['existing', 'An existing card reverts it', 'Pick the action of this campaign that undid it.'],
            ] as const
          ).map(([value, title, text]) => (
            <label
              key={value}
              className={cn(
                'flex cursor-pointer gap-3 rounded-md border p-3 text-sm',
                choice === value ? 'border-primary bg-primary/5' : 'hover:bg-slate-50',
                value === 'existing' && candidates.length === 0 && 'cursor-not-allowed opacity-50',
              )}
            >
              <input
                type="radio"
                name="revert-choice"
                value={value}
                checked={choice === value}
                disabled={value === 'existing' && candidates.length === 0}
                onChange={() => setChoice(value)}
                className="mt-0.5 accent-[hsl(var(--primary))]"
              />
              <span>
                <span className="block font-medium">{title}</span>
                <span className="block text-xs text-muted-foreground">{value === 'existing' && candidates.length === 0 ? 'No other card of this campaign can be chosen.' : text}</span>
              </span>
            </label>
          ))}
        </div>
        {choice === 'existing' ? (
          <div className="grid gap-1.5">
            <Label htmlFor="reverting-card">Reverting card</Label>
            <Select value={existingId || undefined} onValueChange={setExistingId}>
              <SelectTrigger id="reverting-card" aria-label="Reverting card">
                <SelectValue placeholder="Choose the card that undid it" />
              </SelectTrigger>
              <SelectContent>
                {candidates.map((c) => (
                  <SelectItem key={c.id} value={c.id}>
                    {c.title} · {formatDateTime(c.occurred_at)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
        ) : null}
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="destructive"
            loading={pending}
            disabled={choice === 'existing' && !existingId}
            onClick={() => onConfirm(choice === 'create' ? null : existingId)}
          >
            <Undo2 aria-hidden />
            Revert
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
