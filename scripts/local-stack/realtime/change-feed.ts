// Pushes committed row changes to the realtime service as they commit. The capture trigger queues each change in
// `_realtime.changes` with its transaction id and NOTIFYs that id; Postgres delivers notifications at commit, in
// commit order, so taking a notified transaction's rows right away gives changes in commit order with no polling.
// The queue table makes it lossless: after (re)connecting, whatever was committed while no one listened is taken.
import pg from 'pg';

export interface ChangeRow {
  id: string;
  xid: string;
  table_schema: string;
  table_name: string;
  type: 'INSERT' | 'UPDATE' | 'DELETE';
  record: Record<string, unknown> | null;
  old_record: Record<string, unknown> | null;
  columns: { name: string; type: string }[];
  primary_keys: string[];
  commit_timestamp: string;
}

export interface ChangeFeed {
  /** Takes everything queued now and discards it (a first subscriber must not get changes from before it joined). */
  discardQueued(): Promise<void>;
  /** Resolves once the feed is connected and listening (for tests and start-up). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export const CHANNEL = '_realtime';
const APPLICATION_NAME = 'mot-realtime-feed';
const MAX_BACKOFF_MS = 2000;

export function startChangeFeed(opts: {
  databaseUrl: string;
  /** Called with the changes of one or more transactions, in commit order; nothing else is called meanwhile. */
  deliver: (rows: ChangeRow[]) => Promise<void>;
  /** False while nobody subscribes to postgres_changes: changes are then taken and dropped. */
  wanted: () => boolean;
  log: (m: string) => void;
}): ChangeFeed {
  let client: pg.Client | null = null;
  let closed = false;
  let pending: string[] = [];
  let sweepAll = false;
  let chain: Promise<void> = Promise.resolve();
  let working = false;
  let backoff = 100;
  let readyResolve: () => void = () => {};
  let readyPromise = new Promise<void>((r) => (readyResolve = r));

  async function take(db: pg.Client, xids: string[] | null): Promise<ChangeRow[]> {
    const sql =
      xids === null
        ? 'delete from _realtime.changes returning *'
        : 'delete from _realtime.changes where xid = any($1::xid8[]) returning *';
    const { rows } = await db.query<ChangeRow>(sql, xids === null ? [] : [xids]);
    // Within the notified transactions: commit order (the order their ids were notified), then statement order.
    // A full sweep after a reconnect has no commit order to go by and falls back to capture order.
    const rank = new Map((xids ?? []).map((x, i) => [x, i]));
    return rows.sort((a, b) => (rank.get(a.xid) ?? 0) - (rank.get(b.xid) ?? 0) || Number(a.id) - Number(b.id));
  }

  /** Works off what has been notified (or everything, after a reconnect), one batch at a time. */
  function work() {
    if (working || closed) return;
    working = true;
    chain = (async () => {
      try {
        while (client && (sweepAll || pending.length)) {
          const db = client;
          const xids = sweepAll ? null : pending;
          sweepAll = false;
          pending = [];
          const rows = await take(db, xids);
          if (rows.length && opts.wanted()) await opts.deliver(rows);
        }
      } catch (err) {
        // The rows stay queued (the delete did not commit); the reconnect sweep takes them.
        opts.log(`realtime: change feed query failed: ${(err as Error).message}`);
      } finally {
        working = false;
      }
    })();
  }

  async function connect(): Promise<void> {
    if (closed) return;
    const db = new pg.Client({ connectionString: opts.databaseUrl, application_name: APPLICATION_NAME });
    db.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      pending.push(msg.payload);
      work();
    });
    db.on('error', (err) => opts.log(`realtime: change feed connection error: ${err.message}`));
    db.on('end', () => {
      if (client === db) client = null;
      if (closed) return;
      readyPromise = new Promise<void>((r) => (readyResolve = r));
      opts.log('realtime: change feed disconnected; reconnecting');
      setTimeout(() => void connect(), backoff).unref?.();
    });
    try {
      await db.connect();
      await db.query(`listen ${CHANNEL}`);
    } catch (err) {
      opts.log(`realtime: change feed cannot connect: ${(err as Error).message}`);
      await db.end().catch(() => undefined);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      if (!closed) setTimeout(() => void connect(), backoff).unref?.();
      return;
    }
    if (closed) return void (await db.end().catch(() => undefined));
    backoff = 100;
    client = db;
    // Listening first, then sweeping: a transaction committed in between is either swept or notified, never lost.
    pending = [];
    sweepAll = true;
    work();
    await chain;
    readyResolve();
  }

  void connect();

  return {
    ready: () => readyPromise,
    async discardQueued() {
      await chain;
      const db = client;
      if (db) await take(db, null).catch(() => undefined);
    },
    async close() {
      closed = true;
      await chain;
      await client?.end().catch(() => undefined);
      client = null;
      readyResolve();
    },
  };
}
