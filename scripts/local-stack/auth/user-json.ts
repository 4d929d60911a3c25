/** A row of auth.users as returned by to_jsonb() in the _local_auth functions. */
export interface AuthUserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: string | null;
  confirmed_at: string | null;
  last_sign_in_at: string | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  phone: string | null;
  created_at: string;
  updated_at: string;
  is_anonymous: boolean;
}

/** GoTrue's models.User JSON (never includes the password hash). */
export function toUserJson(row: AuthUserRow): Record<string, unknown> {
  const identities = row.email
    ? [
        {
          identity_id: row.id,
          id: row.id,
          user_id: row.id,
          identity_data: { email: row.email, email_verified: !!row.email_confirmed_at, phone_verified: false, sub: row.id },
          provider: 'email',
          email: row.email,
          created_at: row.created_at,
          updated_at: row.updated_at,
          last_sign_in_at: row.last_sign_in_at,
        },
      ]
    : [];
  return {
    id: row.id,
    aud: row.aud ?? 'authenticated',
    role: row.role ?? 'authenticated',
    email: row.email ?? '',
    email_confirmed_at: row.email_confirmed_at ?? undefined,
    phone: row.phone ?? '',
    confirmed_at: row.confirmed_at ?? undefined,
    last_sign_in_at: row.last_sign_in_at ?? undefined,
    app_metadata: row.raw_app_meta_data ?? {},
    user_metadata: row.raw_user_meta_data ?? {},
    identities,
    created_at: row.created_at,
    updated_at: row.updated_at,
    is_anonymous: row.is_anonymous,
  };
}
