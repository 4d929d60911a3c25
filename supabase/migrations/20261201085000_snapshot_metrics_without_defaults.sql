-- A metric a source did not report is null (20261201030000 made the columns nullable; the source rule in
-- domain/metric-sources.ts counts a source as reporting a metric when it holds a value). The first schema's
-- "default 0" survived on these columns, so a row written with only some metrics — a single-row insert through
-- PostgREST fills the rest from defaults — claimed zero sales or spend it never reported and could win the choice
-- of source for that metric. No default now: what is not sent is not reported.
alter table public.performance_snapshots
  alter column sales drop default,
  alter column revenue drop default,
  alter column spend drop default,
  alter column impressions drop default,
  alter column clicks drop default,
  alter column conversions drop default,
  alter column engagement drop default;
