import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '@/components/ui/page-header';
import { CsvImportCard, QuarantineCard } from '@/features/data-sources';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Campaign data that no connector brings: CSV imports, and the rows the data-quality checks held back. */
function DataRoute() {
  useDocumentTitle('Data');
  const [params] = useSearchParams();
  return (
    <>
      <PageHeader title="Data" description="Import daily figures from Google Ads, TikTok or a spreadsheet, and review rows held in quarantine." />
      <div className="grid gap-6">
        <CsvImportCard initialCampaignId={params.get('campaign')} />
        <QuarantineCard />
      </div>
    </>
  );
}

export { DataRoute as Component };
