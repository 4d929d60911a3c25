import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { CSV_TARGETS, type CsvMapping } from '@domain/csv-import.ts';
import { DATA_SOURCE_PATTERN } from '@domain/snapshot-quality.ts';
import { toFunctionError } from '@/lib/function-error';
import { supabase } from '@/lib/supabase';
import { dataSourceKeys } from '../keys';

export const csvImportSchema = z.object({
  mode: z.enum(['preview', 'confirm']),
  source: z.string().trim().regex(DATA_SOURCE_PATTERN, 'Lowercase letters, digits and _ (e.g. google_ads)'),
  csv: z.string().min(1, 'Choose a file'),
  campaign_id: z.uuid().nullish(),
  mapping: z.record(z.string(), z.enum(CSV_TARGETS).nullable()).optional(),
});
export type CsvImportInput = z.input<typeof csvImportSchema>;

export type CsvLineStatus = 'new' | 'changed' | 'unchanged' | 'quarantine';

/** What the import-csv function answers: the mapping it used and what each line does (or did). */
export interface CsvImportAnswer {
  headers: string[];
  mapping: CsvMapping;
  guessed: boolean;
  lines: number;
  problems: string[];
  rows: { line: number; status: CsvLineStatus; campaign: string; date: string; metrics: Record<string, number | null>; reasons?: string[] }[];
  errors: { line: number; message: string }[];
  summary: { new: number; changed: number; unchanged: number; quarantine: number; errors: number; skipped: number } | null;
  result?: { written: number; unchanged: number; quarantined: number };
}

/** Previews (nothing written) or confirms a CSV import through the import-csv function. */
export async function runCsvImport(workspaceId: string, input: CsvImportInput): Promise<CsvImportAnswer> {
  const body = { workspace_id: workspaceId, ...csvImportSchema.parse(input) };
  const { data, error } = await supabase.functions.invoke<CsvImportAnswer>('import-csv', { body });
  if (error) {
    const failure = await toFunctionError(error);
    // A mapping that cannot work on confirm comes back as 422 with its problems: show them like a preview does.
    if (failure.status === 422) {
      const answer = (await (error as { context?: Response }).context?.clone().json().catch(() => null)) as CsvImportAnswer | null;
      if (answer?.problems) return answer;
    }
    throw failure;
  }
  if (!data) throw new Error('The import answered nothing');
  return data;
}

export function useCsvImport(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CsvImportInput) => runCsvImport(workspaceId, input),
    onSuccess: (_answer, input) => {
      if (input.mode !== 'confirm') return;
      void queryClient.invalidateQueries({ queryKey: dataSourceKeys.quarantine(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: dataSourceKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['ops'] });
    },
  });
}
