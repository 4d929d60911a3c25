import { ArrowRight, Clock, Sparkles } from 'lucide-react';
import { Link } from 'react-router-dom';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardFooter, CardHeader } from '@/components/ui/card';
import type { AiAlert } from '@/lib/db';
import { formatPercent } from '@/lib/format';
import { formatRelative } from '@/lib/format-relative';
import { cn } from '@/lib/utils';
import { confidenceLabel, metricName, parseCorrelationData } from '../utils/alert-data';
import { AlertActions } from './alert-actions';
import { SeverityBadge } from './severity-badge';

// A rise in CPA is bad news and a rise in sales good news: colour by the engine's impact, not the sign.
const IMPACT_COLOUR = { positive: 'text-emerald-700', negative: 'text-red-700', neutral: 'text-foreground' } as const;

/** One active alert in the dashboard: severity, title, what moved, confidence, and the one-click fix. */
export function AlertCard({ alert, campaignName }: { alert: AiAlert; campaignName?: string }) {
  const data = parseCorrelationData(alert.correlation_data);
  const confidence = Number(alert.confidence);
  return (
    <Card data-testid="alert-card" data-alert-id={alert.id} className="flex flex-col">
      <CardHeader className="gap-2 pb-3">
        <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
          <SeverityBadge severity={alert.severity} />
          {alert.source === 'llm' ? (
            <Badge variant="secondary" title="Explained by DeepSeek; numbers from the rules engine">
              <Sparkles aria-hidden />
              AI insight
            </Badge>
          ) : null}
          {alert.revert_action_id ? <Badge variant="info">Reverted · awaiting recovery</Badge> : null}
          <span className="truncate">{campaignName ?? 'Campaign'}</span>
          <span aria-hidden>·</span>
          <span className="inline-flex items-center gap-1">
            <Clock className="size-3" aria-hidden />
            {formatRelative(alert.detected_at)}
          </span>
        </div>
        <Link to={`/alerts/${alert.id}`} className="text-base font-semibold leading-snug hover:underline">
          {alert.title}
        </Link>
      </CardHeader>
      <CardContent className="flex-1 space-y-3">
        <p className="line-clamp-2 text-sm text-muted-foreground">{alert.description}</p>
        <dl className="grid grid-cols-3 gap-2 text-sm">
          <div>
            <dt className="text-xs text-muted-foreground">Confidence</dt>
            <dd className="font-semibold tabular-nums">
              {formatPercent(confidence, { ratio: true })} <span className="text-xs font-normal text-muted-foreground">{confidenceLabel(confidence)}</span>
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">{metricName(data.metric)}</dt>
            <dd className={cn('font-semibold tabular-nums', IMPACT_COLOUR[data.impact ?? 'neutral'])}>
              {formatPercent(data.change_pct, { signed: true })}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">After the action</dt>
            <dd className="font-semibold tabular-nums">{data.lag_hours != null ? `${Math.round(data.lag_hours)} h` : '—'}</dd>
          </div>
        </dl>
      </CardContent>
      <CardFooter className="flex-wrap justify-between gap-2">
        <AlertActions alert={alert} size="sm" />
        <Link to={`/alerts/${alert.id}`} className="inline-flex items-center gap-1 text-sm font-medium text-primary hover:underline">
          View details
          <ArrowRight className="size-4" aria-hidden />
        </Link>
      </CardFooter>
    </Card>
  );
}
