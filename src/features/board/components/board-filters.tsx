import { ACTION_TYPES, hasActiveFilters, isActionType, type BoardFilters } from '@domain/board.ts';
import { FunnelX } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import type { BoardCampaign } from '../types';

const ALL = 'all';

/** Campaign, action type and date range; the values live in the URL (useBoardFilters). */
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
  const active = hasActiveFilters(showCampaign ? filters : { ...filters, campaignId: null });
  return (
    <div className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filter actions">
      {showCampaign ? (
        <Select value={filters.campaignId ?? ALL} onValueChange={(v) => onChange({ campaignId: v === ALL ? null : v })}>
          <SelectTrigger className="w-52 bg-white" aria-label="Filter by campaign">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All campaigns</SelectItem>
            {campaigns.map((c) => (
              <SelectItem key={c.id} value={c.id}>
                {c.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      ) : null}
      <Select value={filters.actionType ?? ALL} onValueChange={(v) => onChange({ actionType: isActionType(v) ? v : null })}>
        <SelectTrigger className="w-48 bg-white" aria-label="Filter by action type">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All action types</SelectItem>
          {ACTION_TYPES.map((t) => (
            <SelectItem key={t.id} value={t.id}>
              {t.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
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
