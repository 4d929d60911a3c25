import type { ColumnInfo, SchemaInfo } from './introspect.ts';

/** Maps a Postgres type name to the TypeScript type `supabase gen types typescript` uses. */
export function tsTypeFor(udt: string): string {
  if (udt.startsWith('_')) return `${tsTypeFor(udt.slice(1))}[]`;
  switch (udt) {
    case 'bool':
      return 'boolean';
    case 'int2':
    case 'int4':
    case 'int8':
    case 'float4':
    case 'float8':
    case 'numeric':
      return 'number';
    case 'json':
    case 'jsonb':
      return 'Json';
    case 'void':
      return 'undefined';
    default:
      return 'string';
  }
}

const indent = (text: string, depth: number) =>
  text
    .split('\n')
    .map((line) => (line ? '  '.repeat(depth) + line : line))
    .join('\n');

/** A column's type: the union its check constraint allows, else what its Postgres type maps to. */
function columnType(c: ColumnInfo): string {
  return c.allowed && c.allowed.length > 0 ? c.allowed.map((v) => JSON.stringify(v)).join(' | ') : tsTypeFor(c.udt);
}

function rowType(columns: ColumnInfo[]): string {
  return columns.map((c) => `${c.name}: ${columnType(c)}${c.nullable ? ' | null' : ''}`).join('\n');
}

function insertType(columns: ColumnInfo[]): string {
  return columns
    .map((c) => {
      if (c.generatedAlways) return `${c.name}?: never`;
      const optional = c.nullable || c.hasDefault ? '?' : '';
      return `${c.name}${optional}: ${columnType(c)}${c.nullable ? ' | null' : ''}`;
    })
    .join('\n');
}

function updateType(columns: ColumnInfo[]): string {
  return columns
    .map((c) => (c.generatedAlways ? `${c.name}?: never` : `${c.name}?: ${columnType(c)}${c.nullable ? ' | null' : ''}`))
    .join('\n');
}

/** Renders the schema in the shape `supabase gen types typescript` produces. */
export function renderDatabaseTypes(schema: SchemaInfo, postgrestVersion: string): string {
  const tables = schema.tables
    .map((table) => {
      const columns = schema.columns.filter((c) => c.table === table);
      const relationships = schema.foreignKeys
        .filter((f) => f.table === table)
        .map(
          (f) =>
            `{\n  foreignKeyName: "${f.name}"\n  columns: [${f.columns.map((c) => `"${c}"`).join(', ')}]\n  isOneToOne: ${f.oneToOne}\n  referencedRelation: "${f.referencedTable}"\n  referencedColumns: [${f.referencedColumns.map((c) => `"${c}"`).join(', ')}]\n},`,
        )
        .join('\n');
      return `${table}: {\n  Row: {\n${indent(rowType(columns), 2)}\n  }\n  Insert: {\n${indent(insertType(columns), 2)}\n  }\n  Update: {\n${indent(updateType(columns), 2)}\n  }\n  Relationships: [${relationships ? `\n${indent(relationships, 2)}\n  ` : ''}]\n}`;
    })
    .join('\n');

  const functions = schema.functions
    .map((fn) => {
      const args = fn.args.length
        ? `{\n${indent(fn.args.map((a) => `${a.name}${a.hasDefault ? '?' : ''}: ${tsTypeFor(a.udt)}`).join('\n'), 1)}\n}`
        : 'never';
      let returns = tsTypeFor(fn.returnsUdt);
      if (fn.returnsTable) {
        const columns = schema.columns.filter((c) => c.table === fn.returnsTable);
        returns = `{\n${indent(rowType(columns), 1)}\n}`;
      }
      if (fn.returnsSet) returns = `${returns}[]`;
      return `${fn.name}: {\n  Args: ${indent(args, 1).trimStart()}\n  Returns: ${indent(returns, 1).trimStart()}\n}`;
    })
    .join('\n');

  return `export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "${postgrestVersion}"
  }
  public: {
    Tables: {
${indent(tables, 3)}
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
${indent(functions, 3)}
    }
    Enums: {
      [_ in never]: never
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {},
  },
} as const
`;
}
