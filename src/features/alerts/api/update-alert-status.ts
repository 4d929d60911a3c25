import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { alertKeys } from '@/entities/alerts';

export const updateAlertStatusSchema = z.object({
  alertId: z.uuid(),
  status: z.enum(['resolved', 'dismissed']),
  note: z.string().trim().max(2000).optional(),
  /** Why it was dismissed (required by the database for a dismissal); the analysis learns from it. */
  reason: z.enum(['wrong_cause', 'expected_change', 'noise']).optional(),
}).refine((v) => v.status !== 'dismissed' || v.reason, { message: 'Say why the alert is dismissed', path: ['reason'] });
export type UpdateAlertStatusInput = z.input<typeof updateAlertStatusSchema>;

/** Resolves or dismisses an alert (the database allows members only these lifecycle changes; dismissing needs an ops head). */
export async function updateAlertStatus(input: UpdateAlertStatusInput) {
  const { alertId, status, note, reason } = updateAlertStatusSchema.parse(input);
  const { data, error } = await supabase
    .from('ai_alerts')
    .update({ status, ...(note ? { resolution_note: note } : {}), ...(status === 'dismissed' ? { dismiss_reason: reason } : {}) })
    .eq('id', alertId)
    .select()
    .single();
  if (error) throw error;
  return data;
}

export function useUpdateAlertStatus(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAlertStatus,
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertKeys.workspace(workspaceId) }),
  });
}
