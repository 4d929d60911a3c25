/**
 * Progress for the seed: a cli-progress bar on a terminal, one plain line per step elsewhere (CI logs, `npm start`
 * piping), nothing when silenced (tests).
 */
import cliProgress from 'cli-progress';

export type ProgressMode = 'auto' | 'bar' | 'lines' | 'silent';

export interface Progress {
  /** Starts a step worth `units` of the total; the label shows on the bar or as a line. */
  step(label: string, units?: number): void;
  /** Advances inside the current step (e.g. one card of many). */
  advance(units?: number): void;
  /** Ends the display: at 100 % on success, where it stopped on failure. */
  stop(ok?: boolean): void;
}

export function createProgress(total: number, mode: ProgressMode = 'auto', stream: NodeJS.WriteStream = process.stdout): Progress {
  const resolved = mode === 'auto' ? (stream.isTTY ? 'bar' : 'lines') : mode;
  if (resolved === 'silent') return { step: () => undefined, advance: () => undefined, stop: () => undefined };

  if (resolved === 'lines') {
    return {
      step(label) {
        stream.write(`  ${label}…\n`);
      },
      advance: () => undefined,
      stop: () => undefined,
    };
  }

  const bar = new cliProgress.SingleBar(
    {
      format: '  {bar} {percentage}% | {step}',
      stream,
      hideCursor: true,
      clearOnComplete: false,
      barsize: 30,
      fps: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let value = 0;
  let stepEnd = 0;
  bar.start(total, 0, { step: 'Starting' });
  return {
    step(label, units = 1) {
      value = stepEnd;
      stepEnd = Math.min(total, stepEnd + units);
      bar.update(value, { step: label });
    },
    advance(units = 1) {
      value = Math.min(stepEnd, value + units);
      bar.update(value);
    },
    stop(ok = true) {
      if (ok) bar.update(total, { step: 'Done' });
      bar.stop();
    },
  };
}
