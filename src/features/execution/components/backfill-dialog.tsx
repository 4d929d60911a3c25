import { CalendarClock } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import type { CampaignPhase } from '@/lib/db';
import { backfillPatch, dayOf } from '../utils/phase-dates';

/** Edit a phase's actual dates after the fact (back-filling), refusing an end before the start. */
export function BackfillDialog({
  phase,
  disabled,
  onSave,
}: {
  phase: CampaignPhase;
  disabled?: boolean;
  onSave: (patch: { actual_start: string | null; actual_end: string | null }) => void;
}) {
  const [open, setOpen] = useState(false);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [error, setError] = useState<{ field: 'start' | 'end'; message: string } | null>(null);

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          setStart(dayOf(phase.actual_start));
          setEnd(dayOf(phase.actual_end));
          setError(null);
        }
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon-sm" disabled={disabled} aria-label={`Edit ${phase.name} dates`} title="Edit actual dates">
          <CalendarClock aria-hidden />
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            const result = backfillPatch({ start, end }, phase);
            if (!result.ok) {
              setError({ field: result.field, message: result.message });
              return;
            }
            onSave(result.patch);
            setOpen(false);
          }}
        >
          <DialogHeader>
            <DialogTitle>{phase.name}: actual dates</DialogTitle>
            <DialogDescription>Back-fill when the phase really started and finished. Leave the end empty while it is still running.</DialogDescription>
          </DialogHeader>
          <div className="grid items-start gap-4 sm:grid-cols-2">
            <FormField id={`backfill-start-${phase.id}`} label="Started on" error={error?.field === 'start' ? error.message : undefined}>
              <Input id={`backfill-start-${phase.id}`} type="date" value={start} onChange={(e) => setStart(e.target.value)} aria-invalid={error?.field === 'start'} />
            </FormField>
            <FormField id={`backfill-end-${phase.id}`} label="Finished on" error={error?.field === 'end' ? error.message : undefined}>
              <Input id={`backfill-end-${phase.id}`} type="date" value={end} onChange={(e) => setEnd(e.target.value)} aria-invalid={error?.field === 'end'} />
            </FormField>
          </div>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit">Save dates</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
