/**
 * Issue 11, item 9: one tenant's bulk insert must not stall everyone. The gateway keeps REST bodies to a
 * hosted-like size, so a 9 MB insert is refused with 413 before it reaches PostgREST and changes nothing.
 * (Another user's read latency during a large insert is measured in `npm run bench`, not asserted here.)
 */
import { describe, expect, it } from 'vitest';
import { MAX_REST_BODY_BYTES } from '../../scripts/local-stack/http-utils.ts';
import { serviceClient, stack } from '../support/clients.ts';
import { makeTeam } from '../support/team.ts';

describe('REST body limit', () => {
  it('refuses a 9 MB bulk insert with 413 and inserts nothing', async () => {
    const team = await makeTeam('bulk');
    const rows = Array.from({ length: 45_000 }, (_, i) => ({
      workspace_id: team.workspaceId,
      name: `Bulk campaign ${i} ${'x'.repeat(110)}`,
      objective: 'sales' as const,
    }));
    expect(JSON.stringify(rows).length).toBeGreaterThan(9 * 1000 * 1000);
    // Under the old 10 MiB limit, over the new one: the request a tenant could send before.
    expect(JSON.stringify(rows).length).toBeLessThan(10 * 1024 * 1024);

    // Sent as one request with fetch: postgrest-js spends seconds listing the columns of 45,000 rows.
    const { data: session } = await team.members.admin.client.auth.getSession();
    const res = await fetch(`${stack().url}/rest/v1/campaigns`, {
      method: 'POST',
      headers: { apikey: stack().anonKey, Authorization: `Bearer ${session.session!.access_token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(rows),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'payload_too_large' });

    const { count } = await serviceClient().from('campaigns').select('id', { count: 'exact', head: true }).eq('workspace_id', team.workspaceId);
    expect(count).toBe(0);
    expect(JSON.stringify(rows).length).toBeGreaterThan(MAX_REST_BODY_BYTES);
  }, 60_000);
});
