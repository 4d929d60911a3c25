/**
 * Hardening, roles (issue 11, item 10): a viewer asks the functions that write with the service role to write in
 * their name, and an anonymous user tries to open a workspace. Both are refused and nothing is written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../../scripts/local-stack/keys.ts';
import { makeClient, serviceClient, signUpUser, stack } from '../support/clients.ts';
import { makeTeam, type Team } from '../support/team.ts';

let team: Team;

beforeAll(async () => {
  team = await makeTeam('Roles');
}, 60_000);

async function statusOf(result: { error: unknown }): Promise<number | undefined> {
  return (result.error as { context?: Response } | null)?.context?.status;
}

describe('a viewer and the functions that write with the service role', () => {
  it('cannot run analyze-correlations: 403 and no analysis run recorded in their name', async () => {
    const viewer = team.members.viewer.client;
    const run = await viewer.functions.invoke('analyze-correlations', { body: { workspace_id: team.workspaceId } });
    expect(await statusOf(run)).toBe(403);
    const { count } = await serviceClient().from('analysis_runs').select('id', { count: 'exact', head: true }).eq('workspace_id', team.workspaceId);
    expect(count).toBe(0);
    // The same call by a marketer runs, so the refusal is about the role.
    const byMarketer = await team.members.marketer.client.functions.invoke('analyze-correlations', { body: { workspace_id: team.workspaceId } });
    expect(byMarketer.error).toBeNull();
  });

  it('cannot run generate-recommendations: 403', async () => {
    const run = await team.members.viewer.client.functions.invoke('generate-recommendations', { body: { workspace_id: team.workspaceId } });
    expect(await statusOf(run)).toBe(403);
    const byMarketer = await team.members.marketer.client.functions.invoke('generate-recommendations', { body: { workspace_id: team.workspaceId } });
    expect(byMarketer.error).toBeNull();
  });
});

describe('an anonymous user', () => {
  it('cannot create a workspace, even with anonymous sign-ins turned on for the project', async () => {
    // The token an anonymous sign-in gets (GoTrue sets is_anonymous), for an account of the stack.
    const { user } = await signUpUser();
    const now = Math.floor(Date.now() / 1000);
    const token = await signJwt(
      { sub: user.id, role: 'authenticated', aud: 'authenticated', is_anonymous: true, iat: now, exp: now + 600 },
      stack().jwtSecret,
    );
    const anonymous = makeClient(stack().anonKey);
    const { error } = await anonymous.from('workspaces').insert({ name: 'Free tenant' }).setHeader('Authorization', `Bearer ${token}`).select();
    expect(error?.code).toBe('42501');
    const { count } = await serviceClient().from('workspaces').select('id', { count: 'exact', head: true }).eq('created_by', user.id);
    expect(count).toBe(0);
  });
});
