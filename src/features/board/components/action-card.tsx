import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { actionTypeLabel, cardTone, changeSummary, parseActionMetadata, type CardTone } from '@domain/board.ts';
import { confidenceBand } from '@domain/correlation/confidence.ts';
import type { Thresholds } from '@domain/thresholds.ts';
import { ChartColumn, CircleCheck, Clock, Eye, TriangleExclamationPoint, Undo2 } from 'lucide-react';
import { memo, type CSSProperties, type Ref } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '@/components/ui/button';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { formatDateTime, formatPercent, initials } from '@/lib/format';
import { cn } from '@/lib/utils';
import type { ActionCardRow, CardSignal } from '../types';
import { shortName } from '../utils/format';
import { ActionTypeIcon } from './action-type-icon';

export type CardDragData = { type: 'card'; cardId: string; status: string };

const TONE_CLASSES: Record<CardTone, string> = {
  positive: 'border-l-emerald-500 bg-emerald-50/40',
  negative: 'border-l-red-500 bg-red-50/50',
  neutral: 'border-l-slate-300 bg-white',
};

const TONE_LABEL: Record<CardTone, string> = { positive: 'Positive impact', negative: 'Negative correlation detected', neutral: 'Neutral' };

export type ActionCardProps = {
  card: ActionCardRow;
  campaignName?: string | null;
  authorName?: string | null;
  signal?: CardSignal;
  canWrite: boolean;
  onOpen?: (card: ActionCardRow) => void;
  onRevert?: (card: ActionCardRow) => void;
};

type Derived = { tone: CardTone; alert: CardSignal['alert']; correlation: CardSignal['correlation'] };

function derive(card: ActionCardRow, signal: CardSignal | undefined, thresholds: Thresholds): Derived {
  const alert = signal?.alert ?? null;
  const correlation = signal?.correlation ?? null;
  return { tone: cardTone({ impact: card.impact, hasActiveAlert: Boolean(alert), correlation }, thresholds.correlation), alert, correlation };
}

/**
 * The card's content. Memoised apart from the draggable shell: while a card is dragged every sortable item
 * re-renders on each pointer move, and only the shell's transform should change.
 */
