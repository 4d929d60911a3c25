import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '@/components/ui/page-header';
import { CampaignWizard } from '@/features/campaigns';
import { useDocumentTitle } from '@/hooks/use-document-title';

function CampaignNewRoute() {
  useDocumentTitle('New campaign');
  const [params] = useSearchParams();
  // Read once: the wizard rewrites ?draft= itself after saving step 1 and must not remount when it does.
  const [draftId] = useState(() => params.get('draft') ?? undefined);
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/campaigns" className="hover:text-foreground">Campaigns</Link>}
        title={draftId ? 'Continue planning' : 'New campaign'}
        description="Intent, execution blueprint and success definition; the draft is saved at every step."
      />
      <CampaignWizard key={draftId ?? 'new'} draftId={draftId} />
    </>
  );
}

export { CampaignNewRoute as Component };
