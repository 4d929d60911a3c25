import { ACTION_TEMPLATES, draftFromTemplate, TEMPLATE_CATEGORIES, type ActionTemplate } from '@domain/board.ts';
import { ArrowLeft } from 'lucide-react';
import { useState, type RefObject } from 'react';
import { toast } from '@/components/ui/toast';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { errorMessage } from '@/lib/utils';
import { useCreateCard } from '../api/create-card';
import type { BoardCampaign } from '../types';
import { ActionTypeIcon } from './action-type-icon';
import { CardForm } from './card-form';

/**
 * Quick-add: pick one of the spec's predefined actions (docs/domain-rules.md, The board), and the card form opens
 * pre-filled with it. Opened by the board's Quick add button (its trigger lives in the first load, this dialog
 * does not), so closing returns focus to `returnFocusTo` as a Radix trigger would.
 */
export function QuickAddDialog({
  workspaceId,
  campaigns,
  lockedCampaignId,
  defaultCampaignId,
  open,
  onOpenChange: setOpen,
  returnFocusTo,
}: {
  workspaceId: string;
  campaigns: BoardCampaign[];
  lockedCampaignId: string | null;
  defaultCampaignId: string | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocusTo: RefObject<HTMLButtonElement | null>;
}) {
  const [template, setTemplate] = useState<ActionTemplate | null>(null);
  const create = useCreateCard();

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) setTemplate(null);
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        className="max-w-2xl"
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocusTo.current?.focus();
        }}
      >
        <DialogHeader>
          <DialogTitle>{template ? template.title : 'Quick add an action'}</DialogTitle>
          <DialogDescription>
            {template ? 'Pre-filled from the template. Add what it was before and after, then save.' : 'Pick a common action; the card comes pre-filled.'}
          </DialogDescription>
        </DialogHeader>
        {template ? (
          <>
            <Button variant="ghost" size="sm" className="-mt-2 justify-self-start text-xs" onClick={() => setTemplate(null)}>
              <ArrowLeft aria-hidden />
              All templates
            </Button>
            <CardForm
              key={template.id}
              mode="create"
              initial={{ ...draftFromTemplate(template), campaign_id: lockedCampaignId ?? defaultCampaignId ?? campaigns[0]?.id ?? '', occurred_at: new Date().toISOString() }}
              campaigns={campaigns}
              lockedCampaignId={lockedCampaignId}
              submitLabel="Add card"
              pending={create.isPending}
              onCancel={() => onOpenChange(false)}
              onSubmit={(input) =>
                create.mutate(
                  { workspaceId, input },
                  {
                    onSuccess: (row) => {
                      toast.success('Action added', { description: row.title });
                      onOpenChange(false);
                    },
                    onError: (error) => toast.error('Could not add the action', { description: errorMessage(error) }),
                  },
                )
              }
            />
          </>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            {TEMPLATE_CATEGORIES.map((category) => (
              <section key={category.id} aria-labelledby={`tpl-${category.id}`}>
                <h3 id={`tpl-${category.id}`} className="mb-1.5 text-xs font-semibold uppercase tracking-wider text-muted-foreground">
                  {category.label}
                </h3>
                <ul className="grid gap-1">
                  {ACTION_TEMPLATES.filter((t) => t.category === category.id).map((t) => (
                    <li key={t.id}>
                      <button
                        type="button"
                        onClick={() => setTemplate(t)}
                        className="flex w-full items-center gap-2.5 rounded-md border border-transparent px-2 py-1.5 text-left text-sm hover:border-slate-200 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                      >
                        <ActionTypeIcon type={t.action_type} className="size-6" />
                        {t.title}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
