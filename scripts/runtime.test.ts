import { describe, expect, it } from 'vitest';

// npm scripts put node_modules/.bin first on PATH, where the `node` devDependency links Node 22; supabase-js 2.119
// and openai 7 need it (native WebSocket and fetch), so tests run on it even where the machine has Node 20.
describe('runtime', () => {
  it('runs on Node 22 or later, from the project’s node devDependency', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22);
    expect(typeof globalThis.WebSocket).toBe('function');
  });
});