const CardBody = memo(function CardBody({
  card,
  campaignName,
  authorName,
  signal,
  canWrite,
  onOpen,
  onRevert,
  overlay,
}: ActionCardProps & { overlay: boolean }) {
  const { thresholds } = useCurrentWorkspace();
  const { alert, correlation } = derive(card, signal, thresholds);
  const summary = changeSummary(card.metadata);
  const adSets = parseActionMetadata(card.metadata).affected_ad_sets;
  const confidence = alert?.confidence ?? correlation?.confidence ?? null;
  const canRevert = canWrite && !overlay && (card.status === 'completed' || card.status === 'in_progress') && Boolean(onRevert);
  const revertLabel = alert?.revertLabel ?? 'Revert';

  return (
    <>
      <div className="flex items-start gap-2.5">
        <ActionTypeIcon type={card.action_type} />
        <div className="min-w-0 flex-1">
          <h4 className="line-clamp-2 text-sm font-semibold leading-snug text-slate-900">{card.title}</h4>
          {summary ? <p className="mt-0.5 line-clamp-2 text-xs text-slate-600">{summary}</p> : card.description ? (
            <p className="mt-0.5 line-clamp-2 text-xs text-slate-600">{card.description}</p>
          ) : null}
        </div>
        {onOpen && !overlay ? (
          <Button
            size="icon-sm"
            variant="ghost"
            className="-mr-1.5 -mt-1 size-7 shrink-0 text-slate-400 hover:text-slate-700"
            onPointerDown={(e) => e.stopPropagation()}
            onKeyDown={(e) => e.stopPropagation()}
            onClick={() => onOpen(card)}
            aria-label={`View details of ${card.title}`}
            title={canWrite ? 'Details and edit' : 'Details'}
          >
            <Eye aria-hidden />
          </Button>
        ) : null}
      </div>

      {campaignName || adSets.length > 0 ? (
        <div className="mt-2 flex flex-wrap items-center gap-1 text-[11px] text-slate-600">
          {campaignName ? <span className="max-w-full truncate rounded bg-slate-100 px-1.5 py-0.5 font-medium text-slate-600">{campaignName}</span> : null}
          {adSets.length > 0 ? (
            <span className="truncate">
              {adSets.length === 1 ? adSets[0] : `${adSets.length} ad sets`}
            </span>
          ) : null}
        </div>
      ) : null}

      {alert || correlation ? (
        <div className="mt-2.5 space-y-1 border-t border-dashed pt-2">
          {alert ? (
            <p className="flex items-start gap-1.5 text-xs font-medium text-red-700">
              <TriangleExclamationPoint className="mt-px size-3.5 shrink-0" aria-hidden />
              <span className="line-clamp-2">Alert: {alert.title}</span>
            </p>
          ) : null}
          {confidence !== null ? (
            <p className="flex items-center gap-1.5 text-xs text-slate-600">
              <ChartColumn className="size-3.5 shrink-0" aria-hidden />
              Correlation detected ({confidenceBand(confidence, thresholds.correlation)} conf · {formatPercent(confidence, { ratio: true })})
            </p>
          ) : null}
          {alert && !overlay ? (
            <div className="flex flex-wrap gap-1.5 pt-1">
              {canRevert ? (
                <Button
                  size="sm"
                  variant="destructive"
                  className="h-7 px-2 text-xs"
                  onPointerDown={(e) => e.stopPropagation()}
                  onKeyDown={(e) => e.stopPropagation()}
                  onClick={() => onRevert?.(card)}
                >
                  <Undo2 aria-hidden />
                  {revertLabel}
                </Button>
              ) : null}
              <Button size="sm" variant="outline" className="h-7 bg-white px-2 text-xs" asChild>
                <Link to={`/alerts/${alert.id}`} onPointerDown={(e) => e.stopPropagation()}>
                  View alert
                </Link>
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}

      {signal?.effect ? (
        <p className="mt-2 text-[11px] text-slate-600" data-testid="card-effect" title={signal.effect.note ?? undefined}>
          <span className={cn('font-medium', signal.effect.significant ? 'text-slate-800' : 'text-slate-600')}>Effect: {signal.effect.text}</span>
          {signal.effect.note ? <span className="block text-amber-700">{signal.effect.note}</span> : null}
        </p>
      ) : null}

      <div className="mt-2.5 flex items-center justify-between gap-2 border-t pt-2 text-[11px] text-slate-600">
        <span
          className="inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded bg-slate-100 px-1.5 py-0.5 font-medium text-slate-600"
          title={card.completed_at ? `Completed ${formatDateTime(card.completed_at)}` : 'When the change happened'}
        >
            {card.status === 'completed' && card.completed_at ? <CircleCheck className="size-3 text-emerald-600" aria-hidden /> : <Clock className="size-3" aria-hidden />}
          <time dateTime={card.occurred_at}>{formatDateTime(card.occurred_at)}</time>
        </span>
        {card.source === 'meta' ? (
          // Imported from Meta's activity log: the Meta user who made the change, linked back to the object.
          <a
            href={card.external_url ?? undefined}
            target="_blank"
            rel="noreferrer"
            className="flex min-w-0 items-center gap-1.5 hover:underline"
            data-testid="card-meta-source"
            onPointerDown={(e) => e.stopPropagation()}
            title="Imported from Meta's activity log: open in Ads Manager"
          >
            <span className="shrink-0 rounded bg-blue-50 px-1 py-0.5 text-[9px] font-semibold text-blue-700">Meta</span>
            <span className="truncate">{card.actor_name ?? 'Meta'}</span>
          </a>
        ) : (
          <span className="flex min-w-0 items-center gap-1.5">
            <span className="flex size-5 shrink-0 items-center justify-center rounded-full bg-primary/10 text-[9px] font-semibold text-primary" aria-hidden>
              {initials(authorName)}
            </span>
            <span className="truncate">{authorName ? shortName(authorName) : 'Unknown'}</span>
          </span>
        )}
      </div>
      <span className="sr-only">{TONE_LABEL[derive(card, signal, thresholds).tone]}</span>
    </>
  );
});

/** The spec's card display (docs/domain-rules.md, The board): type icon, title, change summary, alert and confidence, actions, timestamp, author. */
export function ActionCardView({
  dragging = false,
  overlay = false,
  handleProps,
  cardRef,
  style,
  ...props
}: ActionCardProps & {
  dragging?: boolean;
  overlay?: boolean;
  handleProps?: Record<string, unknown>;
  cardRef?: Ref<HTMLDivElement>;
  style?: CSSProperties;
}) {
  const { card, canWrite } = props;
  const { tone } = derive(card, props.signal, useCurrentWorkspace().thresholds);
  return (
    <div
      ref={cardRef}
      style={style}
      data-card-id={card.id}
      data-status={card.status}
      data-tone={tone}
      aria-label={`${card.title}, ${actionTypeLabel(card.action_type)}`}
      className={cn(
        'group relative rounded-lg border border-l-4 p-3 text-left shadow-sm transition-shadow',
        TONE_CLASSES[tone],
        canWrite && !overlay && 'cursor-grab select-none active:cursor-grabbing',
        dragging && 'opacity-40',
        overlay && 'cursor-grabbing shadow-xl ring-1 ring-primary/30',
      )}
      {...handleProps}
    >
      <CardBody {...props} overlay={overlay} />
    </div>
  );
}

/** A card that can be dragged (pointer or keyboard) and sorted; viewers get a static card. */
export const SortableActionCard = memo(function SortableActionCard(props: ActionCardProps) {
  const { card, canWrite } = props;
  const data: CardDragData = { type: 'card', cardId: card.id, status: card.status };
  // A group, not dnd-kit's default button: the card holds its own buttons (details, revert), and a button may not
  // contain other controls (WCAG 4.1.2). It stays focusable and draggable with the keyboard.
  const { setNodeRef, attributes, listeners, transform, transition, isDragging } = useSortable({
    id: card.id,
    data,
    disabled: !canWrite,
    attributes: { role: 'group' },
  });
  return (
    <ActionCardView
      {...props}
      cardRef={setNodeRef}
      dragging={isDragging}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      handleProps={canWrite ? { ...attributes, ...listeners, 'aria-roledescription': 'draggable action card' } : undefined}
    />
  );
});
