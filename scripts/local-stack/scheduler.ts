/**
 * The local stack's stand-in for pg_cron + pg_net (migration 20261121000920): every 4 hours it calls the
 * analyze-correlations edge function with the service key, as the hosted schedule does. LOCAL_STACK_ANALYZE_EVERY_MS
 * overrides the period; 0 turns it off. A run still in progress is never overlapped.
 */

export const DEFAULT_ANALYZE_EVERY_MS = 4 * 60 * 60 * 1000;

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
  const raw = env.LOCAL_STACK_ANALYZE_EVERY_MS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_ANALYZE_EVERY_MS;
  const value = Number(raw);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

export function startAnalysisScheduler(opts: AnalysisSchedulerOptions): AnalysisScheduler {
  const log = opts.log ?? (() => undefined);
  const everyMs = opts.everyMs ?? analyzeEveryMs();
  const doFetch = opts.fetch ?? fetch;
  let running: Promise<void> | null = null;
  let stopped = false;

  const runNow = (): Promise<void> => {
    if (running) return running;
    running = (async () => {
      try {
        const res = await doFetch(`${opts.url}/functions/v1/analyze-correlations`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${opts.serviceRoleKey}`,
            apikey: opts.serviceRoleKey,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({ trigger: 'schedule' }),
        });
        const body = (await res.json().catch(() => null)) as { campaigns?: unknown[]; alerts_created?: number; error?: string } | null;
        if (res.ok) log(`scheduled analysis: ${body?.campaigns?.length ?? 0} campaign(s), ${body?.alerts_created ?? 0} new alert(s)`);
        else log(`scheduled analysis failed: HTTP ${res.status} ${body?.error ?? ''}`.trim());
      } catch (error) {
        if (!stopped) log(`scheduled analysis failed: ${(error as Error).message}`);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const timer = everyMs > 0 ? setInterval(() => void runNow(), everyMs) : null;
  timer?.unref?.();
  if (timer) log(`correlation analysis scheduled every ${Math.round(everyMs / 60_000)} min`);
  return {
    runNow,
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
    },
  };
}
