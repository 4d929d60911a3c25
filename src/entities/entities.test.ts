import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { alertKeys } from './alerts/keys';
import type { WorkspaceCampaign } from './campaigns/get-workspace-campaigns';
import { campaignKeys } from './campaigns/keys';
import { campaignsById, campaignsByName } from './campaigns/views';
import { peopleKeys } from './people/keys';
import { peopleById, personName, type Person } from './people/views';

const campaign = (id: string, name: string) => ({ id, name, status: 'active', currency: 'EUR', campaign_phases: [] }) as unknown as WorkspaceCampaign;

describe('entities', () => {
  it('derive each feature view from the one cached list', () => {
    const list = [campaign('b', 'Spring sale'), campaign('a', 'Autumn launch')];
    expect(campaignsByName(list).map((c) => c.name)).toEqual(['Autumn launch', 'Spring sale']);
    expect(Object.keys(campaignsById(list)).sort()).toEqual(['a', 'b']);
    expect(list.map((c) => c.id)).toEqual(['b', 'a']);
  });

  it('name people by full name, else email, else "Teammate"', () => {
    expect(personName({ full_name: '  Ana  ', email: 'a@x.test' })).toBe('Ana');
    expect(personName({ full_name: ' ', email: 'a@x.test' })).toBe('a@x.test');
    expect(personName({ full_name: null, email: null })).toBe('Teammate');
    const people: Person[] = [{ id: 'u1', full_name: 'Ana', email: 'a@x.test', name: 'Ana' }];
    expect(peopleById(people).u1.name).toBe('Ana');
  });

  it('let one invalidation of an entity key reach every query under it', async () => {
    const client = new QueryClient();
    client.setQueryData(campaignKeys.list('w1'), []);
    client.setQueryData(campaignKeys.list('w2'), []);
    client.setQueryData(alertKeys.list('w1', 'active'), []);
    client.setQueryData(alertKeys.detail('w1', 'x'), {});
    client.setQueryData(peopleKeys.workspace('w1'), []);
    await client.invalidateQueries({ queryKey: campaignKeys.list('w1') });
    await client.invalidateQueries({ queryKey: alertKeys.workspace('w1') });
    const stale = client.getQueryCache().getAll().filter((q) => q.state.isInvalidated).map((q) => q.queryKey);
    expect(stale).toEqual([campaignKeys.list('w1'), alertKeys.list('w1', 'active'), alertKeys.detail('w1', 'x')]);
  });
});
