import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { trackChild } from './children.ts';
import { relayToFunction } from './function-relay.ts';
import { sendJson } from './http-utils.ts';

const SHIM = path.join(import.meta.dirname, 'deno', 'serve-shim.ts');
const READY_MARK = '__LOCAL_STACK_FUNCTION_READY__';
const FUNCTION_NAME_RE = /^[a-z0-9][a-z0-9_-]*$/i;

export function denoBinary(root: string): string {
  const candidates = [
    path.join(root, 'node_modules', '@deno', 'linux-x64-glibc', 'deno'),
    path.join(root, 'node_modules', '.bin', 'deno'),
  ];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error('Deno binary not found (npm package "deno")');
  return found;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `[functions.<name>] verify_jwt = false` in supabase/config.toml turns the JWT check off, as with the CLI. */
export function verifyJwtSetting(configToml: string, name: string): boolean {
  const section = new RegExp(`^\\[functions\\.${name.replace(/[-]/g, '\\-')}\\]\\s*$([\\s\\S]*?)(?=^\\[|(?![\\s\\S]))`, 'm').exec(configToml);
  const match = section && /^\s*verify_jwt\s*=\s*(true|false)\s*$/m.exec(section[1]);
  return match ? match[1] === 'true' : true;
}

interface Worker {
  port: number;
  child: ChildProcess;
  ready: Promise<void>;
  output: () => string;
}

export interface FunctionsRunnerOptions {
  root: string;
  functionsDir: string;
  dataDir: string;
  env: Record<string, string>;
  /** Restart a function when its files change (deno --watch). */
  watch?: boolean;
  log: (m: string) => void;
}

/** Runs each supabase/functions/<name>/index.ts in its own warm Deno process, started on first call. */
export class FunctionsRunner {
  private readonly workers = new Map<string, Worker>();
  private closed = false;

  constructor(private readonly opts: FunctionsRunnerOptions) {}

  exists(name: string): boolean {
    return FUNCTION_NAME_RE.test(name) && existsSync(path.join(this.opts.functionsDir, name, 'index.ts'));
  }

  verifyJwt(name: string): boolean {
    const config = path.join(this.opts.root, 'supabase', 'config.toml');
    return existsSync(config) ? verifyJwtSetting(readFileSync(config, 'utf8'), name) : true;
  }

  private envFor(port: number): NodeJS.ProcessEnv {
    const fromFile: Record<string, string> = {};
    const envFile = path.join(this.opts.functionsDir, '.env');
    if (existsSync(envFile)) {
      for (const line of readFileSync(envFile, 'utf8').split('\n')) {
        const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
        if (m) fromFile[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
      }
    }
    const passthrough = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => /^(DEEPSEEK_|META_|OPENAI_)/.test(k) || ['PATH', 'HOME', 'TZ', 'LANG'].includes(k)),
    );
    return {
      ...passthrough,
      ...fromFile,
      ...this.opts.env,
      DENO_DIR: path.join(this.opts.dataDir, 'deno'),
      DENO_NO_UPDATE_CHECK: '1',
      NO_COLOR: '1',
      LOCAL_STACK_FUNCTION_PORT: String(port),
    };
  }

  private async start(name: string): Promise<Worker> {
    const port = await freePort();
    const entry = pathToFileURL(path.join(this.opts.functionsDir, name, 'index.ts')).href;
    // Each function pins its own imports (supabase/functions/<name>/deno.json), as it is deployed.
    const own = path.join(this.opts.functionsDir, name, 'deno.json');
    const config = existsSync(own) ? own : path.join(this.opts.functionsDir, 'deno.json');
    const args = ['run', '--allow-all', '--no-prompt', '--config', config];
    if (this.opts.watch) args.push('--watch');
    args.push(SHIM, entry);
    const child = spawn(denoBinary(this.opts.root), args, {
      cwd: this.opts.root,
      env: this.envFor(port),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    trackChild(child);
    let output = '';
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`function ${name} did not start within 30 s`)), 30_000);
      const onData = (chunk: Buffer) => {
        const text = chunk.toString();
        output = (output + text).slice(-8000);
        for (const line of text.split('\n')) {
          if (!line.trim()) continue;
          if (line.includes(READY_MARK)) {
            clearTimeout(timer);
            resolve();
          } else {
            this.opts.log(`[fn ${name}] ${line}`);
          }
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`function ${name} exited with code ${code}`));
        if (this.workers.get(name)?.child === child) this.workers.delete(name);
      });
    });
    ready.catch(() => undefined);
    return { port, child, ready, output: () => output };
  }

  private worker(name: string): Worker {
    let worker = this.workers.get(name);
    if (!worker) {
      const pending = this.start(name);
      // Placeholder resolved lazily so concurrent first calls share one process.
      const shared: Worker = {
        port: 0,
        child: undefined as unknown as ChildProcess,
        output: () => '',
        ready: pending.then(async (w) => {
          Object.assign(shared, { port: w.port, child: w.child, output: w.output });
          await w.ready;
        }),
      };
      shared.ready.catch(() => {
        if (this.workers.get(name) === shared) this.workers.delete(name);
      });
      this.workers.set(name, shared);
      worker = shared;
    }
    return worker;
  }

  /** Forwards one request to the function, as `/<name><rest>` like the edge runtime does. */
  async handle(name: string, req: IncomingMessage, res: ServerResponse, rest: string, body: Buffer): Promise<void> {
    if (this.closed) return sendJson(res, 503, { code: 'SHUTTING_DOWN', message: 'The local stack is stopping' });
    const worker = this.worker(name);
    try {
      await worker.ready;
    } catch (error) {
      this.opts.log(`function ${name} failed to boot: ${(error as Error).message}\n${worker.output()}`);
      return sendJson(res, 503, {
        code: 'BOOT_ERROR',
        message: `Function ${name} failed to boot: ${(error as Error).message}`,
        details: worker.output().slice(-2000),
      });
    }
    const headers = { ...req.headers, host: `127.0.0.1:${worker.port}`, 'content-length': String(body.length) };
    delete headers['transfer-encoding'];
    delete headers.connection;
    await relayToFunction(worker.port, { method: req.method, path: `/${name}${rest}`, headers }, body, res, 20);
  }

  async close(): Promise<void> {
    this.closed = true;
    const exits = [...this.workers.values()].map(async (worker) => {
      await worker.ready.catch(() => undefined);
      const child = worker.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    });
    this.workers.clear();
    await Promise.all(exits);
  }
}
