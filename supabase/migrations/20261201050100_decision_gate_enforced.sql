-- The decision gate and the campaign lifecycle, enforced by the database rather than by the UI. Found by attack
-- (issue "Hardening"): a marketer could write decision_note/decided_at, set a draft campaign to active, insert one
-- as active, log execution on a campaign nobody had cleared, and insert an assessment saying decision = 'proceed',
-- decided_by = <the ops head>, score = 100.
--
-- The rule: a client's request (role anon or authenticated) never writes the gate, a campaign's status or a
-- phase's execution directly. Those change only through security-definer RPCs that check who is asking:
-- set_decision_gate (ops heads and admins) and log_phase_execution (marketers and up, only once the gate says
-- Proceed; the first phase started makes the campaign active, in the same transaction). Feasibility assessments
-- are written by the assess-feasibility function with the service role, never by clients. Inside a definer
-- function current_user is its owner, so the guards below let those writes through and nothing else.

-- True when the statement runs as a client's role, i.e. straight from PostgREST and not inside a definer RPC.
create function public.is_client_write()
returns boolean
language sql stable
set search_path = ''
as $$
  select current_user in ('anon', 'authenticated');
$$;
comment on function public.is_client_write() is 'True when the current statement runs as a client role (anon, authenticated) rather than inside a security-definer RPC or as the service role.';

create or replace function public.guard_campaign_changes()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.workspace_id <> old.workspace_id then
    raise exception 'A campaign cannot move to another workspace' using errcode = '42501';
  end if;
  if not public.is_client_write() then
    return new;
  end if;
  if tg_op = 'INSERT' then
    if new.status <> 'draft' then
      raise exception 'A campaign starts as a draft; it is planned once its decision gate says Proceed'
        using errcode = '42501';
    end if;
    if new.decision is not null or new.decision_note is not null or new.decided_by is not null or new.decided_at is not null then
      raise exception 'The decision gate is set by an ops head or admin through set_decision_gate' using errcode = '42501';
    end if;
    return new;
  end if;
  if (new.decision, new.decision_note, new.decided_by, new.decided_at)
     is distinct from (old.decision, old.decision_note, old.decided_by, old.decided_at) then
    raise exception 'The decision gate is set by an ops head or admin through set_decision_gate' using errcode = '42501';
  end if;
  if new.status is distinct from old.status then
    raise exception 'A campaign''s status follows its decision gate and its execution; it cannot be set directly'
      using errcode = '42501';
  end if;
  return new;
end;
$$;

-- Execution columns of a phase: written by log_phase_execution only (or the service role).
create function public.guard_phase_execution()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not public.is_client_write() then
    return new;
  end if;
  if tg_op = 'INSERT' and (new.actual_start is not null or new.actual_end is not null
                           or new.delivered_assets <> 0 or new.approvals_actual <> 0)
     or tg_op = 'UPDATE' and (new.actual_start, new.actual_end, new.delivered_assets, new.approvals_actual)
                             is distinct from (old.actual_start, old.actual_end, old.delivered_assets, old.approvals_actual) then
    raise exception 'Execution is logged through log_phase_execution, once the decision gate says Proceed'
      using errcode = '42501';
  end if;
  return new;
end;
$$;

create trigger campaign_phases_02_guard_execution before insert or update on public.campaign_phases
  for each row execute function public.guard_phase_execution();

-- The gate, as a definer: it alone writes the decision columns. Someone outside the workspace learns nothing
-- (not found, whether or not the assessment exists); a member who is not an ops head or admin is refused.
create or replace function public.set_decision_gate(p_assessment_id uuid, p_decision text, p_note text default null)
returns public.campaigns
language plpgsql security definer
set search_path = ''
as $$
declare
  assessment public.feasibility_assessments;
  result public.campaigns;
  started boolean;
