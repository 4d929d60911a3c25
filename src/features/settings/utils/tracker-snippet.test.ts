import { describe, expect, it } from 'vitest';
import { ingestEndpoint, trackerSnippet } from './tracker-snippet';

describe('trackerSnippet', () => {
  it('loads the tracker from the app and points MOT.init at the ingest-events function with the key', () => {
    const snippet = trackerSnippet({ appOrigin: 'https://app.example.com', supabaseUrl: 'http://127.0.0.1:54321', workspaceKey: 'mot_abc' });

    expect(snippet).toBe(
      `<script src="https://app.example.com/tracker.js"></script>\n` +
        `<script>MOT.init({ endpoint: 'http://127.0.0.1:54321/functions/v1/ingest-events', workspaceKey: 'mot_abc' })</script>`,
    );
  });

  it('tolerates trailing slashes on both URLs', () => {
    expect(ingestEndpoint('https://ref.supabase.co//')).toBe('https://ref.supabase.co/functions/v1/ingest-events');
    expect(trackerSnippet({ appOrigin: 'https://a.test/', supabaseUrl: 'https://b.test/', workspaceKey: 'k' })).toContain('src="https://a.test/tracker.js"');
  });
});
