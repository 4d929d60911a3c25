/**
 * Hardening, membership (issue 11, item 5): an admin tries to pull someone into their workspace without the
 * person's consent, probes which emails have accounts, and users try to pass as someone else by email. Only an
 * invitation the invitee accepts creates a membership, and every probe gets the same answer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceClient, signUpUser, uniqueEmail, type Client } from '../support/clients.ts';

type Person = { client: Client; id: string; email: string };

async function person(): Promise<Person> {
  const { client, user, email } = await signUpUser();
  return { client, id: user.id, email };
}

let admin: Person; // admin of the hostile workspace
let victim: Person; // has an account, never agreed to join
let workspaceId: string;

const isMember = async (userId: string) =>
  ((await serviceClient().from('workspace_members').select('id').eq('workspace_id', workspaceId).eq('user_id', userId)).data ?? []).length > 0;

beforeAll(async () => {
  [admin, victim] = await Promise.all([person(), person()]);
  const { data, error } = await admin.client.from('workspaces').insert({ name: 'Pushy agency' }).select('id').single();
  if (error) throw error;
  workspaceId = data.id;
});

describe('adding someone without their consent', () => {
  it('makes no membership from an invitation alone: the victim stays out and their profile stays hidden', async () => {
    const invited = await admin.client.rpc('invite_workspace_member', { p_workspace_id: workspaceId, p_email: victim.email, p_role: 'viewer' });
    expect(invited.error).toBeNull();
    expect(await isMember(victim.id)).toBe(false);
    expect((await admin.client.from('profiles').select('id').eq('id', victim.id)).data).toEqual([]);
    expect((await victim.client.from('workspace_members').select('workspace_id').eq('user_id', victim.id)).data).toEqual([]);
  });

  it('refuses inserting a membership for someone directly, by their user id', async () => {
    const { error } = await admin.client.from('workspace_members').insert({ workspace_id: workspaceId, user_id: victim.id, role: 'viewer' }).select();
    expect(error?.code).toBe('42501');
    expect(await isMember(victim.id)).toBe(false);
  });

  it("refuses moving an existing membership onto someone else's account", async () => {
    const accomplice = await person();
    const invited = await admin.client.rpc('invite_workspace_member', { p_workspace_id: workspaceId, p_email: accomplice.email, p_role: 'viewer' });
    const joined = await accomplice.client.rpc('accept_workspace_invitation', { p_invitation_id: invited.data!.id });
    expect(joined.error).toBeNull();
    const { error } = await admin.client.from('workspace_members').update({ user_id: victim.id }).eq('id', joined.data!.id).select();
    expect(error?.code).toBe('42501');
    expect(await isMember(victim.id)).toBe(false);
    expect(await isMember(accomplice.id)).toBe(true);
  });

  it('does not tell which emails have accounts: a known and an unknown address get the same answer', async () => {
    const known = await admin.client.rpc('invite_workspace_member', { p_workspace_id: workspaceId, p_email: (await person()).email, p_role: 'marketer' });
    const unknown = await admin.client.rpc('invite_workspace_member', { p_workspace_id: workspaceId, p_email: uniqueEmail('nobody'), p_role: 'marketer' });
    expect(known.error).toBeNull();
    expect(unknown.error).toBeNull();
    expect(Object.keys(known.data!).sort()).toEqual(Object.keys(unknown.data!).sort());
    expect([known.data!.status, unknown.data!.status]).toEqual(['pending', 'pending']);
  });
});

describe("someone else's invitation", () => {
  it('cannot be seen or accepted by another account, which learns what it would for an unknown id', async () => {
    const invited = await admin.client.rpc('invite_workspace_member', { p_workspace_id: workspaceId, p_email: uniqueEmail('intended'), p_role: 'admin' });
    const stranger = await person();
    expect((await stranger.client.from('workspace_invitations').select('id').eq('id', invited.data!.id)).data).toEqual([]);
    expect((await stranger.client.rpc('my_workspace_invitations')).data).toEqual([]);
    const taken = await stranger.client.rpc('accept_workspace_invitation', { p_invitation_id: invited.data!.id });
    const unknown = await stranger.client.rpc('accept_workspace_invitation', { p_invitation_id: crypto.randomUUID() });
    expect(taken.error).toMatchObject({ code: 'P0002', message: unknown.error?.message });
    const forged = await stranger.client.from('workspace_invitations').update({ email: stranger.email }).eq('id', invited.data!.id).select();
    expect(forged.data ?? []).toEqual([]);
    expect(await isMember(stranger.id)).toBe(false);
  });
});

describe('passing as someone else by email', () => {
  it("refuses setting one's profile email to another user's, so invitations and member lists cannot be fooled", async () => {
    const impostor = await person();
    const { error } = await impostor.client.from('profiles').update({ email: victim.email }).eq('id', impostor.id).select();
    expect(error?.code).toBe('42501');
    const { data } = await serviceClient().from('profiles').select('email').eq('id', impostor.id).single();
    expect(data?.email).toBe(impostor.email);
  });

  it('keeps the profile email following the account email', async () => {
    const mover = await person();
    const next = uniqueEmail('moved');
    const { error } = await mover.client.auth.updateUser({ email: next });
    expect(error).toBeNull();
    const { data } = await serviceClient().from('profiles').select('email').eq('id', mover.id).single();
    expect(data?.email).toBe(next);
  });
});
