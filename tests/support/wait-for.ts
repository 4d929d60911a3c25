/**
 * Waiting for a condition, never for a fixed time: `waitFor` re-reads `probe` until it returns something truthy
 * (and returns that), or fails after `timeoutMs` naming what it waited for and the last value seen. A probe that
 * throws fails the wait at once (a crashed process is not "not ready yet"). The timeout is a ceiling for a broken
 * run, not a guess at how long things take.
 */
export interface WaitForOptions {
  /** Named in the timeout error: "timed out after 5000 ms waiting for <what>". */
  what?: string;
  timeoutMs?: number;
  /** Pause between reads (ms); keep it small, it only bounds how soon the condition is noticed. */
  intervalMs?: number;
}

export async function waitFor<T>(
  probe: () => T | Promise<T>,
  { what = 'condition', timeoutMs = 5000, intervalMs = 20 }: WaitForOptions = {},
): Promise<Exclude<T, false | null | undefined | 0 | ''>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as Exclude<T, false | null | undefined | 0 | ''>;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Resolves with the first value `subscribe` hands to its callback, or fails after `timeoutMs`. */
export function nextEvent<T>(
  subscribe: (deliver: (value: T) => void) => void | (() => void),
  { what = 'event', timeoutMs = 5000 }: Omit<WaitForOptions, 'intervalMs'> = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscription: { stop?: void | (() => void) } = {};
    const end = () => {
      clearTimeout(timer);
      if (typeof subscription.stop === 'function') subscription.stop();
    };
    const timer = setTimeout(() => {
      end();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    subscription.stop = subscribe((value) => {
      end();
      resolve(value);
    });
  });
}
