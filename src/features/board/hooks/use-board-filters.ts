import { parseBoardFilters, writeBoardFilters, type BoardFilters } from '@domain/board.ts';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** Board filters live in the URL (?campaign=&type=&from=&to=), so a filtered board can be shared and survives reloads. */
export function useBoardFilters(): [BoardFilters, (patch: Partial<BoardFilters>) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseBoardFilters(params), [params]);
  const update = useCallback(
    (patch: Partial<BoardFilters>) => setParams((current) => writeBoardFilters(current, { ...parseBoardFilters(current), ...patch }), { replace: true }),
    [setParams],
  );
  const clear = useCallback(
    () => setParams((current) => writeBoardFilters(current, { campaignId: null, actionType: null, from: null, to: null }), { replace: true }),
    [setParams],
  );
  return [filters, update, clear];
}
