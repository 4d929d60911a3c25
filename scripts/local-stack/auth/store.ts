import type { AuthUserRow } from './user-json.ts';

type RpcResult = {
  error?: string;
  user?: AuthUserRow;
  session_id?: string;
  session_exists?: boolean;
  /** refresh_session: the token to hand back (new, or the active one when the client lost its last answer). */
  refresh_token?: string;
};

/**
 * The gateway's access to auth.users, auth.sessions and auth.refresh_tokens: the SECURITY DEFINER functions in
 * the _local_auth schema, called through PostgREST with the service key (docs/local-stack.md §5).
 */
export class AuthStore {
  constructor(
    private readonly postgrestUrl: string,
    private readonly serviceRoleKey: string,
  ) {}

  private async rpc<T = RpcResult>(fn: string, args: Record<string, unknown>): Promise<T> {
    const res = await fetch(`${this.postgrestUrl}/rpc/${fn}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${this.serviceRoleKey}`,
        'Content-Type': 'application/json',
        'Content-Profile': '_local_auth',
        Accept: 'application/json',
      },
      body: JSON.stringify(args),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`_local_auth.${fn} failed (${res.status}): ${text}`);
    return JSON.parse(text) as T;
  }

  createUser(a: {
    email: string | null;
    passwordHash: string | null;
    userMeta: Record<string, unknown>;
    appMeta: Record<string, unknown>;
    isAnonymous: boolean;
    confirm: boolean;
  }) {
    return this.rpc('create_user', {
      p_email: a.email,
      p_password_hash: a.passwordHash,
      p_user_meta: a.userMeta,
      p_app_meta: a.appMeta,
      p_is_anonymous: a.isAnonymous,
      p_confirm: a.confirm,
    });
  }

  findUserByEmail(email: string) {
    return this.rpc('find_user_by_email', { p_email: email });
  }

  getUser(id: string, sessionId: string | null) {
    return this.rpc('get_user', { p_id: id, p_session_id: sessionId });
  }

  startSession(userId: string, refreshToken: string) {
    return this.rpc('start_session', { p_user_id: userId, p_refresh_token: refreshToken });
  }

  refreshSession(token: string, newToken: string, reuseIntervalSeconds: number) {
    return this.rpc('refresh_session', { p_token: token, p_new_token: newToken, p_reuse_interval_seconds: reuseIntervalSeconds });
  }

  updateUser(
    id: string,
    a: {
      email?: string | null;
      passwordHash?: string | null;
      userMeta?: Record<string, unknown> | null;
      appMeta?: Record<string, unknown> | null;
      confirm?: boolean | null;
    },
  ) {
    return this.rpc('update_user', {
      p_id: id,
      p_email: a.email ?? null,
      p_password_hash: a.passwordHash ?? null,
      p_user_meta: a.userMeta ?? null,
      p_app_meta: a.appMeta ?? null,
      p_confirm: a.confirm ?? null,
    });
  }

  logout(userId: string, sessionId: string | null, scope: 'global' | 'local' | 'others') {
    return this.rpc('logout', { p_user_id: userId, p_session_id: sessionId, p_scope: scope });
  }

  listUsers(page: number, perPage: number) {
    return this.rpc<{ users: AuthUserRow[]; total: number }>('list_users', { p_page: page, p_per_page: perPage });
  }

  deleteUser(id: string) {
    return this.rpc('delete_user', { p_id: id });
  }
}
