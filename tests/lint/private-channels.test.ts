/**
 * The project allows private realtime channels only (issue 11, item 2; docs/local-stack.md §3.1): every
 * `supabase.channel(...)` in the SPA passes `private: true`, and subscribes through `subscribePrivateChannel`, which
 * puts the user's JWT on the socket before the join. A channel added without either would be refused at join.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The argument text of each `.channel(` call: up to its matching parenthesis. */
function channelCalls(text: string): string[] {
  const calls: string[] = [];
  for (const m of text.matchAll(/\.channel\(/g)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < text.length && depth > 0; i++) depth += text[i] === '(' ? 1 : text[i] === ')' ? -1 : 0;
    calls.push(text.slice(m.index, i));
  }
  return calls;
}

describe('realtime channels in the SPA', () => {
  const files = sources(src).map((file) => ({ file: path.relative(src, file), text: readFileSync(file, 'utf8') }));
  const withChannels = files.filter((f) => channelCalls(f.text).length > 0);

  it('are all private', () => {
    expect(withChannels.length).toBeGreaterThanOrEqual(6);
    const open = withChannels.flatMap((f) => channelCalls(f.text).filter((c) => !/private:\s*true/.test(c)).map((c) => `${f.file}: ${c}`));
    expect(open).toEqual([]);
  });

  it('subscribe through subscribePrivateChannel, never directly', () => {
    const direct = files.filter((f) => f.file !== path.join('lib', 'realtime.ts') && /\.subscribe\(/.test(f.text)).map((f) => f.file);
    expect(direct).toEqual([]);
    for (const f of withChannels) expect(f.text, f.file).toContain('subscribePrivateChannel(');
  });
});
