-- The same change as 20261201082000 (action cards) for every other table read many rows at a time: the ops page,
-- the timeline and the analysis read 90 days of snapshots per campaign, alert and effect lists, run logs. Their read
-- policies called is_workspace_member(workspace_id) — a security-definer function, never inlined — once per row;
-- now the caller's workspaces are read once per statement and each row is probed against that set. Who may read
-- what is unchanged: members of the row's workspace. workspace_members and workspaces keep theirs (a handful of rows
-- per user, and member_workspace_ids itself reads workspace_members).

alter policy "Members can read their workspace's snapshots" on public.performance_snapshots
  using (workspace_id in (select public.member_workspace_ids()));
alter policy "Members can read their workspace's tracking events" on public.tracking_events
  using (workspace_id in (select public.member_workspace_ids()));
alter policy "Members can read their workspace's alerts" on public.ai_alerts
  using (workspace_id in (select public.member_workspace_ids()));
alter policy "Members can read their workspace's correlations" on public.correlations
  using (workspace_id in (select public.member_workspace_ids()));
alter policy "Members can read their workspace's action effects" on public.action_effects
  using (workspace_id in (select public.member_workspace_ids()));
alter policy "Members can read their workspace's analysis runs" on public.analysis_runs
  using (workspace_id in (select public.member_workspace_ids()));
alter policy "Members can read their workspace's Meta sync runs" on public.meta_sync_runs
  using (workspace_id in (select public.member_workspace_ids()));
alter policy "Members can read their workspace's quarantined rows" on public.quarantined_snapshots
  using (workspace_id in (select public.member_workspace_ids()));
alter policy "Members can read their workspace's phases" on public.campaign_phases
  using (workspace_id in (select public.member_workspace_ids()));
alter policy "Members can read their workspace's campaigns" on public.campaigns
  using (workspace_id in (select public.member_workspace_ids()));
alter policy "Members can read their workspace's recommendations" on public.recommendations
  using (workspace_id in (select public.member_workspace_ids()));
alter policy "Members can read their workspace's recommendation decisions" on public.recommendation_decisions
  using (workspace_id in (select public.member_workspace_ids()));
alter policy "Members can read their workspace's promo codes" on public.promo_codes
  using (workspace_id in (select public.member_workspace_ids()));
alter policy "Members can read their workspace's assessments" on public.feasibility_assessments
  using (workspace_id in (select public.member_workspace_ids()));
