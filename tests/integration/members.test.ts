/**
 * Member management as the settings page does it: an admin adds an existing account by email through the
 * add_workspace_member RPC, and no change of role or removal may leave a workspace without an admin. Everything
 * goes through supabase-js against the local stack; the service client only arranges and checks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, type Client, serviceClient, signUpUser, uniqueEmail } from '../support/clients.ts';

type Person = { client: Client; id: string; email: string };

async function person(label: string): Promise<Person> {
  const { client, user, email } = await signUpUser(uniqueEmail(label));
  return { client, id: user.id, email };
}

async function createWorkspace(owner: Person, name: string): Promise<string> {
  const { data, error } = await owner.client.from('workspaces').insert({ name }).select('id').single();
  if (error) throw new Error(`create workspace: ${error.message}`);
  return data.id;
}

async function membersOf(workspaceId: string): Promise<{ user_id: string; role: string }[]> {
  const { data, error } = await serviceClient().from('workspace_members').select('user_id, role').eq('workspace_id', workspaceId).order('user_id');
  if (error) throw error;
  return data;
}

let alice: Person; // admin of the workspace under test
let bob: Person; // admin of another workspace
let mark: Person; // marketer in alice's workspace
let workspaceId: string;
let otherWorkspaceId: string;

beforeAll(async () => {
  [alice, bob, mark] = await Promise.all([person('alice'), person('bob'), person('mark')]);
  workspaceId = await createWorkspace(alice, 'Acme Growth');
  otherWorkspaceId = await createWorkspace(bob, 'Bob & Co');
  const { error } = await serviceClient().from('workspace_members').insert({ workspace_id: workspaceId, user_id: mark.id, role: 'marketer' });
  if (error) throw error;
});

describe('add_workspace_member', () => {
  it('lets an admin add an existing account by email, in any case, and the new member can read the workspace', async () => {
    const carol = await person('carol');
    const before = await carol.client.from('workspaces').select('id').eq('id', workspaceId);
    expect(before.data).toEqual([]);

    const { data, error } = await alice.client.rpc('add_workspace_member', {
      p_workspace_id: workspaceId,
      p_email: `  ${carol.email.toUpperCase()} `,
      p_role: 'viewer',
    });

    expect(error).toBeNull();
    expect(data).toMatchObject({ workspace_id: workspaceId, user_id: carol.id, role: 'viewer' });
    const after = await carol.client.from('workspaces').select('id, name').eq('id', workspaceId);
    expect(after.data).toEqual([{ id: workspaceId, name: 'Acme Growth' }]);
    const profiles = await alice.client.from('profiles').select('id, email').eq('id', carol.id);
    expect(profiles.data).toEqual([{ id: carol.id, email: carol.email }]);
  });

  it('answers P0002 for an email no account uses, and changes nothing', async () => {
    const before = await membersOf(workspaceId);

    const { data, error } = await alice.client.rpc('add_workspace_member', {
      p_workspace_id: workspaceId,
      p_email: uniqueEmail('nobody'),
      p_role: 'marketer',
    });

    expect(data).toBeNull();
    expect(error?.code).toBe('P0002');
    expect(error?.message).toBe('No account uses that email yet: ask them to sign up first, then add them');
    expect(await membersOf(workspaceId)).toEqual(before);
  });

  it('refuses a marketer with 42501', async () => {
    const dave = await person('dave');

    const { error } = await mark.client.rpc('add_workspace_member', { p_workspace_id: workspaceId, p_email: dave.email, p_role: 'admin' });

    expect(error?.code).toBe('42501');
    expect((await membersOf(workspaceId)).some((m) => m.user_id === dave.id)).toBe(false);
  });

  it('answers 22023 when the person is already a member, keeping their role', async () => {
    const { error } = await alice.client.rpc('add_workspace_member', { p_workspace_id: workspaceId, p_email: mark.email, p_role: 'admin' });

    expect(error?.code).toBe('22023');
    expect(error?.message).toMatch(/already a member/);
    expect((await membersOf(workspaceId)).find((m) => m.user_id === mark.id)?.role).toBe('marketer');
  });

  it('answers 22023 for a role that does not exist', async () => {
    const erin = await person('erin');

    const { error } = await alice.client.rpc('add_workspace_member', { p_workspace_id: workspaceId, p_email: erin.email, p_role: 'owner' });

    expect(error?.code).toBe('22023');
    expect((await membersOf(workspaceId)).some((m) => m.user_id === erin.id)).toBe(false);
  });

  it("does not let an admin of another workspace add people to this one", async () => {
    const frank = await person('frank');

    const { error } = await bob.client.rpc('add_workspace_member', { p_workspace_id: workspaceId, p_email: frank.email, p_role: 'admin' });

    expect(error?.code).toBe('42501');
    expect((await membersOf(workspaceId)).some((m) => m.user_id === frank.id || m.user_id === bob.id)).toBe(false);
    const { error: ownError } = await bob.client.rpc('add_workspace_member', { p_workspace_id: otherWorkspaceId, p_email: frank.email, p_role: 'viewer' });
    expect(ownError).toBeNull();
  });

  it('is not callable without signing in', async () => {
    const grace = await person('grace');

    const { error } = await anonClient().rpc('add_workspace_member', { p_workspace_id: workspaceId, p_email: grace.email, p_role: 'admin' });

    expect(error).not.toBeNull();
    expect((await membersOf(workspaceId)).some((m) => m.user_id === grace.id)).toBe(false);
  });
});

describe('a workspace keeps at least one admin', () => {
  it('refuses demoting or removing the last admin, even with the service key', async () => {
    const demote = await alice.client.from('workspace_members').update({ role: 'ops_head' }).eq('workspace_id', workspaceId).eq('user_id', alice.id).select();
    expect(demote.error?.code).toBe('22023');
    expect(demote.error?.message).toBe('A workspace needs at least one admin');

    const remove = await alice.client.from('workspace_members').delete().eq('workspace_id', workspaceId).eq('user_id', alice.id).select();
    expect(remove.error?.code).toBe('22023');

    const asService = await serviceClient().from('workspace_members').update({ role: 'viewer' }).eq('workspace_id', workspaceId).select();
    expect(asService.error?.code).toBe('22023');

    expect((await membersOf(workspaceId)).find((m) => m.user_id === alice.id)?.role).toBe('admin');
  });

  it('lets an admin step down once someone else is an admin, then protects the new last admin', async () => {
    const { data: added, error } = await alice.client.rpc('add_workspace_member', { p_workspace_id: workspaceId, p_email: (await person('hana')).email, p_role: 'admin' });
    expect(error).toBeNull();
    const hanaId = added!.user_id;

    const stepDown = await alice.client.from('workspace_members').update({ role: 'marketer' }).eq('workspace_id', workspaceId).eq('user_id', alice.id).select('role');
    expect(stepDown.error).toBeNull();
    expect(stepDown.data).toEqual([{ role: 'marketer' }]);

    const asService = await serviceClient().from('workspace_members').delete().eq('workspace_id', workspaceId).eq('user_id', hanaId).select();
    expect(asService.error?.code).toBe('22023');
    expect((await membersOf(workspaceId)).filter((m) => m.role === 'admin').map((m) => m.user_id)).toEqual([hanaId]);
  });

  it('still lets an admin delete the whole workspace', async () => {
    const scratch = await createWorkspace(bob, 'Scratch');

    const { error } = await bob.client.from('workspaces').delete().eq('id', scratch);

    expect(error).toBeNull();
    expect(await membersOf(scratch)).toEqual([]);
  });
});
