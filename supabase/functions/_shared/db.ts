/**
 * The edge functions' aliases over the generated `database.types.ts` (written by `npm run db:types` next to the SPA's
 * copy, from the same migrations): functions type their rows from here instead of describing them by hand.
 */
import type { Database } from './database.types.ts';

export type { Database, Json } from './database.types.ts';

type PublicSchema = Database['public'];

export type TableName = keyof PublicSchema['Tables'] & string;
export type Tables<T extends TableName> = PublicSchema['Tables'][T]['Row'];
export type TablesInsert<T extends TableName> = PublicSchema['Tables'][T]['Insert'];
export type TablesUpdate<T extends TableName> = PublicSchema['Tables'][T]['Update'];
