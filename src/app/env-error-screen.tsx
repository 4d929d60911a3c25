import { TriangleAlert } from 'lucide-react';

/** Shown instead of the app when VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY are missing or malformed. */
export function EnvErrorScreen({ problems }: { problems: string[] }) {
  return (
    <div className="flex min-h-screen items-center justify-center bg-slate-50 p-6">
      <div className="w-full max-w-xl rounded-lg border border-amber-200 bg-white p-8 shadow-sm">
        <div className="flex items-center gap-3">
          <div className="flex size-10 items-center justify-center rounded-full bg-amber-100 text-amber-700">
            <TriangleAlert className="size-5" aria-hidden />
          </div>
          <div>
            <h1 className="text-lg font-semibold text-slate-900">Marketing Ops Tracker can't reach Supabase yet</h1>
            <p className="text-sm text-slate-500">The app is missing its connection settings.</p>
          </div>
        </div>
        <ul className="mt-6 list-disc space-y-1 rounded-md bg-amber-50 py-3 pl-8 pr-4 text-sm text-amber-900" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
        <div className="mt-6 space-y-3 text-sm text-slate-600">
          <p>
            Start the local stack with <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">npm run stack</code>{' '}
            (or <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">npm start</code>): it writes{' '}
            <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">.env.local</code> for you. To use a hosted
            project instead, create <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">.env.local</code> with:
          </p>
          <pre className="overflow-x-auto rounded-md bg-slate-900 p-4 font-mono text-xs leading-relaxed text-slate-100">
            {'VITE_SUPABASE_URL=https://<project>.supabase.co\nVITE_SUPABASE_ANON_KEY=<anon key>'}
          </pre>
          <p>Then restart Vite so it picks the values up.</p>
        </div>
      </div>
    </div>
  );
}
