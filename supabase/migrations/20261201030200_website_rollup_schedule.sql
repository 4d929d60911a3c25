-- Rolls website and promo-code events up into daily snapshots every hour (issue 9 item 5), by calling the
-- roll-up-website edge function with pg_cron + pg_net where those extensions exist (hosted Supabase), exactly as
-- 20261121000920 schedules the analysis. Ingest also triggers the roll-up for the days it touched; the schedule
-- catches late events and day boundaries. Locally, scripts/local-stack/scheduler.ts runs the same call.

do $migration$
begin
  if exists (select 1 from pg_available_extensions where name = 'pg_cron')
     and exists (select 1 from pg_available_extensions where name = 'pg_net') then
    execute 'create extension if not exists pg_cron with schema pg_catalog';
    execute 'create extension if not exists pg_net with schema extensions';
    perform cron.unschedule(jobid) from cron.job where jobname = 'roll-up-website-hourly';
    perform cron.schedule(
      'roll-up-website-hourly',
      '17 * * * *',
      $job$
        select net.http_post(
          url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url') || '/functions/v1/roll-up-website',
          headers := jsonb_build_object(
            'Content-Type', 'application/json',
            'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key')
          ),
          body := jsonb_build_object('trigger', 'schedule'),
          timeout_milliseconds := 120000
        );
      $job$
    );
  end if;
end;
$migration$;
