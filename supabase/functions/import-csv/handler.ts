// CSV import of daily campaign figures (issue 9 item 7). Two steps through one endpoint: `preview` parses the file,
// guesses or applies the column mapping and answers what each line would do (new, changed, unchanged, quarantined,
// or an error with its line number) without writing anything; `confirm` does the same and then writes the good rows
// and quarantines the failing ones through `writeSnapshots`, so uploading the same file again changes nothing.
// Runs as the caller (their JWT): RLS decides the workspace, and viewers cannot import.
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { CSV_TARGETS, guessMapping, mapCsvLines, mappingProblems, type CsvMapping } from '../_shared/domain/csv-import.ts';
import { DATA_SOURCE_PATTERN } from '../_shared/domain/snapshot-quality.ts';
import { errorResponse, handleOptions, HttpError, json, readPostRequest } from '../_shared/http.ts';
import { CsvFormatError, parseCsv } from '../_shared/sources/csv/parse.ts';
import { applySnapshotPlan, planSnapshots, SnapshotRowError } from '../_shared/sources/snapshot-writer.ts';
import { createUserClient } from '../_shared/supabase.ts';

/** The gateway takes 1 MiB per request; the file must fit with the JSON around it. */
export const MAX_CSV_CHARS = 900_000;
/** Lines listed in a preview (the counts cover all of them). */
export const PREVIEW_LINES = 200;

export const requestSchema = z
  .object({
    mode: z.enum(['preview', 'confirm']),
    workspace_id: z.uuid(),
    source: z.string().regex(DATA_SOURCE_PATTERN, 'source must be lowercase letters, digits and _ (e.g. google_ads)'),
    csv: z.string().min(1, 'The file is empty').max(MAX_CSV_CHARS, `The file is larger than ${MAX_CSV_CHARS} characters; split it`),
    campaign_id: z.uuid().nullish(),
    mapping: z.record(z.string(), z.enum(CSV_TARGETS).nullable()).optional(),
  })
  .strict();

export interface ImportCsvDeps {
  userClient?: (req: Request) => SupabaseClient;
  now?: () => Date;
}

type LineStatus = 'new' | 'changed' | 'unchanged' | 'quarantine';

export async function handler(req: Request, deps: ImportCsvDeps = {}): Promise<Response> {
  const preflight = handleOptions(req);
  if (preflight) return preflight;
  try {
    const { body } = await readPostRequest(req, requestSchema, { usage: '{ mode, workspace_id, source, csv, mapping? }', signIn: 'Sign in to import data' });
    const client = (deps.userClient ?? createUserClient)(req);
    const { data: ws, error: wsError } = await client.from('workspaces').select('id').eq('id', body.workspace_id).maybeSingle();
    if (wsError) throw new Error(`Could not load the workspace: ${wsError.message}`);
    if (!ws) throw new HttpError(404, 'Workspace not found');
    const { data: allowed } = await client.rpc('has_workspace_role', { ws: body.workspace_id, roles: ['admin', 'ops_head', 'marketer'] });
    if (allowed !== true) throw new HttpError(403, 'Viewers cannot import data');

    const parsed = parseCsv(body.csv);
    const mapping: CsvMapping = body.mapping ?? guessMapping(parsed.headers);
    const unknown = Object.keys(mapping).filter((h) => !parsed.headers.includes(h));
    if (unknown.length > 0) throw new HttpError(400, `The mapping names columns the file does not have: ${unknown.join(', ')}`);
    const { data: campaigns, error: cError } = await client.from('campaigns').select('id, name').eq('workspace_id', body.workspace_id).order('name');
    if (cError) throw new Error(`Could not load campaigns: ${cError.message}`);
    const campaignList = (campaigns ?? []) as { id: string; name: string }[];
    if (body.campaign_id && !campaignList.some((c) => c.id === body.campaign_id)) throw new HttpError(404, 'Campaign not found in this workspace');
    const options = { source: body.source, campaigns: campaignList, campaignId: body.campaign_id ?? null };
    const problems = mappingProblems(mapping, options);
    const base = { headers: parsed.headers, mapping, guessed: body.mapping === undefined, lines: parsed.lines.length };
    if (problems.length > 0) return json({ ...base, problems, rows: [], errors: [], summary: null }, body.mode === 'confirm' ? 422 : 200);

    const mapped = mapCsvLines(parsed.lines, mapping, options);
    const now = (deps.now ?? (() => new Date()))();
    const writeOpts = { source: body.source, runId: `csv:${now.toISOString()}`, now };
    const plan = await planSnapshots(client, mapped.rows.map((r) => r.row), writeOpts);

    const lineOf = new Map(mapped.rows.map((r) => [`${r.row.campaign_id}|${r.row.date}`, r.line]));
    const names = new Map(campaignList.map((c) => [c.id, c.name]));
    const listed: { line: number; status: LineStatus; campaign: string; date: string; metrics: Record<string, number | null | undefined>; reasons?: string[] }[] = [];
    const add = (status: LineStatus, row: (typeof mapped.rows)[number]['row'], reasons?: string[]) => {
      const { campaign_id, date, data_source: _s, ...metrics } = row;
      listed.push({ line: lineOf.get(`${campaign_id}|${date}`) ?? 0, status, campaign: names.get(campaign_id) ?? campaign_id, date, metrics, ...(reasons ? { reasons } : {}) });
    };
    for (const w of plan.toWrite) add(w.replaces ? 'changed' : 'new', w.row);
    for (const u of plan.unchanged) add('unchanged', u);
    for (const q of plan.toQuarantine) add('quarantine', q.row, q.reasons.map((r) => r.message));
    listed.sort((a, b) => a.line - b.line);
    const summary = {
      new: plan.toWrite.filter((w) => !w.replaces).length,
      changed: plan.toWrite.filter((w) => w.replaces).length,
      unchanged: plan.unchanged.length,
      quarantine: plan.toQuarantine.length,
      errors: mapped.errors.length,
      skipped: mapped.skipped,
    };
    const answer = { ...base, problems: [], rows: listed.slice(0, PREVIEW_LINES), errors: mapped.errors, summary };
    if (body.mode === 'preview') return json(answer);

    await applySnapshotPlan(client, plan, writeOpts);
    return json({ ...answer, result: { written: plan.toWrite.length, unchanged: plan.unchanged.length, quarantined: plan.toQuarantine.length } });
  } catch (error) {
    if (error instanceof HttpError) return error.toResponse();
    if (error instanceof CsvFormatError) return errorResponse(400, error.message);
    if (error instanceof SnapshotRowError) return errorResponse(400, error.message, error.issues);
    return errorResponse(500, 'Could not import the file', (error as Error).message);
  }
}
