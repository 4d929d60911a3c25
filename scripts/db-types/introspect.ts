/** Reads the public schema's tables, columns, foreign keys and functions from the catalog. */
export interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface ColumnInfo {
  table: string;
  name: string;
  udt: string;
  nullable: boolean;
  hasDefault: boolean;
  generatedAlways: boolean;
  /** The values a single-column `check (col in (…))` constraint allows: the column is typed as their union. */
  allowed?: string[];
}

export interface ForeignKeyInfo {
  name: string;
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  oneToOne: boolean;
}

export interface FunctionInfo {
  name: string;
  args: { name: string; udt: string; hasDefault: boolean }[];
  returnsTable: string | null;
  returnsUdt: string;
  returnsSet: boolean;
}

export interface SchemaInfo {
  tables: string[];
  columns: ColumnInfo[];
  foreignKeys: ForeignKeyInfo[];
  functions: FunctionInfo[];
}

export async function introspectPublicSchema(db: Queryable): Promise<SchemaInfo> {
  const tables = (
    await db.query<{ relname: string }>(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
    )
  ).map((r) => r.relname);

  const columns = (
    await db.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string; column_default: string | null; is_identity: string; identity_generation: string | null; is_generated: string }>(
      `select table_name, column_name, udt_name, is_nullable, column_default, is_identity, identity_generation, is_generated
         from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
    )
  ).map<ColumnInfo>((c) => ({
    table: c.table_name,
    name: c.column_name,
    udt: c.udt_name,
    nullable: c.is_nullable === 'YES',
    hasDefault: c.column_default !== null || c.is_identity === 'YES',
    generatedAlways: c.is_generated === 'ALWAYS' || c.identity_generation === 'ALWAYS',
  }));

  // Statuses, roles, severities and objectives are check constraints, not enums: type each as the union it allows.
  const checks = await db.query<{ table_name: string; column_name: string; def: string }>(
    `select c.relname as table_name, a.attname as column_name, pg_get_constraintdef(con.oid) as def
       from pg_constraint con
       join pg_class c on c.oid = con.conrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
      where n.nspname = 'public' and con.contype = 'c' and array_length(con.conkey, 1) = 1
      order by c.relname, a.attname, con.conname`,
  );
  for (const check of checks) {
    const allowed = allowedValues(check.column_name, check.def);
    const column = columns.find((c) => c.table === check.table_name && c.name === check.column_name);
    if (allowed && column && column.udt === 'text') column.allowed = column.allowed ? column.allowed.filter((v) => allowed.includes(v)) : allowed;
  }

  const foreignKeys = (
    await db.query<{ conname: string; table_name: string; columns: string[]; ref_table: string; ref_columns: string[]; one_to_one: boolean }>(
      `select con.conname, rel.relname as table_name,
              array(select a.attname from unnest(con.conkey) k join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k order by a.attname)::text[] as columns,
              ref.relname as ref_table,
              array(select a.attname from unnest(con.confkey) k join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k order by a.attname)::text[] as ref_columns,
              exists (select 1 from pg_constraint u where u.conrelid = con.conrelid and u.contype in ('p', 'u')
                       and (select array_agg(x order by x) from unnest(u.conkey) x) = (select array_agg(x order by x) from unnest(con.conkey) x)) as one_to_one
         from pg_constraint con
         join pg_class rel on rel.oid = con.conrelid
         join pg_namespace n on n.oid = rel.relnamespace
         join pg_class ref on ref.oid = con.confrelid
         join pg_namespace rn on rn.oid = ref.relnamespace
        where con.contype = 'f' and n.nspname = 'public' and rn.nspname = 'public'
        order by rel.relname, con.conname`,
    )
  ).map<ForeignKeyInfo>((f) => ({
    name: f.conname,
    table: f.table_name,
    columns: f.columns,
    referencedTable: f.ref_table,
    referencedColumns: f.ref_columns,
    oneToOne: f.one_to_one,
  }));

  const functionRows = await db.query<{ proname: string; arg_names: string[] | null; arg_types: string[]; nargdefaults: number; ret_udt: string; ret_table: string | null; proretset: boolean }>(
    `select p.proname, p.proargnames as arg_names,
            array(select t.typname from unnest(p.proargtypes) with ordinality a(oid, i) join pg_type t on t.oid = a.oid order by a.i)::text[] as arg_types,
            p.pronargdefaults as nargdefaults, rt.typname as ret_udt,
            case when rt.typtype = 'c' then rc.relname end as ret_table, p.proretset
       from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace
       join pg_type rt on rt.oid = p.prorettype
       left join pg_class rc on rc.oid = rt.typrelid
      where n.nspname = 'public' and rt.typname not in ('trigger', 'event_trigger') and p.prokind = 'f'
      order by p.proname`,
  );
  const functions = functionRows.map<FunctionInfo>((f) => ({
    name: f.proname,
    args: f.arg_types.map((udt, i) => ({
      name: f.arg_names?.[i] ?? `arg${i}`,
      udt,
      hasDefault: i >= f.arg_types.length - f.nargdefaults,
    })),
    returnsTable: f.ret_table,
    returnsUdt: f.ret_udt,
    returnsSet: f.proretset,
  }));

  return { tables, columns, foreignKeys, functions };
}

/**
 * The value list of `CHECK ((col = ANY (ARRAY['a'::text, …])))`, optionally behind `(col IS NULL) OR`, as Postgres
 * prints `check (col in ('a', …))`; null for any other shape (ranges, expressions), which stays a plain string.
 */
export function allowedValues(column: string, def: string): string[] | null {
  const name = column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const list = `${name} = ANY \\(ARRAY\\[((?:'[^']*'::text(?:, )?)+)\\]\\)`;
  const shape = new RegExp(`^CHECK \\(\\(?(?:\\(${name} IS NULL\\) OR )?\\(?${list}\\)?\\)\\)?$`);
  const match = shape.exec(def);
  if (!match) return null;
  return [...match[1].matchAll(/'([^']*)'::text/g)].map((m) => m[1]);
}
