import { describe, expect, it } from 'vitest';
import { createRollUpQueue, slotOf, type RollUpQueueOptions } from './roll-up-queue.ts';

/** A run the test finishes (or fails) by hand, so "while a run is going" is a state, not a timing. */
function controlledRuns() {
  const runs: { workspaceId: string; instants: string[]; finish: () => void; fail: (e: Error) => void }[] = [];
  const run: RollUpQueueOptions['run'] = (workspaceId, instants) =>
    new Promise<void>((resolve, reject) => runs.push({ workspaceId, instants, finish: resolve, fail: reject }));
  return { runs, run };
}

/** Lets queued promise callbacks run (no time passes: every wait in these tests is the injected one). */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

/** A clock that only moves when the queue asks to wait, recording how long it asked for. */
function manualClock() {
  let t = 1_000_000;
  const waits: number[] = [];
  return {
    now: () => t,
    wait: async (ms: number) => {
      waits.push(ms);
      t += ms;
    },
    advance: (ms: number) => (t += ms),
    waits,
  };
}

describe('roll-up queue', () => {
  it('starts the first roll-up at once, with one slot per 15 minutes', async () => {
    const { runs, run } = controlledRuns();
    const clock = manualClock();
    const queue = createRollUpQueue({ run, ...clock });
    void queue.request('ws', ['2026-03-15T10:14:59Z', '2026-03-15T10:00:00Z', '2026-03-15T10:15:00Z']);
    await settle();
    expect(runs.map((r) => [r.workspaceId, r.instants])).toEqual([['ws', ['2026-03-15T10:00:00.000Z', '2026-03-15T10:15:00.000Z']]]);
    expect(clock.waits).toEqual([]);
  });

  it('merges every request made during a run into one next run, however many there are', async () => {
    const { runs, run } = controlledRuns();
    const clock = manualClock();
    const queue = createRollUpQueue({ run, minIntervalMs: 1000, ...clock });
    const first = queue.request('ws', ['2026-03-15T10:00:00Z']);
    await settle();
    const later = [1, 2, 3, 4, 5].map((d) => queue.request('ws', [`2026-03-1${d}T08:00:00Z`]));
    await settle();
    expect(runs).toHaveLength(1);
    clock.advance(200);
    runs[0].finish();
    await settle();
    expect(runs).toHaveLength(2);
    // The second run waited out the rest of the interval, then took all five days at once.
    expect(clock.waits).toEqual([800]);
    expect(runs[1].instants).toEqual([1, 2, 3, 4, 5].map((d) => `2026-03-1${d}T08:00:00.000Z`));
    runs[1].finish();
    await Promise.all([first, ...later]);
    expect(runs).toHaveLength(2);
  });

  it('keeps the interval after the queue went idle', async () => {
    const { runs, run } = controlledRuns();
    const clock = manualClock();
    const queue = createRollUpQueue({ run, minIntervalMs: 1000, ...clock });
    void queue.request('ws', ['2026-03-15T10:00:00Z']);
    await settle();
    clock.advance(100);
    runs[0].finish();
    await queue.idle();
    void queue.request('ws', ['2026-03-15T11:00:00Z']);
    await settle();
    expect(clock.waits).toEqual([900]);
    expect(runs).toHaveLength(2);
  });

  it('rests four times as long as a slow run took before the next one', async () => {
    const { runs, run } = controlledRuns();
    const clock = manualClock();
    const queue = createRollUpQueue({ run, minIntervalMs: 1000, ...clock });
    void queue.request('ws', ['2026-03-15T10:00:00Z']);
    await settle();
    void queue.request('ws', ['2026-03-15T11:00:00Z']);
    clock.advance(600);
    runs[0].finish();
    await settle();
    expect(clock.waits).toEqual([2400]);
    expect(runs).toHaveLength(2);
  });

  it('runs workspaces independently', async () => {
    const { runs, run } = controlledRuns();
    const queue = createRollUpQueue({ run, ...manualClock() });
    void queue.request('a', ['2026-03-15T10:00:00Z']);
    void queue.request('b', ['2026-03-15T10:00:00Z']);
    await settle();
    expect(runs.map((r) => r.workspaceId)).toEqual(['a', 'b']);
  });

  it('reports a failed run, resolves its requests, and still runs what waited behind it', async () => {
    const { runs, run } = controlledRuns();
    const failures: [string, string[], string][] = [];
    const queue = createRollUpQueue({ run, ...manualClock(), onError: (ws, instants, error) => failures.push([ws, instants, (error as Error).message]) });
    const first = queue.request('ws', ['2026-03-15T10:00:00Z']);
    await settle();
    const second = queue.request('ws', ['2026-03-16T10:00:00Z']);
    runs[0].fail(new Error('PostgREST is not reachable'));
    await settle();
    expect(failures).toEqual([['ws', ['2026-03-15T10:00:00.000Z'], 'PostgREST is not reachable']]);
    expect(runs).toHaveLength(2);
    runs[1].finish();
    await expect(Promise.all([first, second])).resolves.toBeDefined();
  });

  it('hands each drain to keepAlive once, so a runtime that recycles workers waits for it', async () => {
    const { runs, run } = controlledRuns();
    const kept: Promise<void>[] = [];
    const queue = createRollUpQueue({ run, ...manualClock(), keepAlive: (work) => kept.push(work) });
    const first = queue.request('ws', ['2026-03-15T10:00:00Z']);
    void queue.request('ws', ['2026-03-15T11:00:00Z']);
    expect(kept).toEqual([first]);
    await settle();
    runs[0].finish();
    await settle();
    runs[1].finish();
    await kept[0];
    expect(runs).toHaveLength(2);
  });
});

/** Straight from Intl (dayInTimeZone caches by 15-minute slot itself, so it would prove nothing here). */
const localDay = (instant: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));

describe('slotOf', () => {
  it('keeps an instant on its local day in zones with half- and quarter-hour offsets', () => {
    const zones = ['Asia/Kathmandu', 'Asia/Kolkata', 'Australia/Eucla', 'America/St_Johns', 'Pacific/Chatham', 'Europe/Berlin', 'UTC'];
    // Every minute around local midnights of a few days, in each zone.
    for (let minute = 0; minute < 3 * 24 * 60; minute += 7) {
      const instant = new Date(Date.parse('2026-03-28T00:00:00Z') + minute * 60_000).toISOString();
      for (const zone of zones) expect(localDay(slotOf(instant), zone)).toBe(localDay(instant, zone));
    }
  });
});
