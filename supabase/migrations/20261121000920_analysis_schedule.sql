-- Runs the correlation analysis every 4 hours (seed 001 §7 "AI analysis runs: every 4 hours") by calling the
-- analyze-correlations edge function with pg_cron + pg_net, where those extensions exist (hosted Supabase).
-- The project URL and service key come from Vault secrets `project_url` and `service_role_key`, so no secret
-- lives in a migration. Where the extensions are missing (the embedded local stack, plain Postgres) nothing is
-- scheduled here: the local stack runs its own timer (scripts/local-stack/scheduler.ts).

do $migration$
begin
  if exists (select 1 from pg_available_extensions where name = 'pg_cron')
     and exists (select 1 from pg_available_extensions where name = 'pg_net') then
    execute 'create extension if not exists pg_cron with schema pg_catalog';
    execute 'create extension if not exists pg_net with schema extensions';
    perform cron.unschedule(jobid) from cron.job where jobname = 'analyze-correlations-every-4h';
    perform cron.schedule(
      'analyze-correlations-every-4h',
      '7 */4 * * *',
      $job$
        select net.http_post(
          url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url') || '/functions/v1/analyze-correlations',
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
