import { ActionBoard } from '@/features/board';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** The workspace board: every marketer action across campaigns, filterable by campaign, date range and type. */
function BoardRoute() {
  useDocumentTitle('Board');
  return <ActionBoard campaignId={null} title="Board" description="Every marketer action across your campaigns, as it happens." />;
}

export { BoardRoute as Component };
