import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { boardKeys } from '../keys';
import type { ActionCardRow } from '../types';

type Lists = [QueryKey, ActionCardRow[] | undefined][];

/** The cached card lists of a workspace: the workspace board and each campaign board that was opened. */
function cardLists(queryClient: QueryClient, workspaceId: string): Lists {
  return queryClient.getQueriesData<ActionCardRow[]>({ queryKey: boardKeys.cards(workspaceId) });
}

const scopeOf = (key: QueryKey) => String(key[3] ?? 'all');

/**
 * Whether `row` adds nothing to `current`: older, or the same version with the same board fields. (An optimistic
 * move changes status and position without touching updated_at, so equal timestamps alone do not prove equality.)
 */
function sameVersion(current: ActionCardRow, row: ActionCardRow): boolean {
  const a = Date.parse(current.updated_at);
  const b = Date.parse(row.updated_at);
  if (a > b) return true;
  return a === b && current.status === row.status && current.position === row.position && current.title === row.title;
}

/** A change to apply to the cache: a new or changed row, or a deleted card. */
export type CardChange = { type: 'upsert'; row: ActionCardRow } | { type: 'delete'; id: string };

/**
 * Applies a batch of changes (e.g. one move's renumbered rows arriving through realtime) to every cached list of
 * the workspace in one cache write per list, so a burst of events renders once. A row only enters the lists whose
 * scope (whole workspace or its campaign) it belongs to; an older version never replaces a newer one.
 */
export function applyCardChanges(queryClient: QueryClient, workspaceId: string, changes: readonly CardChange[]): void {
  if (changes.length === 0) return;
  for (const [key, list] of cardLists(queryClient, workspaceId)) {
    if (!list) continue;
    const scope = scopeOf(key);
    const byId = new Map(list.map((c) => [c.id, c]));
    let changed = false;
    for (const change of changes) {
      if (change.type === 'delete') {
        changed = byId.delete(change.id) || changed;
        continue;
      }
      const row = change.row;
      const current = byId.get(row.id);
      // Same or older version than cached (an echo, or late delivery): keep the cached object so memoised cards skip rendering.
      if (current && sameVersion(current, row)) continue;
      if (scope === 'all' || scope === row.campaign_id) byId.set(row.id, row);
      else if (current) byId.delete(row.id);
      else continue;
      changed = true;
    }
    if (changed) queryClient.setQueryData<ActionCardRow[]>(key, [...byId.values()]);
  }
}

/** Puts one row (new or changed, e.g. a write's answer) into every list it belongs to. */
export function upsertCard(queryClient: QueryClient, row: ActionCardRow): void {
  applyCardChanges(queryClient, row.workspace_id, [{ type: 'upsert', row }]);
}

export function removeCard(queryClient: QueryClient, workspaceId: string, cardId: string): void {
  applyCardChanges(queryClient, workspaceId, [{ type: 'delete', id: cardId }]);
}

/** Applies `update` to every cached list of the workspace; returns what was there, for a rollback. */
export function updateCardLists(queryClient: QueryClient, workspaceId: string, update: (list: ActionCardRow[]) => ActionCardRow[]): Lists {
  const previous = cardLists(queryClient, workspaceId);
  for (const [key, list] of previous) if (list) queryClient.setQueryData<ActionCardRow[]>(key, update(list));
  return previous;
}

export function restoreCardLists(queryClient: QueryClient, snapshot: Lists): void {
  for (const [key, list] of snapshot) queryClient.setQueryData(key, list);
}
