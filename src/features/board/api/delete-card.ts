import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { removeCard } from '../utils/card-cache';

/** Deletes a card (RLS: marketers and up). */
export async function deleteActionCard({ id }: { id: string; workspaceId: string }): Promise<void> {
  const { error } = await supabase.from('marketer_actions').delete().eq('id', id);
  if (error) throw error;
}

export function useDeleteCard() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteActionCard, onSuccess: (_data, { id, workspaceId }) => removeCard(queryClient, workspaceId, id) });
}
