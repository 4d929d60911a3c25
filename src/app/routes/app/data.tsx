import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '@/components/ui/page-header';
import { CsvImportCard, QuarantineCard, WebsiteRollupCard } from '@/features/data-sources';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Campaign data that no connector brings: CSV imports, the rows the data-quality checks held back, and the website roll-up's last run. */
function DataRoute() {
  useDocumentTitle('Data');
  const [params] = useSearchParams();
  return (
    <>
      <PageHeader title="Data" description="Import daily figures from Google Ads, TikTok or a spreadsheet, and review rows held in quarantine and the website roll-up." />
      <div className="grid gap-6">
        <CsvImportCard initialCampaignId={params.get('campaign')} />
        <QuarantineCard />
        <WebsiteRollupCard />
      </div>
    </>
  );
}

export { DataRoute as Component };
