import { ACTION_TYPES, hasActiveFilters, isActionType, type BoardFilters } from '@domain/board.ts';
import { FunnelX } from 'lucide-react';
import { useMemo } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { DeferredSelect, type SelectOption } from '@/components/ui/deferred-select';
import type { BoardCampaign } from '../types';

const ALL = 'all';

const ACTION_TYPE_OPTIONS: SelectOption[] = [{ value: ALL, label: 'All action types' }, ...ACTION_TYPES.map((t) => ({ value: t.id, label: t.label }))];

/** Campaign, action type and date range; the values live in the URL (useBoardFilters). The selects' Radix code loads after first paint. */
export function BoardFiltersBar({
  filters,
  onChange,
  onClear,
  campaigns,
  showCampaign,
  shown,
  total,
}: {
  filters: BoardFilters;
  onChange: (patch: Partial<BoardFilters>) => void;
  onClear: () => void;
  campaigns: BoardCampaign[];
  showCampaign: boolean;
  shown: number;
  total: number;
}) {
  const campaignOptions = useMemo(() => [{ value: ALL, label: 'All campaigns' }, ...campaigns.map((c) => ({ value: c.id, label: c.name }))], [campaigns]);
  const active = hasActiveFilters(showCampaign ? filters : { ...filters, campaignId: null });
  return (
    <div className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filter actions">
      {showCampaign ? (
        <DeferredSelect
          className="w-52 bg-white"
          aria-label="Filter by campaign"
          value={filters.campaignId ?? ALL}
          onValueChange={(v) => onChange({ campaignId: v === ALL ? null : v })}
          options={campaignOptions}
        />
      ) : null}
      <DeferredSelect
        className="w-48 bg-white"
        aria-label="Filter by action type"
        value={filters.actionType ?? ALL}
        onValueChange={(v) => onChange({ actionType: isActionType(v) ? v : null })}
        options={ACTION_TYPE_OPTIONS}
      />
      <div className="flex items-center gap-1.5">
        <Input
          type="date"
          aria-label="From date"
          className="w-36 bg-white"
          value={filters.from ?? ''}
          max={filters.to ?? undefined}
          onChange={(e) => onChange({ from: e.target.value || null })}
        />
        <span className="text-xs text-muted-foreground">to</span>
        <Input
          type="date"
          aria-label="To date"
          className="w-36 bg-white"
          value={filters.to ?? ''}
          min={filters.from ?? undefined}
          onChange={(e) => onChange({ to: e.target.value || null })}
        />
      </div>
      {active ? (
        <Button variant="ghost" size="sm" onClick={onClear}>
          <FunnelX aria-hidden />
          Clear filters
        </Button>
      ) : null}
      <p className="ml-auto text-xs text-muted-foreground" aria-live="polite" data-testid="board-count">
        {active ? `${shown} of ${total} actions` : `${total} actions`}
      </p>
    </div>
  );
}
