import { CircleCheck, MousePointerClick, TrendingDown, TrendingUp, Undo2 } from 'lucide-react';
import type * as React from 'react';
import { Link } from 'react-router-dom';
import type { AiAlert } from '@/lib/db';
import { formatDate, formatDateTime, formatPercent } from '@/lib/format';
import { cn } from '@/lib/utils';
import type { AlertAction } from '../api/get-alert';
import { type CorrelationData, metricName } from '../utils/alert-data';
import { boardLink } from './alert-actions';

function stateText(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  return Object.values(value as Record<string, unknown>)
    .map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v)))
    .join(', ');
}

/** "blue → red" from a card's metadata, when it records both states. */
export function stateChange(metadata: unknown): string | null {
  const m = (metadata ?? {}) as { previous_state?: unknown; new_state?: unknown };
  const before = stateText(m.previous_state);
  const after = stateText(m.new_state);
  return before || after ? `${before || '—'} → ${after || '—'}` : null;
}

interface Step {
  key: string;
  icon: React.ElementType;
  tone: 'action' | 'bad' | 'good' | 'neutral';
  when: string;
  title: React.ReactNode;
  detail?: React.ReactNode;
}

const TONES = {
  action: 'bg-slate-900 text-white',
  bad: 'bg-red-600 text-white',
  good: 'bg-emerald-600 text-white',
  neutral: 'bg-sky-600 text-white',
};

/** The action → metric change sequence (docs/domain-rules.md, Correlation engine): the action, the change it preceded, the revert, the recovery. */
export function ActionMetricSequence({
  alert,
  data,
  triggerAction,
  revertAction,
}: {
  alert: AiAlert;
  data: CorrelationData;
  triggerAction: AlertAction | null;
  revertAction: AlertAction | null;
}) {
  const action = triggerAction ?? (data.action ? { ...data.action, metadata: {}, description: null } : null);
  const declined = (data.change_pct ?? 0) < 0;
  const steps: Step[] = [];
  if (action) {
    steps.push({
      key: 'action',
      icon: MousePointerClick,
      tone: 'action',
      when: formatDateTime(action.occurred_at),
      title: action.title,
      detail: stateChange(action.metadata) ?? action.description ?? undefined,
    });
  }
  steps.push({
    key: 'change',
    icon: declined ? TrendingDown : TrendingUp,
    tone: declined ? 'bad' : 'good',
    when: data.onset_date ? formatDate(data.onset_date) : '—',
    title: `${metricName(data.metric)} ${formatPercent(data.change_pct, { signed: true })} against the expected level`,
    detail: data.lag_hours != null ? `Began about ${Math.round(data.lag_hours)} h after the action` : undefined,
  });
  if (revertAction) {
    steps.push({
      key: 'revert',
      icon: Undo2,
      tone: 'neutral',
      when: formatDateTime(revertAction.occurred_at),
      title: (
        <>
          {revertAction.title}{' '}
          <Link to={boardLink(alert.campaign_id)} className="text-sm font-normal text-primary hover:underline">
            View on board
          </Link>
        </>
      ),
      detail: stateChange(revertAction.metadata) ?? undefined,
    });
  }
  if (alert.status === 'resolved') {
    steps.push({ key: 'resolved', icon: CircleCheck, tone: 'good', when: formatDateTime(alert.resolved_at), title: 'Resolved', detail: alert.resolution_note ?? undefined });
  }
  return (
    <ol className="relative space-y-5" data-testid="action-metric-sequence">
      {steps.map((step, i) => (
        <li key={step.key} className="relative flex gap-3">
          {i < steps.length - 1 ? <span className="absolute left-4 top-8 h-[calc(100%-0.5rem)] w-px bg-border" aria-hidden /> : null}
          <span className={cn('z-10 flex size-8 shrink-0 items-center justify-center rounded-full', TONES[step.tone])}>
            <step.icon className="size-4" aria-hidden />
          </span>
          <div className="min-w-0 pt-0.5">
            <div className="text-xs text-muted-foreground">{step.when}</div>
            <div className="font-medium">{step.title}</div>
            {step.detail ? <div className="text-sm text-muted-foreground">{step.detail}</div> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
