import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EnvErrorScreen } from '@/app/env-error-screen';
import { parseEnv } from '@/lib/env';
import './index.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

// Check the environment before anything imports the Supabase client, so a missing .env.local shows
// instructions instead of a blank page.
const env = parseEnv(import.meta.env);
if (!env.ok) {
  root.render(
    <StrictMode>
      <EnvErrorScreen problems={env.problems} />
    </StrictMode>,
  );
} else {
  void import('@/app').then(({ App }) => {
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
