import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseEnv } from '@/lib/env';
import './index.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

// Check the environment before anything imports the Supabase client, so a missing .env.local shows
// instructions instead of a blank page.
const env = parseEnv(import.meta.env);
if (!env.ok) {
  // Only a misconfigured checkout sees this screen, so it is not part of every page's first load.
  const { problems } = env;
  void import('@/app/env-error-screen').then(({ EnvErrorScreen }) => {
    root.render(
      <StrictMode>
        <EnvErrorScreen problems={problems} />
      </StrictMode>,
    );
  });
} else {
  void import('@/app').then(({ App }) => {
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
