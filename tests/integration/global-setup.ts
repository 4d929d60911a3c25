/**
 * Starts one local stack for the whole integration run: the embedded PostgreSQL on a fresh temp data dir and
 * free ports, or, when DATABASE_URL is set, a fresh database `mot_test_<random>` on that server (dropped afterwards).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startLocalStack } from '../../scripts/local-stack/index.ts';
import { ONE_ADDRESS_MANY_CLIENTS } from '../../scripts/local-stack/auth/settings.ts';
import { freePort } from '../../scripts/local-stack/functions-runner.ts';
import '../support/stack-context.ts';
import { startFakeGraphServer } from '../../supabase/functions/_shared/sources/meta/sandbox/server.ts';

async function createTestDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `mot_test_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mot-stack-'));
  const serverUrl = process.env.DATABASE_URL;
  const testDb = serverUrl ? await createTestDatabase(serverUrl) : null;
  const logs: string[] = [];
  // Meta's Graph API for the functions: a local fake the tests arrange through its /__sandbox control paths.
  const metaGraph = await startFakeGraphServer();
  metaGraph.setApp({ id: 'test-meta-app', secret: 'test-meta-secret' });
  Object.assign(process.env, {
    META_GRAPH_URL: metaGraph.url,
    META_OAUTH_DIALOG_URL: metaGraph.url,
    META_APP_ID: 'test-meta-app',
    META_APP_SECRET: 'test-meta-secret',
    META_BACKOFF_BASE_MS: '5',
    META_REPORT_POLL_MS: '5',
  });
  const stack = await startLocalStack({
    dataDir,
    port: await freePort(),
    databaseUrl: testDb?.url,
    writeEnvFile: false,
    auth: ONE_ADDRESS_MANY_CLIENTS,
    log: (m) => {
      logs.push(m);
      if (process.env.LOCAL_STACK_VERBOSE) console.log(`[local-stack] ${m}`);
    },
  }).catch(async (error: unknown) => {
    await testDb?.drop();
    await metaGraph.close();
    throw error;
  });
  project.provide('stack', {
    url: stack.url,
    anonKey: stack.anonKey,
    serviceRoleKey: stack.serviceRoleKey,
    jwtSecret: stack.jwtSecret,
    dbUrl: stack.dbUrl,
    dbKind: testDb ? 'server' : 'embedded',
    metaGraphUrl: metaGraph.url,
    metaSandboxUrl: stack.metaSandboxUrl,
  });
  return async () => {
    await stack.stop();
    await metaGraph.close();
    await testDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
