import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintSchema } from './rules.ts';

const bootstrap = readFileSync(path.resolve(import.meta.dirname, '../local-stack/sql/bootstrap.sql'), 'utf8');
let db: PGlite;
const lint = () => lintSchema(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows);

beforeAll(async () => {
  db = await PGlite.create();
  await db.exec(bootstrap);
  // One of each mistake the lint exists for, next to its correct twin.
  await db.exec(`
    create table public.teams (id uuid primary key, owner uuid references auth.users (id));
    create table public.notes (id uuid primary key, team_id uuid references public.teams (id), author uuid);
    create index notes_team_id_idx on public.notes (team_id);
    alter table public.notes enable row level security;
    create policy "Authors can read their notes" on public.notes for select to authenticated using (author = auth.uid());
    create policy "Authors can change their notes" on public.notes for update to authenticated
      using (author = (select auth.uid())) with check (author = (select auth.uid()) or author = auth.uid());
    create policy "Authors can add notes" on public.notes for insert to authenticated with check (author = (select auth.uid()));
    create function public.loose() returns int language sql as 'select 1';
    create function public.pinned() returns int language sql set search_path = '' as 'select 1';
    create function public.open_definer() returns int language sql security definer set search_path = '' as 'select 1';
    create function public.closed_definer() returns int language sql security definer set search_path = '' as 'select 1';
    revoke execute on function public.closed_definer() from public, anon;
    create function public.definer_trigger() returns trigger language plpgsql security definer set search_path = ''
      as 'begin return new; end';
    revoke execute on function public.definer_trigger() from public, anon;
    alter table realtime.messages disable row level security;
    create policy "Rooms by topic" on realtime.messages for select to authenticated using (realtime.topic() = 'room:1');
    create policy "Rooms by topic, once" on realtime.messages for insert to authenticated with check ((select realtime.topic()) = 'room:1');
  `);
});

afterAll(async () => {
  await db.close();
});

describe('lintSchema', () => {
  it('finds every mistake and none of their correct twins', async () => {
    const findings = await lint();
    const by = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => f.object);
    // realtime.messages: its policies authorize private channels, so RLS off would open every channel.
    expect(by('rls_disabled_in_public')).toEqual(['public.teams', 'realtime.messages']);
    expect(by('auth_rls_initplan')).toEqual([
      `public.notes policy 'Authors can change their notes'`,
      `public.notes policy 'Authors can read their notes'`,
      `realtime.messages policy 'Rooms by topic'`,
    ]);
    expect(by('function_search_path_mutable')).toEqual(['public.loose()']);
    expect(by('security_definer_function_executable_by_client')).toEqual(['public.definer_trigger()', 'public.open_definer()']);
    expect(by('unindexed_foreign_keys')).toEqual(['public.teams (owner)']);
  });

  it('passes once they are fixed', async () => {
    await db.exec(`
      alter table public.teams enable row level security;
      alter policy "Authors can read their notes" on public.notes using (author = (select auth.uid()));
      alter policy "Authors can change their notes" on public.notes with check (author = (select auth.uid()));
      alter function public.loose() set search_path = '';
      revoke execute on function public.open_definer() from public, anon;
      revoke execute on function public.definer_trigger() from authenticated;
      create index teams_owner_idx on public.teams (owner);
      alter table realtime.messages enable row level security;
      alter policy "Rooms by topic" on realtime.messages using ((select realtime.topic()) = 'room:1');
    `);
    expect(await lint()).toEqual([]);
  });
});
