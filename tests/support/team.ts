/** A workspace with one member of every role, made the way the product makes it (memberships by the service role). */
import { serviceClient, signUpUser, type Client } from './clients.ts';

export type Role = 'admin' | 'ops_head' | 'marketer' | 'viewer';
export const ROLES: Role[] = ['admin', 'ops_head', 'marketer', 'viewer'];

export interface Member {
  client: Client;
  userId: string;
  email: string;
}

export interface Team {
  workspaceId: string;
  members: Record<Role, Member>;
}

export async function must<T>(promise: PromiseLike<{ data: T; error: unknown }>, what = 'request'): Promise<NonNullable<T>> {
  const { data, error } = await promise;
  if (error || data === null) throw new Error(`${what} failed: ${JSON.stringify(error)}`);
  return data as NonNullable<T>;
}

export async function makeTeam(label: string): Promise<Team> {
  const admin = await signUpUser();
  const ws = await must(admin.client.from('workspaces').insert({ name: `${label} team` }).select().single(), 'create workspace');
  const members = { admin: { client: admin.client, userId: admin.user.id, email: admin.email } } as Record<Role, Member>;
  for (const role of ['ops_head', 'marketer', 'viewer'] as const) {
    const person = await signUpUser();
    await must(serviceClient().from('workspace_members').insert({ workspace_id: ws.id, user_id: person.user.id, role }).select(), `add ${role}`);
    members[role] = { client: person.client, userId: person.user.id, email: person.email };
  }
  return { workspaceId: ws.id, members };
}
