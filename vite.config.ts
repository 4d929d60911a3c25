import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const deferred = (name: string) => fileURLToPath(new URL(`./src/lib/supabase-deferred/${name}.ts`, import.meta.url));

/**
 * Inside supabase-js only, swap the realtime and storage clients for the SPA's stand-ins: realtime-js (with
 * phoenix) then loads on the first channel instead of with every page, and storage-js, which the SPA never uses,
 * is not bundled. Our own `import('@supabase/realtime-js')` still resolves to the real package.
 */
function deferSupabaseModules(): Plugin {
  const standIns: Record<string, string> = { '@supabase/realtime-js': deferred('realtime-js'), '@supabase/storage-js': deferred('storage-js') };
  return {
    name: 'defer-supabase-modules',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!(source in standIns) || !importer?.includes('/node_modules/@supabase/supabase-js/')) return null;
      return standIns[source];
    },
  };
}

export default defineConfig({
  plugins: [deferSupabaseModules(), react()],
  resolve: {
    alias: {
      '@domain': fileURLToPath(new URL('./supabase/functions/_shared/domain', import.meta.url)),
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  build: {
    // The core chunk below is ~600 kB raw (react-dom, react-router, supabase auth, zod…) by design.
    chunkSizeWarningLimit: 650,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Libraries every page loads, in one file instead of a dozen: one request, and gzip compresses them
          // together (about 4 KB less for /board). Only libraries loaded whole by every page belong here; anything
          // a lazy route or dialog alone uses would be pulled into the first load.
          groups: [
            {
              name: 'core',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack[\\/](react-query|query-core)|@supabase[\\/](supabase-js|auth-js|postgrest-js|functions-js)|zod|tailwind-merge|clsx)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
});
