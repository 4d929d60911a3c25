import { CircleAlert, FileUp } from 'lucide-react';
import { useId, useState } from 'react';
import { toast } from '@/components/ui/toast';
import { CSV_TARGET_LABELS, CSV_TARGETS, type CsvMapping, type CsvTarget } from '@domain/csv-import.ts';
import { sourceLabel } from '@domain/metric-sources.ts';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { errorMessage } from '@/lib/utils';
import { useImportCampaigns } from '../api/get-import-campaigns';
import { type CsvImportAnswer, type CsvLineStatus, useCsvImport } from '../api/import-csv';

const SOURCES = ['google_ads', 'tiktok', 'meta_ads', 'csv'] as const;
const FROM_FILE = '__file__';
const IGNORE = '__ignore__';
const MAX_CHARS = 900_000;

const STATUS: Record<CsvLineStatus, { label: string; variant: 'success' | 'info' | 'neutral' | 'warning' }> = {
  new: { label: 'New', variant: 'success' },
  changed: { label: 'Changed', variant: 'info' },
  unchanged: { label: 'Unchanged', variant: 'neutral' },
  quarantine: { label: 'Quarantine', variant: 'warning' },
};

/**
 * Upload → map columns → preview → confirm. Nothing is written until "Import"; the preview says what each line will
 * do and which lines have errors (by line number). The same file again imports as "unchanged".
 */
