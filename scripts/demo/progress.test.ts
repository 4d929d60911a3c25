import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.ts';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, write: (s: string) => (chunks.push(s), true) } as unknown as NodeJS.WriteStream };
}

describe('createProgress', () => {
  it('prints one plain line per step when the output is not a terminal (CI)', () => {
    const { chunks, stream } = fakeStream(false);
    const progress = createProgress(5, 'auto', stream);
    progress.step('Campaigns');
    progress.advance();
    progress.step('Action cards (3)', 3);
    progress.stop();
    expect(chunks).toEqual(['  Campaigns…\n', '  Action cards (3)…\n']);
  });

  it('prints nothing when silenced', () => {
    const { chunks, stream } = fakeStream(true);
    const progress = createProgress(5, 'silent', stream);
    progress.step('Campaigns');
    progress.stop();
    expect(chunks).toEqual([]);
  });
});
