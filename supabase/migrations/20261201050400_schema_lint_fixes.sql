-- What the schema lint (scripts/lint-schema.ts, after Supabase's splinter) found in the landed schema, fixed:
-- the twelve foreign keys without an index (joins and the cascades of a deleted user or workspace scanned whole
-- tables), set_updated_at's mutable search_path, and security-definer functions that anon could execute (and
-- definer trigger functions any client could). Also: anonymous users cannot create workspaces. Anonymous
-- sign-ins are off (supabase/config.toml), but a project that turns them on must not hand every visitor a tenant.

create index ai_alerts_correlation_id_idx on public.ai_alerts (correlation_id);
create index ai_alerts_resolved_by_idx on public.ai_alerts (resolved_by);
create index ai_alerts_revert_action_id_idx on public.ai_alerts (revert_action_id);
create index analysis_runs_created_by_idx on public.analysis_runs (created_by);
create index campaigns_created_by_idx on public.campaigns (created_by);
create index campaigns_decided_by_idx on public.campaigns (decided_by);
create index feasibility_assessments_created_by_idx on public.feasibility_assessments (created_by);
create index feasibility_assessments_decided_by_idx on public.feasibility_assessments (decided_by);
create index ingest_keys_created_by_idx on public.ingest_keys (created_by);
create index marketer_actions_created_by_idx on public.marketer_actions (created_by);
create index recommendation_decisions_decided_by_idx on public.recommendation_decisions (decided_by);
create index workspaces_created_by_idx on public.workspaces (created_by);

alter function public.set_updated_at() set search_path = '';

-- Policy helpers: for signed-in users (and the service role) only.
revoke execute on function public.is_workspace_member(uuid) from public, anon;
revoke execute on function public.has_workspace_role(uuid, text[]) from public, anon;
revoke execute on function public.shares_workspace_with(uuid) from public, anon;

-- Trigger functions run as triggers, never as RPCs.
revoke execute on function public.add_workspace_creator_as_admin() from public, anon, authenticated;
revoke execute on function public.create_profile_for_new_user() from public, anon, authenticated;
revoke execute on function public.ensure_workspace_keeps_an_admin() from public, anon, authenticated;
revoke execute on function public.prepare_action_card() from public, anon, authenticated;
revoke execute on function public.resolve_recovered_alerts() from public, anon, authenticated;
revoke execute on function public.set_workspace_from_campaign() from public, anon, authenticated;
revoke execute on function public.set_workspace_from_recommendation() from public, anon, authenticated;
revoke execute on function public.write_audit_log() from public, anon, authenticated;

drop policy "Signed-in users can create workspaces they own" on public.workspaces;
create policy "Signed-in users with an account can create workspaces they own" on public.workspaces
  for insert to authenticated
  with check (
    created_by = (select auth.uid())
    and coalesce(((select auth.jwt()) ->> 'is_anonymous')::boolean, false) = false
  );
