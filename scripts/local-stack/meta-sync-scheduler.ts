/**
 * The local stack's stand-in for the hourly pg_cron job of migration 20261201020200: every hour it calls the
 * sync-meta edge function with the service key, as the hosted schedule does. LOCAL_STACK_META_SYNC_EVERY_MS
 * overrides the period; 0 turns it off. A run still in progress is never overlapped.
 */

export const DEFAULT_META_SYNC_EVERY_MS = 60 * 60 * 1000;

/** The period from LOCAL_STACK_META_SYNC_EVERY_MS (ms; 0 disables), else one hour. */
export function metaSyncEveryMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.LOCAL_STACK_META_SYNC_EVERY_MS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_META_SYNC_EVERY_MS;
  const value = Number(raw);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

export interface MetaSyncScheduler {
  runNow(): Promise<void>;
  stop(): void;
}

export function startMetaSyncScheduler(opts: {
  url: string;
  serviceRoleKey: string;
  everyMs?: number;
  log?: (message: string) => void;
  fetch?: typeof fetch;
}): MetaSyncScheduler {
  const log = opts.log ?? (() => undefined);
  const everyMs = opts.everyMs ?? metaSyncEveryMs();
  const doFetch = opts.fetch ?? fetch;
  let running: Promise<void> | null = null;
  let stopped = false;
  const runNow = (): Promise<void> => {
    if (running) return running;
    running = (async () => {
      try {
        const res = await doFetch(`${opts.url}/functions/v1/sync-meta`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${opts.serviceRoleKey}`, apikey: opts.serviceRoleKey, 'Content-Type': 'application/json' },
          body: JSON.stringify({ trigger: 'schedule' }),
        });
        const body = (await res.json().catch(() => null)) as { runs?: { status: string; snapshots_written: number; cards_created: number }[]; error?: string } | null;
        if (res.ok) {
          const runs = body?.runs ?? [];
          log(`scheduled Meta sync: ${runs.length} connection(s), ${runs.reduce((s, r) => s + r.snapshots_written, 0)} snapshot(s), ${runs.reduce((s, r) => s + r.cards_created, 0)} card(s)`);
        } else log(`scheduled Meta sync failed: HTTP ${res.status} ${body?.error ?? ''}`.trim());
      } catch (error) {
        if (!stopped) log(`scheduled Meta sync failed: ${(error as Error).message}`);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = everyMs > 0 ? setInterval(() => void runNow(), everyMs) : null;
  timer?.unref?.();
  if (timer) log(`Meta sync scheduled every ${Math.round(everyMs / 60_000)} min`);
  return {
    runNow,
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
    },
  };
}
