-- The gateway's own database surface for auth: SECURITY DEFINER functions in a local-only schema that only
-- service_role may call. The gateway reaches them through PostgREST with the service key (never with
-- in-process queries on a running PGlite, which could land inside a user's open transaction).

create schema if not exists _local_auth;
revoke all on schema _local_auth from public;
grant usage on schema _local_auth to service_role;

create or replace function _local_auth.merge_meta(base jsonb, patch jsonb)
returns jsonb language sql immutable set search_path = '' as $$
  select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb)
  from jsonb_each(coalesce(base, '{}'::jsonb) || coalesce(patch, '{}'::jsonb)) as e
  where jsonb_typeof(e.value) <> 'null'
$$;

create or replace function _local_auth.create_user(
  p_email text, p_password_hash text, p_user_meta jsonb, p_app_meta jsonb, p_is_anonymous boolean, p_confirm boolean
) returns jsonb language plpgsql security definer set search_path = '' as $$
declare
  u auth.users;
begin
  insert into auth.users (
    instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
    raw_user_meta_data, created_at, updated_at, is_anonymous, is_super_admin
  ) values (
    '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', p_email,
    p_password_hash, case when p_confirm then now() end, coalesce(p_app_meta, '{}'::jsonb),
    coalesce(p_user_meta, '{}'::jsonb), now(), now(), coalesce(p_is_anonymous, false), false
  ) returning * into u;
  return jsonb_build_object('user', to_jsonb(u));
exception when unique_violation then
  return jsonb_build_object('error', 'user_already_exists');
end
$$;

create or replace function _local_auth.find_user_by_email(p_email text)
returns jsonb language sql stable security definer set search_path = '' as $$
  select coalesce(
    (select jsonb_build_object('user', to_jsonb(u)) from auth.users u where u.email = p_email and not u.is_sso_user),
    jsonb_build_object('error', 'user_not_found')
  )
$$;

create or replace function _local_auth.get_user(p_id uuid, p_session_id uuid)
returns jsonb language sql stable security definer set search_path = '' as $$
  select coalesce(
    (select jsonb_build_object(
       'user', to_jsonb(u),
       'session_exists', p_session_id is null or exists (
         select 1 from auth.sessions s where s.id = p_session_id and s.user_id = u.id))
     from auth.users u where u.id = p_id),
    jsonb_build_object('error', 'user_not_found')
  )
$$;

create or replace function _local_auth.start_session(p_user_id uuid, p_refresh_token text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
  u auth.users;
  sid uuid := gen_random_uuid();
begin
  update auth.users set last_sign_in_at = now(), updated_at = now() where id = p_user_id returning * into u;
  if not found then
    return jsonb_build_object('error', 'user_not_found');
  end if;
  insert into auth.sessions (id, user_id, created_at, updated_at, aal) values (sid, p_user_id, now(), now(), 'aal1');
  insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, session_id)
  values ('00000000-0000-0000-0000-000000000000', p_refresh_token, p_user_id::text, false, now(), now(), sid);
  return jsonb_build_object('user', to_jsonb(u), 'session_id', sid);
end
$$;

-- Rotation as GoTrue does it: a revoked token that is the parent of the session's active token returns that
-- active token (the client lost the answer to its last refresh); another revoked token is accepted only within
-- the reuse interval. Beyond it the token was stolen or replayed, so the whole family dies: every token of the
-- session is revoked and the session ends, which also signs out whoever holds the newest token.
drop function if exists _local_auth.refresh_session(text, text);
create or replace function _local_auth.refresh_session(p_token text, p_new_token text, p_reuse_interval_seconds integer default 10)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
  rt auth.refresh_tokens;
  active auth.refresh_tokens;
  u auth.users;
