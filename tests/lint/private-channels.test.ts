/**
 * The project allows private realtime channels only (issue 11, item 2; docs/local-stack.md §3.1): every channel the
 * SPA opens goes through `openChannel()` (src/lib/realtime.ts), which puts the user's JWT on the socket before the
 * join, and passes `private: true`. A channel opened any other way, or without `private: true`, would be refused.
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

/** The argument text of each call matching `opening` (e.g. /\bopenChannel\(/g): up to its matching parenthesis. */
function calls(text: string, opening: RegExp): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(opening)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < text.length && depth > 0; i++) depth += text[i] === '(' ? 1 : text[i] === ')' ? -1 : 0;
    out.push(text.slice(m.index, i));
  }
  return out;
}

describe('realtime channels in the SPA', () => {
  const files = sources(src).map((file) => ({ file: path.relative(src, file), text: readFileSync(file, 'utf8') }));
  const lib = path.join('lib', 'realtime.ts');
  // realtime.ts opens the channels; supabase-deferred/ is the stand-in for realtime-js itself (it refuses .channel()).
  const infrastructure = (file: string) => file === lib || file.startsWith(path.join('lib', 'supabase-deferred'));
  const opened = files.flatMap((f) => (infrastructure(f.file) ? [] : calls(f.text, /\bopenChannel\(/g).map((call) => ({ file: f.file, call }))));

  it('are all private', () => {
    expect(opened.length).toBeGreaterThanOrEqual(6);
    expect(opened.filter(({ call }) => !/private:\s*true/.test(call)).map(({ file, call }) => `${file}: ${call}`)).toEqual([]);
  });

  it('open through openChannel (which settles the JWT first; the board e2e proves the join), never with .channel() directly', () => {
    const direct = files.filter((f) => !infrastructure(f.file) && calls(f.text, /\.channel\(/g).length > 0).map((f) => f.file);
    expect(direct).toEqual([]);
  });
});
