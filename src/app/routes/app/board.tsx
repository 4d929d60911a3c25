import { SquareKanban } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Placeholder: the cross-campaign Kanban (filters by campaign, date range, action type) slots in here. */
function BoardRoute() {
  useDocumentTitle('Board');
  return (
    <>
      <PageHeader title="Board" description="Every marketer action across your campaigns, as it happens." />
      <EmptyState
        icon={SquareKanban}
        title="Action board coming soon"
        description="Drag-and-drop action cards with timestamps, impact colours and quick-add for common actions, filterable by campaign, date and type."
      />
    </>
  );
}

export { BoardRoute as Component };
