/**
 * Stands in for `@supabase/storage-js` inside supabase-js in the SPA build (vite.config.ts
 * `deferSupabaseModules`): the SPA stores no files, so the storage client is left out of the bundle.
 */
export class StorageClient {
  from(): never {
    throw new Error('Supabase Storage is not bundled in the SPA (vite.config.ts deferSupabaseModules).');
  }
}

export class StorageApiError extends Error {}
