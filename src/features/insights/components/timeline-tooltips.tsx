import { format, parseISO } from 'date-fns';
import { formatDateTime, formatPercent } from '@/lib/format';
import type { TimelineLink, TimelineMarker } from '../utils/timeline-model';

const METRIC_LABELS: Record<string, string> = { roas: 'ROAS', cpa: 'CPA' };
export const metricLabel = (m: string) => METRIC_LABELS[m] ?? m.charAt(0).toUpperCase() + m.slice(1);

export function MarkerTooltip({ marker }: { marker: TimelineMarker }) {
  return (
    <div className="space-y-1">
      <div className="font-medium">{marker.title}</div>
      <div className="text-slate-300">
        {marker.actionType.replace(/_/g, ' ')} · {formatDateTime(marker.at)}
      </div>
      {marker.correlations.slice(0, 3).map((c) => (
        <div key={c.id}>
          {metricLabel(c.metric)} {formatPercent(c.change_pct, { signed: true })} · confidence {formatPercent(c.confidence, { ratio: true })}
        </div>
      ))}
      {marker.correlations[0]?.insight ? <p className="border-t border-slate-700 pt-1 text-slate-200">{marker.correlations[0].insight}</p> : null}
    </div>
  );
}

export function LinkTooltip({ links }: { links: TimelineLink[] }) {
  const insight = links.find((l) => l.insight)?.insight;
  return (
    <div className="space-y-1">
      {links.map((link) => (
        <div key={link.id}>
          <span className="font-medium">
            {metricLabel(link.metric)} {formatPercent(link.changePct, { signed: true })}
          </span>{' '}
          from {format(parseISO(link.onsetDate), 'MMM d')} · confidence {formatPercent(link.confidence, { ratio: true })}
        </div>
      ))}
      <div className="text-slate-300">{links.some((l) => l.method === 'llm') ? 'AI annotation' : 'Rules engine annotation'}</div>
      {insight ? <p className="border-t border-slate-700 pt-1 text-slate-200">{insight}</p> : null}
    </div>
  );
}
