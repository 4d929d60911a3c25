import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { boardKeys } from '../keys';
import type { ActionCardRow } from '../types';
import { applyCardChanges } from './card-cache';

const row = (id: string, campaign_id: string, updated_at = '2025-02-07T10:00:00Z', title = id): ActionCardRow => ({
  id,
  workspace_id: 'ws',
  campaign_id,
  action_type: 'creative_change',
  title,
  description: null,
  occurred_at: '2025-02-07T10:00:00Z',
  metadata: {},
  status: 'planned',
  position: 0,
  impact: 'neutral',
  completed_at: null,
  reverts_action_id: null,
  created_by: null,
  created_at: '2025-02-07T10:00:00Z',
  updated_at,
  source: 'manual',
  external_id: null,
  external_url: null,
  actor_name: null,
});

describe('applyCardChanges', () => {
  it('patches the workspace list and only the matching campaign list, once per batch', () => {
    const client = new QueryClient();
    client.setQueryData(boardKeys.cardList('ws', null), [row('a', 'c1')]);
    client.setQueryData(boardKeys.cardList('ws', 'c1'), [row('a', 'c1')]);
    applyCardChanges(client, 'ws', [
      { type: 'upsert', row: row('b', 'c2') },
      { type: 'upsert', row: row('a', 'c1', '2025-02-07T11:00:00Z', 'edited') },
    ]);
    expect(client.getQueryData<ActionCardRow[]>(boardKeys.cardList('ws', null))?.map((c) => c.title)).toEqual(['edited', 'b']);
    expect(client.getQueryData<ActionCardRow[]>(boardKeys.cardList('ws', 'c1'))?.map((c) => c.title)).toEqual(['edited']);
  });

  it('ignores an older version and removes deleted or moved-away cards', () => {
    const client = new QueryClient();
    client.setQueryData(boardKeys.cardList('ws', 'c1'), [row('a', 'c1', '2025-02-07T12:00:00Z', 'new'), row('b', 'c1')]);
    applyCardChanges(client, 'ws', [
      { type: 'upsert', row: row('a', 'c1', '2025-02-07T11:00:00Z', 'old') },
      { type: 'upsert', row: row('b', 'c9', '2025-02-07T13:00:00Z') },
    ]);
    expect(client.getQueryData<ActionCardRow[]>(boardKeys.cardList('ws', 'c1'))?.map((c) => c.title)).toEqual(['new']);
    applyCardChanges(client, 'ws', [{ type: 'delete', id: 'a' }]);
    expect(client.getQueryData<ActionCardRow[]>(boardKeys.cardList('ws', 'c1'))).toEqual([]);
  });

  it('keeps the cached object for an echo of the same version, so memoised cards do not re-render', () => {
    const client = new QueryClient();
    const cached = row('a', 'c1');
    client.setQueryData(boardKeys.cardList('ws', null), [cached]);
    applyCardChanges(client, 'ws', [{ type: 'upsert', row: { ...cached } }]);
    expect(client.getQueryData<ActionCardRow[]>(boardKeys.cardList('ws', null))?.[0]).toBe(cached);
    // Same timestamp but a different column (an optimistic row meeting the server's): the server's row wins.
    applyCardChanges(client, 'ws', [{ type: 'upsert', row: { ...cached, status: 'completed' } }]);
    expect(client.getQueryData<ActionCardRow[]>(boardKeys.cardList('ws', null))?.[0].status).toBe('completed');
  });
});
