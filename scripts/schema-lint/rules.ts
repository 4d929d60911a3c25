// The schema lint: the checks of Supabase's database linter (splinter) that this project holds itself to, as
// catalog queries over a database built from the migrations. Each rule names the splinter lint it follows.

export type Query = (sql: string) => Promise<Record<string, unknown>[]>;

export interface Finding {
  rule: string;
  object: string;
  detail: string;
}

interface Rule {
  name: string;
  /** What is wrong and how to fix it, in one sentence. */
  advice: string;
  /** Returns one row per offending object, with `object` (and optionally `detail`). */
  sql: string;
}

/** Roles a client's request runs as; everything else (service_role, the owner) is trusted. */
const CLIENT_ROLES = `array['anon', 'authenticated']`;

export const RULES: Rule[] = [
  {
    name: 'rls_disabled_in_public',
    advice: 'enable row level security on the table (splinter 0013; realtime.messages too: its policies authorize private channels)',
    sql: `
      select format('%I.%I', n.nspname, c.relname) as object
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where (n.nspname = 'public' or (n.nspname = 'realtime' and c.relname = 'messages'))
         and c.relkind in ('r', 'p') and not c.relrowsecurity
       order by 1`,
  },
  {
    name: 'auth_rls_initplan',
    advice: 'wrap auth.uid()/auth.jwt()/auth.role()/auth.email()/realtime.topic() in (select …) so Postgres evaluates it once per query, not per row (splinter 0003)',
    sql: `
      select format('%I.%I policy %s', p.schemaname, p.tablename, quote_literal(p.policyname)) as object,
             coalesce(p.qual, '') || ' / ' || coalesce(p.with_check, '') as detail
        from pg_policies p
       where p.schemaname in ('public', 'realtime')
         and regexp_replace(coalesce(p.qual, '') || ' ' || coalesce(p.with_check, ''),
                            'select\\s+(auth\\.(uid|jwt|role|email)|realtime\\.topic)\\(\\)', '', 'gi')
             ~ '(auth\\.(uid|jwt|role|email)|realtime\\.topic)\\(\\)'
       order by 1`,
  },
  {
    name: 'function_search_path_mutable',
    advice: "pin the function's search_path (set search_path = '') so a caller cannot redirect the names it uses (splinter 0011)",
    sql: `
      select format('%I.%s(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) as object
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and p.prokind in ('f', 'p')
         and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
         and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')
       order by 1`,
  },
  {
    name: 'security_definer_function_executable_by_client',
    advice: "revoke execute from public and anon (and, for a trigger function, from authenticated): a security-definer function runs with its owner's rights (splinter 0028/0029)",
    sql: `
      select format('%I.%s(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) as object,
             'executable by ' || string_agg(r.rolname, ', ' order by r.rolname) as detail
        from pg_proc p
        join pg_namespace n on n.oid = p.pronamespace
        cross join (select 'public' as rolname union all select unnest(${CLIENT_ROLES})) r
       where n.nspname = 'public' and p.prosecdef
         and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
         and (r.rolname = 'anon' or r.rolname = 'public' or p.prorettype = 'trigger'::regtype)
         and case when r.rolname = 'public'
                  then exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                                where a.grantee = 0 and a.privilege_type = 'EXECUTE')
                  else has_function_privilege(r.rolname, p.oid, 'EXECUTE') end
       group by 1
       order by 1`,
  },
  {
    name: 'unindexed_foreign_keys',
    advice: "add an index whose leading columns are the foreign key's, so joins and cascading deletes do not scan the table (splinter 0001)",
    sql: `
      select format('%I.%I (%s)', n.nspname, c.relname,
               (select string_agg(quote_ident(a.attname), ', ' order by k.ord)
                  from unnest(con.conkey) with ordinality k(attnum, ord)
                  join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum)) as object,
             con.conname as detail
        from pg_constraint con
        join pg_class c on c.oid = con.conrelid
        join pg_namespace n on n.oid = c.relnamespace
       where con.contype = 'f' and n.nspname = 'public'
         and not exists (
           select 1 from pg_index i
            where i.indrelid = con.conrelid
              and (i.indkey::int2[])[0:cardinality(con.conkey) - 1] operator(pg_catalog.@>) con.conkey
              and con.conkey operator(pg_catalog.@>) (i.indkey::int2[])[0:cardinality(con.conkey) - 1])
       order by 1`,
  },
];

/** Runs every rule; an empty list means the schema passes. */
export async function lintSchema(query: Query): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    for (const row of await query(rule.sql)) {
      findings.push({ rule: rule.name, object: String(row.object), detail: row.detail ? String(row.detail) : rule.advice });
    }
  }
  return findings;
}

export function adviceFor(rule: string): string {
  return RULES.find((r) => r.name === rule)?.advice ?? '';
}
