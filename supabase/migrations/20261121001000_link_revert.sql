-- Reverting a card with an existing card ("this card reverts it") as one atomic call: the reverting card is
-- linked (reverts_action_id) and the original moves to Reverted in one transaction. Done from the board as two
-- writes, a failure between them left the original in Reverted with nothing pointing at it (or the reverse).

create function public.link_revert_card(p_original_id uuid, p_reverting_id uuid)
returns public.marketer_actions
language plpgsql
set search_path = ''
as $$
declare
  original public.marketer_actions;
  reverting public.marketer_actions;
  result public.marketer_actions;
begin
  if p_original_id = p_reverting_id then
    raise exception 'A card cannot revert itself' using errcode = '22023';
  end if;
  select * into original from public.marketer_actions where id = p_original_id;
  select * into reverting from public.marketer_actions where id = p_reverting_id;
  if original.id is null or reverting.id is null then
    raise exception 'Card not found' using errcode = 'P0002';
  end if;
  -- Check the role before locking: FOR UPDATE applies update policies, so a viewer would see no row.
  if not public.has_workspace_role(original.workspace_id, array['admin', 'ops_head', 'marketer']) then
    raise exception 'Viewers cannot revert cards' using errcode = '42501';
  end if;
  perform 1 from public.marketer_actions where id in (p_original_id, p_reverting_id) order by id for update;
  select * into original from public.marketer_actions where id = p_original_id;
  select * into reverting from public.marketer_actions where id = p_reverting_id;
  if original.campaign_id <> reverting.campaign_id then
    raise exception 'A card can only revert a card of the same campaign' using errcode = '22023';
  end if;
  if original.status = 'reverted' then
    raise exception 'This card has already been reverted' using errcode = '22023';
  end if;

  update public.marketer_actions set reverts_action_id = p_original_id where id = p_reverting_id;
  perform public.move_action_card(p_original_id, 'reverted', null);

  select * into result from public.marketer_actions where id = p_reverting_id;
  return result;
end;
$$;

comment on function public.link_revert_card(uuid, uuid) is 'Links an existing card as the revert of another (same campaign) and moves the original to Reverted, atomically. Returns the reverting card.';
grant execute on function public.link_revert_card(uuid, uuid) to authenticated, service_role;