begin
  if p_decision is null or p_decision not in ('proceed', 'adjust', 'pause') then
    raise exception 'Decision must be proceed, adjust or pause' using errcode = '22023';
  end if;
  if p_note is not null and length(p_note) > 2000 then
    raise exception 'A decision note is at most 2000 characters' using errcode = '22023';
  end if;
  select * into assessment from public.feasibility_assessments where id = p_assessment_id;
  if assessment.id is null or not public.is_workspace_member(assessment.workspace_id) then
    raise exception 'Assessment not found' using errcode = 'P0002';
  end if;
  if not public.has_workspace_role(assessment.workspace_id, array['admin', 'ops_head']) then
    raise exception 'Only an ops head or admin can set the decision gate' using errcode = '42501';
  end if;
  perform 1 from public.campaigns where id = assessment.campaign_id for update;
  started := exists (select 1 from public.campaign_phases p
                      where p.campaign_id = assessment.campaign_id and p.actual_start is not null);
  update public.feasibility_assessments
     set decision = p_decision, decision_note = p_note, decided_by = (select auth.uid()), decided_at = now()
   where id = p_assessment_id;
  update public.campaigns
     set decision = p_decision, decision_note = p_note, decided_by = (select auth.uid()), decided_at = now(),
         status = case
           when p_decision = 'proceed' and status in ('draft', 'paused') then case when started then 'active' else 'planned' end
           when p_decision = 'pause' and status <> 'completed' then 'paused'
           else status end
   where id = assessment.campaign_id
  returning * into result;
  return result;
end;
$$;
revoke execute on function public.set_decision_gate(uuid, text, text) from public, anon;
grant execute on function public.set_decision_gate(uuid, text, text) to authenticated, service_role;

-- Logging execution on a phase (start, finish, back-filled dates, delivered assets, approval cycles) and the
-- lifecycle step that follows from it, in one transaction: the first phase started makes a planned campaign active.
create function public.log_phase_execution(p_phase_id uuid, p_patch jsonb)
returns public.campaign_phases
language plpgsql security definer
set search_path = ''
as $$
declare
  phase public.campaign_phases;
  campaign public.campaigns;
begin
  if p_patch is null or jsonb_typeof(p_patch) <> 'object' or p_patch = '{}'::jsonb then
    raise exception 'Name what to log: actual_start, actual_end, delivered_assets or approvals_actual' using errcode = '22023';
  end if;
  if exists (select 1 from jsonb_object_keys(p_patch) k
              where k not in ('actual_start', 'actual_end', 'delivered_assets', 'approvals_actual')) then
    raise exception 'Only actual_start, actual_end, delivered_assets and approvals_actual can be logged' using errcode = '22023';
  end if;
  select * into phase from public.campaign_phases where id = p_phase_id;
  if phase.id is null or not public.is_workspace_member(phase.workspace_id) then
    raise exception 'Phase not found' using errcode = 'P0002';
  end if;
  if not public.has_workspace_role(phase.workspace_id, array['admin', 'ops_head', 'marketer']) then
    raise exception 'Viewers cannot log execution' using errcode = '42501';
  end if;
  -- Lock the campaign so its gate cannot move between the check and the write.
  select * into campaign from public.campaigns where id = phase.campaign_id for update;
  if campaign.decision is distinct from 'proceed' or campaign.status not in ('planned', 'active', 'completed') then
    raise exception 'Execution is logged once the decision gate says Proceed; this campaign is %', campaign.status
      using errcode = '22023';
  end if;

  update public.campaign_phases set
    actual_start = case when p_patch ? 'actual_start' then (p_patch ->> 'actual_start')::timestamptz else actual_start end,
    actual_end = case when p_patch ? 'actual_end' then (p_patch ->> 'actual_end')::timestamptz else actual_end end,
    delivered_assets = case when p_patch ? 'delivered_assets' then (p_patch ->> 'delivered_assets')::integer else delivered_assets end,
    approvals_actual = case when p_patch ? 'approvals_actual' then (p_patch ->> 'approvals_actual')::integer else approvals_actual end
  where id = p_phase_id
  returning * into phase;

  if phase.actual_start is not null and campaign.status = 'planned' then
    update public.campaigns set status = 'active' where id = campaign.id;
  end if;
  return phase;
end;
$$;
comment on function public.log_phase_execution(uuid, jsonb) is 'Logs execution on a phase (marketers and up, only after the decision gate said Proceed); the first phase started makes a planned campaign active. Returns the phase.';
revoke execute on function public.log_phase_execution(uuid, jsonb) from public, anon;
grant execute on function public.log_phase_execution(uuid, jsonb) to authenticated, service_role;

-- Assessments are the engine's output: clients read them, only the function (service role) and the gate write.
drop policy "Marketers can record assessments" on public.feasibility_assessments;
drop policy "Ops heads can record decisions on assessments" on public.feasibility_assessments;
