-- The website roll-up reads one workspace's events over a time window, page after page in (event_time, id) order.
-- The only time index was per campaign (events attributed by promo code or UTM may have none), so each page was a
-- scan of the workspace's events; this index serves the window filter, the order and the keyset in one range scan.
create index if not exists tracking_events_workspace_time_idx on public.tracking_events (workspace_id, event_time, id);