begin
  select * into rt from auth.refresh_tokens where token = p_token for update;
  if not found or rt.session_id is null
     or not exists (select 1 from auth.sessions s where s.id = rt.session_id) then
    return jsonb_build_object('error', 'refresh_token_not_found');
  end if;
  select * into u from auth.users where id = rt.user_id::uuid;
  if not found then
    return jsonb_build_object('error', 'user_not_found');
  end if;
  if rt.revoked then
    select * into active from auth.refresh_tokens
    where session_id = rt.session_id and not revoked order by id desc limit 1;
    if found and active.parent = rt.token then
      return jsonb_build_object('user', to_jsonb(u), 'session_id', rt.session_id, 'refresh_token', active.token);
    end if;
    if rt.updated_at + make_interval(secs => greatest(p_reuse_interval_seconds, 0)) < now() then
      update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = rt.session_id and not revoked;
      delete from auth.sessions where id = rt.session_id;
      return jsonb_build_object('error', 'refresh_token_already_used');
    end if;
  end if;
  update auth.refresh_tokens set revoked = true, updated_at = now() where id = rt.id;
  insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
  values ('00000000-0000-0000-0000-000000000000', p_new_token, rt.user_id, false, now(), now(), rt.token, rt.session_id);
  update auth.sessions set refreshed_at = now()::timestamp, updated_at = now() where id = rt.session_id;
  return jsonb_build_object('user', to_jsonb(u), 'session_id', rt.session_id, 'refresh_token', p_new_token);
end
$$;

create or replace function _local_auth.update_user(
  p_id uuid, p_email text, p_password_hash text, p_user_meta jsonb, p_app_meta jsonb, p_confirm boolean
) returns jsonb language plpgsql security definer set search_path = '' as $$
declare
  u auth.users;
begin
  update auth.users set
    email = coalesce(p_email, email),
    encrypted_password = coalesce(p_password_hash, encrypted_password),
    email_confirmed_at = case when p_confirm is true then coalesce(email_confirmed_at, now())
                              when p_confirm is false then null else email_confirmed_at end,
    raw_user_meta_data = case when p_user_meta is null then raw_user_meta_data
                              else _local_auth.merge_meta(raw_user_meta_data, p_user_meta) end,
    raw_app_meta_data = case when p_app_meta is null then raw_app_meta_data
                             else _local_auth.merge_meta(raw_app_meta_data, p_app_meta) end,
    is_anonymous = case when p_email is not null then false else is_anonymous end,
    updated_at = now()
  where id = p_id
  returning * into u;
  if not found then
    return jsonb_build_object('error', 'user_not_found');
  end if;
  return jsonb_build_object('user', to_jsonb(u));
exception when unique_violation then
  return jsonb_build_object('error', 'email_exists');
end
$$;

create or replace function _local_auth.logout(p_user_id uuid, p_session_id uuid, p_scope text)
returns jsonb language plpgsql security definer set search_path = '' as $$
begin
  delete from auth.sessions s
  where s.user_id = p_user_id
    and (p_scope = 'global'
         or (p_scope = 'local' and s.id = p_session_id)
         or (p_scope = 'others' and s.id is distinct from p_session_id));
  return jsonb_build_object('ok', true);
end
$$;

create or replace function _local_auth.list_users(p_page integer, p_per_page integer)
returns jsonb language sql stable security definer set search_path = '' as $$
  select jsonb_build_object(
    'users', coalesce((
      select jsonb_agg(to_jsonb(p) order by p.created_at, p.id)
      from (select * from auth.users order by created_at, id
            limit greatest(p_per_page, 1) offset greatest(p_page - 1, 0) * greatest(p_per_page, 1)) p
    ), '[]'::jsonb),
    'total', (select count(*) from auth.users)
  )
$$;

create or replace function _local_auth.delete_user(p_id uuid)
returns jsonb language plpgsql security definer set search_path = '' as $$
begin
  delete from auth.refresh_tokens where user_id = p_id::text;
  delete from auth.users where id = p_id;
  if not found then
    return jsonb_build_object('error', 'user_not_found');
  end if;
  return jsonb_build_object('ok', true);
end
$$;

revoke all on all functions in schema _local_auth from public, anon, authenticated;
grant execute on all functions in schema _local_auth to service_role;
