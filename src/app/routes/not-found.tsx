import { Compass } from 'lucide-react';
import { Link } from 'react-router-dom';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { useDocumentTitle } from '@/hooks/use-document-title';

function NotFoundRoute() {
  useDocumentTitle('Page not found');
  return (
    <EmptyState
      icon={Compass}
      title="Page not found"
      description="The page you were looking for doesn't exist or has moved."
      action={
        <Button asChild>
          <Link to="/">Back to overview</Link>
        </Button>
      }
    />
  );
}

export { NotFoundRoute as Component };