export function CsvImportCard({ initialCampaignId }: { initialCampaignId?: string | null }) {
  const { workspace, canWrite } = useCurrentWorkspace();
  const campaigns = useImportCampaigns(workspace.id);
  const importer = useCsvImport(workspace.id);
  const ids = useId();
  const [source, setSource] = useState<string>('google_ads');
  const [campaignId, setCampaignId] = useState<string>(initialCampaignId ?? FROM_FILE);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [mapping, setMapping] = useState<CsvMapping | undefined>(undefined);
  const [answer, setAnswer] = useState<CsvImportAnswer | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const run = (mode: 'preview' | 'confirm', next: { text?: string; mapping?: CsvMapping; source?: string; campaignId?: string } = {}) => {
    const csv = next.text ?? file?.text;
    if (!csv) return;
    const chosen = next.campaignId ?? campaignId;
    importer.mutate(
      { mode, csv, source: next.source ?? source, campaign_id: chosen === FROM_FILE ? null : chosen, mapping: 'mapping' in next ? next.mapping : mapping },
      {
        onSuccess: (result) => {
          setAnswer(result);
          setMapping(result.mapping);
          if (mode === 'confirm' && result.result) {
            const r = result.result;
            toast.success('Import finished', { description: `${r.written} written, ${r.unchanged} unchanged, ${r.quarantined} quarantined` });
          }
        },
        onError: (error) => toast.error(mode === 'confirm' ? 'Could not import the file' : 'Could not read the file', { description: errorMessage(error) }),
      },
    );
  };

  async function onFile(selected: File | undefined) {
    setAnswer(null);
    setMapping(undefined);
    setFileError(null);
    if (!selected) return setFile(null);
    const text = await selected.text();
    if (text.length > MAX_CHARS) {
      setFile(null);
      return setFileError(`The file is larger than ${Math.round(MAX_CHARS / 1000)} kB; split it into smaller files.`);
    }
    setFile({ name: selected.name, text });
    run('preview', { text, mapping: undefined });
  }

  function remap(header: string, value: string) {
    const next: CsvMapping = { ...(mapping ?? {}), [header]: value === IGNORE ? null : (value as CsvTarget) };
    setMapping(next);
    run('preview', { mapping: next });
  }

  const summary = answer?.summary;
  const toWrite = summary ? summary.new + summary.changed + summary.quarantine : 0;
  const done = Boolean(answer?.result);

  return (
    <Card data-testid="csv-import">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <FileUp className="size-4 text-muted-foreground" aria-hidden />
          Import a CSV
        </CardTitle>
        <CardDescription>
          Daily figures from Google Ads, TikTok, a Meta export or a spreadsheet. Columns are recognised from their headers; check them, preview, then
          import. Rows that fail the data-quality checks go to the quarantine below.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {!canWrite ? (
          <p className="text-sm text-muted-foreground">Viewers can read imported data but not import files.</p>
        ) : (
          <>
            <div className="grid gap-4 md:grid-cols-3">
              <FormField id={`${ids}-source`} label="Source" hint="Shown next to the figures, e.g. “from Google Ads”.">
                <Select
                  value={source}
                  onValueChange={(v) => {
                    setSource(v);
                    if (file) run('preview', { source: v });
                  }}
                >
                  <SelectTrigger id={`${ids}-source`} aria-label="Source">
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    {SOURCES.map((s) => (
                      <SelectItem key={s} value={s}>
                        {s === 'csv' ? 'Spreadsheet (CSV)' : sourceLabel(s)}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              </FormField>
              <FormField id={`${ids}-campaign`} label="Campaign" hint="Or let the file's Campaign column decide, row by row.">
                <Select
                  value={campaignId}
                  onValueChange={(v) => {
                    setCampaignId(v);
                    if (file) run('preview', { campaignId: v });
                  }}
                >
                  <SelectTrigger id={`${ids}-campaign`} aria-label="Campaign">
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    <SelectItem value={FROM_FILE}>From the file's Campaign column</SelectItem>
                    {(campaigns.data ?? []).map((c) => (
                      <SelectItem key={c.id} value={c.id}>
                        {c.name}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              </FormField>
              <FormField id={`${ids}-file`} label="File" error={fileError ?? undefined} hint={file ? file.name : 'CSV, comma, semicolon or tab separated'}>
                <Input id={`${ids}-file`} type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void onFile(e.target.files?.[0])} data-testid="csv-file" />
              </FormField>
            </div>

            {answer && answer.headers.length > 0 ? (
              <section aria-label="Column mapping" className="grid gap-2">
                <h3 className="text-sm font-medium">Columns {answer.guessed ? <span className="font-normal text-muted-foreground">(recognised from the headers)</span> : null}</h3>
                <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
                  {answer.headers.map((header) => (
                    <label key={header} className="grid gap-1 rounded-md border p-2 text-xs">
                      <span className="truncate font-medium" title={header}>
                        {header}
                      </span>
                      <Select value={mapping?.[header] ?? IGNORE} onValueChange={(v) => remap(header, v)}>
                        <SelectTrigger aria-label={`Column ${header}`} className="h-8">
                          <SelectValue />
                        </SelectTrigger>
                        <SelectContent>
                          <SelectItem value={IGNORE}>Ignore</SelectItem>
                          {CSV_TARGETS.map((t) => (
                            <SelectItem key={t} value={t}>
                              {CSV_TARGET_LABELS[t]}
                            </SelectItem>
                          ))}
                        </SelectContent>
                      </Select>
                    </label>
                  ))}
                </div>
              </section>
            ) : null}

            {answer?.problems.length ? (
              <Alert variant="warning">
                <CircleAlert aria-hidden />
                <AlertTitle>The mapping needs attention</AlertTitle>
                <AlertDescription>
                  <ul className="list-disc pl-4">
                    {answer.problems.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                </AlertDescription>
              </Alert>
            ) : null}

            {summary ? <PreviewSummary answer={answer!} /> : null}

            {file ? (
              <div className="flex flex-wrap items-center gap-3">
                <Button onClick={() => run('confirm')} loading={importer.isPending && importer.variables?.mode === 'confirm'} disabled={!summary || toWrite === 0 || done || importer.isPending} data-testid="csv-confirm">
                  {done ? 'Imported' : importLabel(summary)}
                </Button>
                {summary?.errors ? <span className="text-xs text-muted-foreground">{summary.errors} line(s) with errors will be skipped.</span> : null}
                {answer?.result ? (
                  <span className="text-sm" data-testid="csv-result">
                    {answer.result.written} written · {answer.result.unchanged} unchanged · {answer.result.quarantined} quarantined
                  </span>
                ) : null}
              </div>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}

function importLabel(summary: CsvImportAnswer['summary'] | undefined): string {
  if (!summary) return 'Import';
  const write = summary.new + summary.changed;
  if (write + summary.quarantine === 0) return 'Nothing new to import';
  const parts = [write ? `Import ${write} row${write === 1 ? '' : 's'}` : null, summary.quarantine ? `quarantine ${summary.quarantine}` : null].filter(Boolean);
  return parts.join(', ').replace(/^q/, 'Q');
}

function PreviewSummary({ answer }: { answer: CsvImportAnswer }) {
  const s = answer.summary!;
  return (
    <section aria-label="Preview" className="grid gap-3" data-testid="csv-preview">
      <div className="flex flex-wrap gap-2 text-xs">
        <Badge variant="success">{s.new} new</Badge>
        <Badge variant="info">{s.changed} changed</Badge>
        <Badge variant="neutral">{s.unchanged} unchanged</Badge>
        <Badge variant="warning">{s.quarantine} to quarantine</Badge>
        <Badge variant={s.errors ? 'danger' : 'neutral'}>{s.errors} with errors</Badge>
        {s.skipped ? <Badge variant="neutral">{s.skipped} summary/blank lines skipped</Badge> : null}
      </div>
      {answer.errors.length ? (
        <Alert variant="destructive" data-testid="csv-errors">
          <CircleAlert aria-hidden />
          <AlertTitle>Lines that cannot be imported</AlertTitle>
          <AlertDescription>
            <ul className="grid gap-0.5">
              {answer.errors.slice(0, 50).map((e) => (
                <li key={e.line}>
                  <span className="font-medium">Line {e.line}:</span> {e.message}
                </li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      ) : null}
      {answer.rows.length ? (
        <div className="max-h-80 overflow-auto rounded-md border">
          <Table aria-label="Rows to import">
            <TableHeader>
              <TableRow>
                <TableHead className="w-14">Line</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Date</TableHead>
                <TableHead>Campaign</TableHead>
                <TableHead>Values</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {answer.rows.map((r) => (
                <TableRow key={`${r.line}-${r.date}`} data-line={r.line}>
                  <TableCell className="tabular-nums text-muted-foreground">{r.line}</TableCell>
                  <TableCell>
                    <Badge variant={STATUS[r.status].variant}>{STATUS[r.status].label}</Badge>
                    {r.reasons?.length ? <div className="mt-1 text-xs text-amber-800">{r.reasons.join('; ')}</div> : null}
                  </TableCell>
                  <TableCell className="tabular-nums">{r.date}</TableCell>
                  <TableCell>{r.campaign}</TableCell>
                  <TableCell className="text-xs text-muted-foreground">
                    {Object.entries(r.metrics)
                      .filter(([, v]) => v !== null && v !== undefined)
                      .map(([k, v]) => `${CSV_TARGET_LABELS[k as CsvTarget] ?? k} ${v}`)
                      .join(' · ')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </section>
  );
}
