import { PageHeader } from '@/components/ui/page-header';
import { MetaOAuthCallback } from '@/features/meta';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** The return address of Facebook Login for Business. */
function MetaCallbackRoute() {
  useDocumentTitle('Connecting Meta');
  return (
    <>
      <PageHeader title="Connecting Meta" />
      <MetaOAuthCallback />
    </>
  );
}

export { MetaCallbackRoute as Component };
