/** The local stack as `npm run stack` runs it, in a child process: time to healthy and the memory of its process tree. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { REPO_ROOT } from '../local-stack/index.ts';

export interface StackChild {
  child: ChildProcess;
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  dbUrl: string;
  /** From spawn to the gateway answering a REST request. */
  healthyMs: number;
  stop(): Promise<void>;
}

/** Starts `scripts/local-stack/cli.ts` on `dataDir` and `port`; resolves once /rest/v1/ answers 200. */
export async function startStackProcess(dataDir: string, port: number): Promise<StackChild> {
  const t0 = performance.now();
  // Node with tsx's loader, not the tsx wrapper: one process, whose exit means the stack has stopped.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/local-stack/cli.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: '', LOCAL_STACK_DIR: dataDir, LOCAL_STACK_PORT: String(port), LOCAL_STACK_WRITE_ENV: '0', LOCAL_STACK_ANALYZE_EVERY_MS: '0', LOCAL_STACK_AUTH_LIMITS: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the stack exited:\n${output}`);
    const anon = /anon key\s+(\S+)/.exec(output)?.[1];
    if (anon) {
      const res = await fetch(`${url}/rest/v1/`, { headers: { apikey: anon } }).catch(() => null);
      if (res?.ok) break;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const healthyMs = performance.now() - t0;
  const field = (name: string) => new RegExp(`${name}\\s+(\\S+)`).exec(output)![1];
  return {
    child,
    url,
    anonKey: field('anon key'),
    serviceRoleKey: field('service_role key'),
    dbUrl: field('DB URL'),
    healthyMs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}

function childrenOf(): Map<number, number[]> {
  const tree = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      tree.set(ppid, [...(tree.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  return tree;
}

/**
 * Memory (MB) of a process and all its descendants (gateway, PostgreSQL, PostgREST, Deno) as proportional set
 * size, so PostgreSQL's shared buffers count once rather than once per backend.
 */
export function treeMemoryMb(pid: number): number {
  const tree = childrenOf();
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const m = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'));
      kb += m ? Number(m[1]) : 0;
    } catch {
      // exited meanwhile
    }
    stack.push(...(tree.get(p) ?? []));
  }
  return kb / 1024;
}

/** Samples treeMemoryMb every 100 ms until stopped; returns the peak. */
export function watchPeakMemory(pid: number): { stop(): number } {
  let peak = treeMemoryMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeMemoryMb(pid))), 100);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeMemoryMb(pid));
    },
  };
}

/** Clock ticks per second in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/**
 * CPU time (ms, user + system) used so far by each process of the tree under `pid`, by process name (node, deno,
 * postgres, postgrest …). Differences of two readings say what a measured stretch cost each part of the stack, which
 * stays meaningful on a shared machine where wall-clock throughput does not.
 */
export function treeCpuMs(pid: number): Map<number, { name: string; ms: number }> {
  const tree = childrenOf();
  const out = new Map<number, { name: string; ms: number }>();
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(p, { name, ms: ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ });
    } catch {
      // exited meanwhile
    }
    stack.push(...(tree.get(p) ?? []));
  }
  return out;
}

/** CPU ms per process name between two treeCpuMs readings (processes started in between count from zero). */
export function cpuSpentByName(before: Map<number, { name: string; ms: number }>, after: Map<number, { name: string; ms: number }>): Map<string, number> {
  const spent = new Map<string, number>();
  for (const [pid, { name, ms }] of after) spent.set(name, (spent.get(name) ?? 0) + ms - (before.get(pid)?.ms ?? 0));
  return spent;
}
