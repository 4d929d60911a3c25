-- Replacing a draft's phase list (the wizard's blueprint step) as one atomic call: delete the old phases and
-- insert the new ones in one transaction. Done as two writes from the wizard, a refused insert (a constraint,
-- a dropped connection) left the draft with no phases at all. Only a draft's blueprint can be replaced: once
-- past its decision gate, phases carry logged execution.

create function public.replace_campaign_phases(p_campaign_id uuid, p_phases jsonb)
returns setof public.campaign_phases
language plpgsql
set search_path = ''
as $$
declare
  campaign public.campaigns;
begin
  if p_phases is null or jsonb_typeof(p_phases) <> 'array' then
    raise exception 'Phases must be a JSON array of phases' using errcode = '22023';
  end if;
  select * into campaign from public.campaigns where id = p_campaign_id;
  if campaign.id is null then
    raise exception 'Campaign not found' using errcode = 'P0002';
  end if;
  -- Check the role before locking: FOR UPDATE applies update policies, so a viewer would see no row.
  if not public.has_workspace_role(campaign.workspace_id, array['admin', 'ops_head', 'marketer']) then
    raise exception 'Viewers cannot change a campaign''s phases' using errcode = '42501';
  end if;
  -- Lock the campaign so the decision gate cannot pass it while its phases are replaced.
  select * into campaign from public.campaigns where id = p_campaign_id for update;
  if campaign.status <> 'draft' then
    raise exception 'Only a draft''s phases can be replaced; this campaign is % (past its decision gate)', campaign.status
      using errcode = '22023';
  end if;

  delete from public.campaign_phases where campaign_id = p_campaign_id;
  insert into public.campaign_phases
    (campaign_id, name, position, planned_start, planned_days, required_assets, approvals_planned, teams, tools)
  select p_campaign_id, p.name, p.position, p.planned_start, p.planned_days,
         coalesce(p.required_assets, 0), coalesce(p.approvals_planned, 0),
         coalesce(p.teams, '{}'), coalesce(p.tools, '{}')
    from jsonb_to_recordset(p_phases) as p(
      name text, position integer, planned_start date, planned_days integer,
      required_assets integer, approvals_planned integer, teams text[], tools text[]);

  return query select * from public.campaign_phases where campaign_id = p_campaign_id order by position;
end;
$$;

comment on function public.replace_campaign_phases(uuid, jsonb) is 'Replaces a draft campaign''s phase list as a whole, atomically; returns the new phases in order.';
grant execute on function public.replace_campaign_phases(uuid, jsonb) to authenticated, service_role;
