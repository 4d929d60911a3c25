/** The ingest-events function's URL for a Supabase project URL (trailing slashes tolerated). */
export function ingestEndpoint(supabaseUrl: string): string {
  return `${supabaseUrl.replace(/\/+$/, '')}/functions/v1/ingest-events`;
}

/**
 * The two script tags a customer pastes into their site: the tracker served by this app at /tracker.js, and
 * MOT.init with the ingest endpoint and the workspace key (public by nature: it can only add events).
 */
export function trackerSnippet({ appOrigin, supabaseUrl, workspaceKey }: { appOrigin: string; supabaseUrl: string; workspaceKey: string }): string {
  const src = `${appOrigin.replace(/\/+$/, '')}/tracker.js`;
  return [
    `<script src="${src}"></script>`,
    `<script>MOT.init({ endpoint: '${ingestEndpoint(supabaseUrl)}', workspaceKey: '${workspaceKey}' })</script>`,
  ].join('\n');
}
