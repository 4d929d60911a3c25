-- One-row card moves: marketer_actions.position becomes a fractional-index key (text, "C" order) instead of an
-- integer, so a card goes between two others by taking a key between theirs and no other card is renumbered.
-- Before, a move rewrote every card below it in the column (60 moves wrote ~1,300 audit rows and as many
-- realtime changes); now a move writes one row, one audit entry and one realtime change.
-- fractional_index.key_between is the algorithm of the npm package `fractional-indexing` 4 (base-62 digits,
-- base-52 integer heads), which the SPA's optimistic update uses (domain/board.ts); a test holds them equal.

create schema if not exists fractional_index;
comment on schema fractional_index is 'Order keys that sort between any two others (port of the npm package fractional-indexing 4).';
grant usage on schema fractional_index to anon, authenticated, service_role;

create function fractional_index.integer_length(head text)
returns integer
language plpgsql immutable strict
set search_path = ''
as $$
declare
  i integer := position(head in 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') - 1;
begin
  if i < 0 or length(head) <> 1 then
    raise exception 'invalid order key head: %', head using errcode = '22023';
  end if;
  return case when i < 26 then 26 - i + 1 else i - 26 + 2 end;
end;
$$;

create function fractional_index.integer_part(key text)
returns text
language plpgsql immutable strict
set search_path = ''
as $$
declare
  n integer := fractional_index.integer_length(left(key, 1));
begin
  if n > length(key) then
    raise exception 'invalid order key: %', key using errcode = '22023';
  end if;
  return left(key, n);
end;
$$;

create function fractional_index.validate(key text)
returns void
language plpgsql immutable strict
set search_path = ''
as $$
begin
  if key = 'A' || repeat('0', 26) or right(substr(key, length(fractional_index.integer_part(key)) + 1), 1) = '0' then
    raise exception 'invalid order key: %', key using errcode = '22023';
  end if;
end;
$$;

-- The integer part plus one; null past the largest.
create function fractional_index.increment_integer(x text)
returns text
language plpgsql immutable strict
set search_path = ''
as $$
declare
  digits constant text := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  heads constant text := 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  head text := left(x, 1);
  carry text := '';
  d integer;
  h text;
  delta integer;
begin
  if length(x) <> fractional_index.integer_length(head) then
    raise exception 'invalid integer part of order key: %', x using errcode = '22023';
  end if;
  for i in reverse length(x) .. 2 loop
    d := position(substr(x, i, 1) in digits);  -- 0-based digit + 1
    if d = 62 then
      carry := '0' || carry;
    else
      return head || substr(x, 2, i - 2) || substr(digits, d + 1, 1) || carry;
    end if;
  end loop;
  if position(head in heads) = 52 then
    return null;
  end if;
  h := substr(heads, position(head in heads) + 1, 1);
  delta := fractional_index.integer_length(h) - fractional_index.integer_length(head);
  return h || case when delta > 0 then carry || '0' when delta < 0 then substr(carry, 2) else carry end;
end;
$$;

-- The integer part minus one; null below the smallest.
create function fractional_index.decrement_integer(x text)
returns text
language plpgsql immutable strict
set search_path = ''
as $$
declare
  digits constant text := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  heads constant text := 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  head text := left(x, 1);
  carry text := '';
  d integer;
  h text;
  delta integer;
begin
  if length(x) <> fractional_index.integer_length(head) then
    raise exception 'invalid integer part of order key: %', x using errcode = '22023';
  end if;
  for i in reverse length(x) .. 2 loop
    d := position(substr(x, i, 1) in digits) - 2;  -- 0-based digit - 1
    if d = -1 then
      carry := 'z' || carry;
    else
      return head || substr(x, 2, i - 2) || substr(digits, d + 1, 1) || carry;
    end if;
  end loop;
  if position(head in heads) = 1 then
    return null;
  end if;
  h := substr(heads, position(head in heads) - 1, 1);
  delta := fractional_index.integer_length(h) - fractional_index.integer_length(head);
  return h || case when delta > 0 then carry || 'z' when delta < 0 then substr(carry, 2) else carry end;
end;
$$;

-- A fraction strictly between fractions a and b (b null: above a), shortest first.
create function fractional_index.midpoint(a text, b text)
returns text
language plpgsql immutable
set search_path = ''
as $$
declare
  digits constant text := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  n integer := 0;
  digit_a integer;
  digit_b integer;
begin
  if b is not null and a collate "C" >= b collate "C" then
    raise exception '% >= %', a, b using errcode = '22023';
  end if;
  if right(a, 1) = '0' or right(b, 1) = '0' then
    raise exception 'trailing zero' using errcode = '22023';
  end if;
  if b is not null then
    while coalesce(nullif(substr(a, n + 1, 1), ''), '0') = substr(b, n + 1, 1) loop
      n := n + 1;
    end loop;
    if n > 0 then
      return left(b, n) || fractional_index.midpoint(substr(a, n + 1), substr(b, n + 1));
    end if;
  end if;
  digit_a := case when a <> '' then position(left(a, 1) in digits) - 1 else 0 end;
  digit_b := case when b is not null then position(left(b, 1) in digits) - 1 else 62 end;
  if digit_b - digit_a > 1 then
    return substr(digits, (digit_a + digit_b + 1) / 2 + 1, 1);
  elsif b is not null and length(b) > 1 then
    return left(b, 1);
  else
    return substr(digits, digit_a + 1, 1) || fractional_index.midpoint(substr(a, 2), null);
  end if;
end;
$$;

-- An order key strictly between a and b; null a means "before b", null b "after a", both null the first key.
create function fractional_index.key_between(a text, b text)
returns text
language plpgsql immutable
set search_path = ''
as $$
declare
  ia text collate "C";
  ib text collate "C";
  i text collate "C";
begin
  if a is not null then perform fractional_index.validate(a); end if;
  if b is not null then perform fractional_index.validate(b); end if;
  if a is not null and b is not null and a collate "C" >= b collate "C" then
    raise exception '% >= %', a, b using errcode = '22023';
  end if;
  if a is null then
    if b is null then
      return 'a0';
    end if;
    ib := fractional_index.integer_part(b);
    if ib = 'A' || repeat('0', 26) then
      return ib || fractional_index.midpoint('', substr(b, length(ib) + 1));
    end if;
    if ib < b collate "C" then
      return ib;
    end if;
    i := fractional_index.decrement_integer(ib);
    if i is null then
      raise exception 'cannot decrement any more' using errcode = '22023';
    end if;
    return i;
  end if;
  ia := fractional_index.integer_part(a);
  if b is null then
    i := fractional_index.increment_integer(ia);
    return coalesce(i, ia || fractional_index.midpoint(substr(a, length(ia) + 1), null));
  end if;
  ib := fractional_index.integer_part(b);
  if ia = ib then
    return ia || fractional_index.midpoint(substr(a, length(ia) + 1), substr(b, length(ib) + 1));
  end if;
  i := fractional_index.increment_integer(ia);
  if i is null then
    raise exception 'cannot increment any more' using errcode = '22023';
  end if;
  if i < b collate "C" then
    return i;
  end if;
  return ia || fractional_index.midpoint(substr(a, length(ia) + 1), null);
end;
$$;

-- Existing cards keep their order: each column gets the keys a0, a1, … in its current order. Triggers are off
-- so the conversion itself writes no audit entries and no realtime changes.
alter table public.marketer_actions disable trigger user;
alter table public.marketer_actions add column position_key text collate "C";
do $$
declare
  r record;
  previous text;
  scope text;
begin
  for r in
    select id, workspace_id::text || '/' || status as column_scope
      from public.marketer_actions
     order by workspace_id, status, position, occurred_at desc, id
  loop
    if scope is distinct from r.column_scope then
      scope := r.column_scope;
      previous := null;
    end if;
    previous := fractional_index.key_between(previous, null);
    update public.marketer_actions set position_key = previous where id = r.id;
  end loop;
end;
$$;
drop index public.marketer_actions_workspace_status_idx;
alter table public.marketer_actions drop column position;
alter table public.marketer_actions rename column position_key to position;
alter table public.marketer_actions alter column position set not null;
-- Only so inserts may leave it out: the prepare trigger always gives a new card its key at the top.
alter table public.marketer_actions alter column position set default 'a0';
alter table public.marketer_actions enable trigger user;
alter table public.marketer_actions add constraint marketer_actions_position_is_order_key
  check (position ~ '^[A-Za-z][0-9A-Za-z]*$' and length(position) <= 200);
-- One key per place in a column. Writers of a column (insert, move, status edit) take a transaction-level
-- advisory lock on workspace + status first, so two of them never compute the same key.
create unique index marketer_actions_column_position_key on public.marketer_actions (workspace_id, status, position);

-- New cards go to the top of their column, and so does a card whose status an edit changed when its key is
-- taken in the new column; completed cards remember when they were completed.
create or replace function public.prepare_action_card()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or (new.status is distinct from old.status and exists (
    select 1 from public.marketer_actions a
     where a.workspace_id = new.workspace_id and a.status = new.status and a.position = new.position and a.id <> new.id
  )) then
    perform pg_advisory_xact_lock(hashtextextended(new.workspace_id::text || '/' || new.status, 0));
    new.position := fractional_index.key_between(null, (
      select min(a.position) from public.marketer_actions a
       where a.workspace_id = new.workspace_id and a.status = new.status and a.id <> new.id));
  end if;
  if new.status = 'completed' and new.completed_at is null then
    new.completed_at := now();
  end if;
  if new.reverts_action_id is not null and not exists (
    select 1 from public.marketer_actions o
     where o.id = new.reverts_action_id and o.campaign_id = new.campaign_id
  ) then
    raise exception 'A card can only revert a card of the same campaign' using errcode = '23514';
  end if;
  return new;
end;
$$;

-- Moving a card is one atomic call: change column and take a key between the card it goes before and that
-- card's predecessor (or after the last card). Only the moved card is written; a move to where the card
-- already is writes nothing.
create or replace function public.move_action_card(p_action_id uuid, p_status text, p_before_id uuid default null)
returns public.marketer_actions
language plpgsql
set search_path = ''
as $$
declare
  card public.marketer_actions;
  result public.marketer_actions;
  next_key text collate "C";
  previous_key text collate "C";
begin
  if p_status not in ('planned', 'in_progress', 'completed', 'reverted') then
    raise exception 'Unknown column %', p_status using errcode = '22023';
  end if;
  -- Check the role before locking: FOR UPDATE applies update policies, so a viewer would see no row.
  select * into card from public.marketer_actions where id = p_action_id;
  if card.id is null then
    raise exception 'Card not found' using errcode = 'P0002';
  end if;
  if not public.has_workspace_role(card.workspace_id, array['admin', 'ops_head', 'marketer']) then
    raise exception 'Viewers cannot move cards' using errcode = '42501';
  end if;
  perform pg_advisory_xact_lock(hashtextextended(card.workspace_id::text || '/' || p_status, 0));
  select * into card from public.marketer_actions where id = p_action_id for update;
  if p_before_id = p_action_id then
    return card;
  end if;
  if p_before_id is not null then
    select b.position into next_key from public.marketer_actions b
     where b.id = p_before_id and b.workspace_id = card.workspace_id and b.status = p_status;
    if next_key is null then
      raise exception 'The card to place before is not in that column' using errcode = '22023';
    end if;
  end if;
  select max(a.position) into previous_key from public.marketer_actions a
   where a.workspace_id = card.workspace_id and a.status = p_status and a.id <> p_action_id
     and (next_key is null or a.position < next_key);

  if card.status = p_status
     and (previous_key is null or card.position > previous_key)
     and (next_key is null or card.position < next_key) then
    return card;
  end if;
  update public.marketer_actions
     set status = p_status, position = fractional_index.key_between(previous_key, next_key)
   where id = p_action_id
  returning * into result;
  return result;
end;
$$;
