/**
 * The local stack's stand-in for pg_cron + pg_net: every 4 hours it calls the analyze-correlations edge function
 * (migration 20261121000920), every hour roll-up-website (migration 20261201030200) and sync-meta (migration
 * 20261201020200), with the service key, as the hosted schedules do. LOCAL_STACK_ANALYZE_EVERY_MS,
 * LOCAL_STACK_ROLLUP_EVERY_MS and LOCAL_STACK_META_SYNC_EVERY_MS override the periods; 0 turns one off. A run still
 * in progress is never overlapped.
 */

export const DEFAULT_ANALYZE_EVERY_MS = 4 * 60 * 60 * 1000;
export const DEFAULT_ROLLUP_EVERY_MS = 60 * 60 * 1000;
export const DEFAULT_META_SYNC_EVERY_MS = 60 * 60 * 1000;

export interface AnalysisSchedulerOptions {
  /** Gateway URL, e.g. http://127.0.0.1:54321. */
  url: string;
  serviceRoleKey: string;
  /** Period in ms (default LOCAL_STACK_ANALYZE_EVERY_MS or 4 h); 0 or less disables the timer. */
  everyMs?: number;
  log?: (message: string) => void;
  fetch?: typeof fetch;
}

export interface AnalysisScheduler {
  /** Runs the analysis now (resolves when the call returns; never rejects). */
  runNow(): Promise<void>;
  stop(): void;
}

/** The period from LOCAL_STACK_ANALYZE_EVERY_MS (ms; 0 disables), else 4 hours. */
export function analyzeEveryMs(env: Record<string, string | undefined> = process.env): number {
  return periodFrom(env.LOCAL_STACK_ANALYZE_EVERY_MS, DEFAULT_ANALYZE_EVERY_MS);
}

/** The period from LOCAL_STACK_ROLLUP_EVERY_MS (ms; 0 disables), else 1 hour. */
export function rollUpEveryMs(env: Record<string, string | undefined> = process.env): number {
  return periodFrom(env.LOCAL_STACK_ROLLUP_EVERY_MS, DEFAULT_ROLLUP_EVERY_MS);
}

/** The period from LOCAL_STACK_META_SYNC_EVERY_MS (ms; 0 disables), else 1 hour. */
export function metaSyncEveryMs(env: Record<string, string | undefined> = process.env): number {
  return periodFrom(env.LOCAL_STACK_META_SYNC_EVERY_MS, DEFAULT_META_SYNC_EVERY_MS);
}

function periodFrom(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

export function startAnalysisScheduler(opts: AnalysisSchedulerOptions): AnalysisScheduler {
  return startFunctionSchedule('analyze-correlations', { ...opts, everyMs: opts.everyMs ?? analyzeEveryMs() }, (body) => {
    const b = body as { campaigns?: unknown[]; alerts_created?: number } | null;
    return `scheduled analysis: ${b?.campaigns?.length ?? 0} campaign(s), ${b?.alerts_created ?? 0} new alert(s)`;
  });
}

/** The hourly website roll-up (website and promo-code events → daily snapshots). */
export function startRollUpScheduler(opts: AnalysisSchedulerOptions): AnalysisScheduler {
  return startFunctionSchedule('roll-up-website', { ...opts, everyMs: opts.everyMs ?? rollUpEveryMs() }, (body) => {
    const ws = ((body as { workspaces?: { written?: number }[] } | null)?.workspaces ?? []);
    return `scheduled website roll-up: ${ws.length} workspace(s), ${ws.reduce((s, w) => s + (w.written ?? 0), 0)} snapshot(s) written`;
  });
}

/** The hourly Meta sync of every active connection. */
export function startMetaSyncScheduler(opts: AnalysisSchedulerOptions): AnalysisScheduler {
  return startFunctionSchedule('sync-meta', { ...opts, everyMs: opts.everyMs ?? metaSyncEveryMs() }, (body) => {
    const runs = (body as { runs?: { snapshots_written: number; cards_created: number }[] } | null)?.runs ?? [];
    const total = (pick: (r: (typeof runs)[number]) => number) => runs.reduce((sum, r) => sum + pick(r), 0);
    return `scheduled Meta sync: ${runs.length} connection(s), ${total((r) => r.snapshots_written)} snapshot(s), ${total((r) => r.cards_created)} card(s)`;
  });
}

function startFunctionSchedule(name: string, opts: AnalysisSchedulerOptions & { everyMs: number }, summary: (body: unknown) => string): AnalysisScheduler {
  const log = opts.log ?? (() => undefined);
  const everyMs = opts.everyMs;
  const doFetch = opts.fetch ?? fetch;
  let running: Promise<void> | null = null;
  let stopped = false;

  const runNow = (): Promise<void> => {
    if (running) return running;
    running = (async () => {
      try {
        const res = await doFetch(`${opts.url}/functions/v1/${name}`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${opts.serviceRoleKey}`,
            apikey: opts.serviceRoleKey,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({ trigger: 'schedule' }),
        });
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        if (res.ok) log(summary(body));
        else log(`scheduled ${name} failed: HTTP ${res.status} ${body?.error ?? ''}`.trim());
      } catch (error) {
        if (!stopped) log(`scheduled ${name} failed: ${(error as Error).message}`);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const timer = everyMs > 0 ? setInterval(() => void runNow(), everyMs) : null;
  timer?.unref?.();
  if (timer) log(`${name} scheduled every ${Math.round(everyMs / 60_000)} min`);
  return {
    runNow,
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
    },
  };
}
