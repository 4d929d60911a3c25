/**
 * Member management as the settings page does it: an admin invites an email (invite_workspace_member), the person
 * accepts or declines it, and no change of role or removal may leave a workspace without an admin. Everything
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

beforeAll(async () => {
  [alice, bob, mark] = await Promise.all([person('alice'), person('bob'), person('mark')]);
  workspaceId = await createWorkspace(alice, 'Acme Growth');
  await createWorkspace(bob, 'Bob & Co');
  const { error } = await serviceClient().from('workspace_members').insert({ workspace_id: workspaceId, user_id: mark.id, role: 'marketer' });
  if (error) throw error;
});

/** Invites by email and has the person accept: the way anyone joins a workspace. */
async function inviteAndAccept(admin: Person, invitee: Person, ws: string, role: string) {
  const invitation = await admin.client.rpc('invite_workspace_member', { p_workspace_id: ws, p_email: invitee.email, p_role: role });
  if (invitation.error) throw new Error(`invite: ${invitation.error.message}`);
  const accepted = await invitee.client.rpc('accept_workspace_invitation', { p_invitation_id: invitation.data.id });
  if (accepted.error) throw new Error(`accept: ${accepted.error.message}`);
  return accepted.data;
}

describe('invitations', () => {
  it('lets an admin invite by email, in any case; the person joins only when they accept', async () => {
    const carol = await person('carol');
    const { data: invitation, error } = await alice.client.rpc('invite_workspace_member', {
      p_workspace_id: workspaceId,
      p_email: `  ${carol.email.toUpperCase()} `,
      p_role: 'viewer',
    });
    expect(error).toBeNull();
    expect(invitation).toMatchObject({ workspace_id: workspaceId, email: carol.email, role: 'viewer', status: 'pending', invited_by: alice.id });
    expect((await membersOf(workspaceId)).some((m) => m.user_id === carol.id)).toBe(false);
    expect((await carol.client.from('workspaces').select('id').eq('id', workspaceId)).data).toEqual([]);

    const mine = await carol.client.rpc('my_workspace_invitations');
    expect(mine.data).toEqual([expect.objectContaining({ id: invitation!.id, workspace_name: 'Acme Growth', role: 'viewer' })]);

    const { data: membership, error: acceptError } = await carol.client.rpc('accept_workspace_invitation', { p_invitation_id: invitation!.id });
    expect(acceptError).toBeNull();
    expect(membership).toMatchObject({ workspace_id: workspaceId, user_id: carol.id, role: 'viewer' });
    expect((await carol.client.from('workspaces').select('id, name').eq('id', workspaceId)).data).toEqual([{ id: workspaceId, name: 'Acme Growth' }]);
    expect((await alice.client.from('profiles').select('id, email').eq('id', carol.id)).data).toEqual([{ id: carol.id, email: carol.email }]);
    expect((await carol.client.rpc('my_workspace_invitations')).data).toEqual([]);
  });

  it('lets the invitee decline: no membership, and the admin sees the answer', async () => {
    const dana = await person('dana');
    const { data: invitation } = await alice.client.rpc('invite_workspace_member', { p_workspace_id: workspaceId, p_email: dana.email, p_role: 'marketer' });
    const declined = await dana.client.rpc('decline_workspace_invitation', { p_invitation_id: invitation!.id });
    expect(declined.error).toBeNull();
    expect((await membersOf(workspaceId)).some((m) => m.user_id === dana.id)).toBe(false);
    const seen = await alice.client.from('workspace_invitations').select('status').eq('id', invitation!.id).single();
    expect(seen.data?.status).toBe('declined');
    const again = await dana.client.rpc('accept_workspace_invitation', { p_invitation_id: invitation!.id });
    expect(again.error?.code).toBe('P0002');
  });

  it('refuses a marketer, an admin of another workspace and an anonymous caller with nothing recorded', async () => {
    const dave = await person('dave');
    const byMarketer = await mark.client.rpc('invite_workspace_member', { p_workspace_id: workspaceId, p_email: dave.email, p_role: 'admin' });
    expect(byMarketer.error?.code).toBe('42501');
    const byOutsider = await bob.client.rpc('invite_workspace_member', { p_workspace_id: workspaceId, p_email: dave.email, p_role: 'admin' });
    expect(byOutsider.error?.code).toBe('42501');
    const anonymous = await anonClient().rpc('invite_workspace_member', { p_workspace_id: workspaceId, p_email: dave.email, p_role: 'admin' });
    expect(anonymous.error).not.toBeNull();
    const { count } = await serviceClient().from('workspace_invitations').select('id', { count: 'exact', head: true }).eq('email', dave.email);
    expect(count).toBe(0);
  });

  it('answers 22023 for a member already in, a role that does not exist and a malformed email', async () => {
    const already = await alice.client.rpc('invite_workspace_member', { p_workspace_id: workspaceId, p_email: mark.email, p_role: 'admin' });
    expect(already.error).toMatchObject({ code: '22023', message: 'That person is already a member of this workspace' });
    expect((await membersOf(workspaceId)).find((m) => m.user_id === mark.id)?.role).toBe('marketer');
    const badRole = await alice.client.rpc('invite_workspace_member', { p_workspace_id: workspaceId, p_email: uniqueEmail('erin'), p_role: 'owner' });
    expect(badRole.error?.code).toBe('22023');
    const badEmail = await alice.client.rpc('invite_workspace_member', { p_workspace_id: workspaceId, p_email: 'not an email', p_role: 'viewer' });
    expect(badEmail.error?.code).toBe('22023');
  });

  it('re-inviting a pending address updates its role instead of piling up invitations', async () => {
    const email = uniqueEmail('gina');
    const first = await alice.client.rpc('invite_workspace_member', { p_workspace_id: workspaceId, p_email: email, p_role: 'viewer' });
    const second = await alice.client.rpc('invite_workspace_member', { p_workspace_id: workspaceId, p_email: email, p_role: 'ops_head' });
    expect(second.data).toMatchObject({ id: first.data!.id, role: 'ops_head' });
    const withdrawn = await alice.client.from('workspace_invitations').delete().eq('id', first.data!.id).select();
    expect(withdrawn.data).toHaveLength(1);
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
    const added = await inviteAndAccept(alice, await person('hana'), workspaceId, 'admin');
    const hanaId = added.user_id;

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
