import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { SNAPSHOT_METRICS } from '@domain/snapshot-quality.ts';
import { FunctionError, toFunctionError } from '@/lib/function-error';
import { supabase } from '@/lib/supabase';
import { dataSourceKeys } from '../keys';

export const resolveQuarantineSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('fix'),
    id: z.uuid(),
    metrics: z.partialRecord(z.enum(SNAPSHOT_METRICS), z.number().finite().nullable()),
    accept_outlier: z.boolean().optional(),
  }),
  z.object({ action: z.literal('discard'), id: z.uuid() }),
]);
export type ResolveQuarantineInput = z.input<typeof resolveQuarantineSchema>;

/** A fix that still fails the checks: the reasons to show beside the form. */
export class StillQuarantinedError extends Error {
  constructor(readonly reasons: { check: string; metric?: string; message: string }[]) {
    super('The row still fails the data-quality checks');
  }
}

/** Fixes (re-validated, then written) or discards a quarantined row, as an admin. */
export async function resolveQuarantine(input: ResolveQuarantineInput): Promise<void> {
  const body = resolveQuarantineSchema.parse(input);
  const { error } = await supabase.functions.invoke('resolve-quarantine', { body });
  if (!error) return;
  const failure = await toFunctionError(error);
  if (failure.status === 422) {
    const answer = (await (error as { context?: Response }).context?.clone().json().catch(() => null)) as { reasons?: StillQuarantinedError['reasons'] } | null;
    throw new StillQuarantinedError(answer?.reasons ?? []);
  }
  throw failure instanceof FunctionError ? failure : new Error(String(failure));
}

export function useResolveQuarantine(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resolveQuarantine,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: dataSourceKeys.quarantine(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: ['ops'] });
    },
  });
}
