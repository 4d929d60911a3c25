import { CircleAlert } from 'lucide-react';
import type * as React from 'react';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { cn, errorMessage } from '@/lib/utils';

/** One section of the ops page: a titled card that shows a skeleton while loading and the error if the query failed. */
export function SectionCard({
  title,
  description,
  actions,
  pending,
  error,
  className,
  children,
  testId,
}: {
  title: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  pending?: boolean;
  error?: unknown;
  className?: string;
  children?: React.ReactNode;
  testId?: string;
}) {
  return (
    <Card className={cn('min-w-0', className)} data-testid={testId}>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3 space-y-0">
        <div className="space-y-1">
          <CardTitle>{title}</CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </div>
        {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
      </CardHeader>
      <CardContent>
        {error ? (
          <Alert variant="destructive">
            <CircleAlert aria-hidden />
            <AlertDescription>{errorMessage(error)}</AlertDescription>
          </Alert>
        ) : pending ? (
          <Skeleton className="h-32" />
        ) : (
          children
        )}
      </CardContent>
    </Card>
  );
}
