-- The quarantine's superseding trigger function is security definer (it must update rows the writer cannot),
-- and a trigger function is never meant to be called directly: no client role may execute it (schema lint,
-- splinter 0028/0029). It landed alongside the lint in parallel, so it is revoked here.

revoke execute on function public.supersede_quarantined_snapshots() from public, anon, authenticated;
