/**
 * Website roll-ups after ingest, in the background and coalesced per workspace. ingest-events answers as soon as its
 * events are stored and hands the event times it stored here; a roll-up reads the whole of the touched days (and
 * the attribution lookback), so running one per request would cost far more than the ingest itself.
 *
 * Per workspace at most one roll-up runs and at most one waits behind it, holding every time asked for meanwhile;
 * a run starts no sooner than `minIntervalMs` after the previous one started, and after a long run rests
 * `restFactor` times its duration, so a steady stream of batches costs at most one roll-up per interval whatever the
 * request rate, and a roll-up of a busy day (it re-reads all of the day's events) takes at most about a fifth of the
 * time from the ingest it follows. A failed run is reported through `onError` (logged by
 * default) and not retried here: the hourly schedule recomputes the last 8 days, which covers every accepted event.
 * Work still queued when the process stops is left to that schedule too.
 */

/** Every real UTC offset is a multiple of 15 minutes, so all instants of one 15-minute UTC slot share a local day. */
const SLOT_MS = 15 * 60_000;

/** The start of the 15-minute UTC slot holding `instant`: stands in for it when choosing which local days to recount. */
export function slotOf(instant: string): string {
  const ms = Date.parse(instant);
  return new Date(ms - (((ms % SLOT_MS) + SLOT_MS) % SLOT_MS)).toISOString();
}

export interface RollUpQueueOptions {
  /** Recomputes the workspace's days that hold these instants (one per 15-minute slot, sorted). */
  run: (workspaceId: string, instants: string[]) => Promise<void>;
  /** Least time between the starts of two runs for one workspace (default 1 s). */
  minIntervalMs?: number;
  /** After a run of d ms the next one waits at least restFactor × d ms after it ended (default 4). */
  restFactor?: number;
  /** Told about a failed run (default: console.error with the workspace and the slots). */
  onError?: (workspaceId: string, instants: string[], error: unknown) => void;
  /**
   * Keeps the process alive until a workspace's queue is drained: on Supabase's Edge Runtime this is
   * `EdgeRuntime.waitUntil` (the response is already sent); a long-lived local worker needs nothing.
   */
  keepAlive?: (work: Promise<void>) => void;
  /** The clock and the wait between runs (tests drive them). */
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
}

interface WorkspaceQueue {
  /** Slots waiting for the next run; null when nothing waits. */
  pending: Set<string> | null;
  /** Settles when the queue is empty again; null when idle. */
  draining: Promise<void> | null;
  lastStart: number;
  /** When the previous run may be followed at the earliest (by duration). */
  restUntil: number;
}

export interface RollUpQueue {
  /** Queues the days of `instants` for a roll-up; the promise settles (never rejects) once a run covering them ends. */
  request(workspaceId: string, instants: string[]): Promise<void>;
  /** Settles when no workspace has a roll-up running or waiting. */
  idle(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function logFailure(workspaceId: string, instants: string[], error: unknown): void {
  const days = instants.length ? `${instants[0]} … ${instants.at(-1)}` : 'none';
  console.error(`website roll-up after ingest failed for workspace ${workspaceId} (slots ${days}); the hourly roll-up will recount them: ${(error as Error)?.message ?? String(error)}`);
}

export function createRollUpQueue(options: RollUpQueueOptions): RollUpQueue {
  const { run, minIntervalMs = 1000, restFactor = 4, onError = logFailure, keepAlive, now = Date.now, wait = sleep } = options;
  const queues = new Map<string, WorkspaceQueue>();

  async function drain(workspaceId: string, queue: WorkspaceQueue): Promise<void> {
    while (queue.pending) {
      const gap = Math.max(queue.lastStart + minIntervalMs, queue.restUntil) - now();
      if (gap > 0) await wait(gap);
      const instants = [...queue.pending].sort();
      queue.pending = null;
      queue.lastStart = now();
      try {
        await run(workspaceId, instants);
      } catch (error) {
        try {
          onError(workspaceId, instants, error);
        } catch {
          // A broken reporter must not stop the queue.
        }
      }
      const end = now();
      queue.restUntil = end + restFactor * (end - queue.lastStart);
    }
    // The queue stays (one small entry per workspace) so the next request still honours lastStart.
    queue.draining = null;
  }

  return {
    request(workspaceId, instants) {
      if (instants.length === 0) return queues.get(workspaceId)?.draining ?? Promise.resolve();
      let queue = queues.get(workspaceId);
      if (!queue) {
        queue = { pending: null, draining: null, lastStart: -Infinity, restUntil: -Infinity };
        queues.set(workspaceId, queue);
      }
      queue.pending ??= new Set();
      for (const instant of instants) queue.pending.add(slotOf(instant));
      if (!queue.draining) {
        queue.draining = drain(workspaceId, queue);
        keepAlive?.(queue.draining);
      }
      // The current drain loop takes these slots in its next run before it ends.
      return queue.draining;
    },
    async idle() {
      for (;;) {
        const busy = [...queues.values()].filter((q) => q.draining);
        if (busy.length === 0) return;
        await Promise.all(busy.map((q) => q.draining));
      }
    },
  };
}
