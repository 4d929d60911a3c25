import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { ActionCardRow } from '../types';
import { upsertCard } from '../utils/card-cache';
import { cardFields, type CardInput } from './create-card';

/** Edits a card's content (its column and place change through moves only). */
export async function updateActionCard({ id, input }: { id: string; input: CardInput }): Promise<ActionCardRow> {
  const { data, error } = await supabase.from('marketer_actions').update(cardFields(input)).eq('id', id).select().single();
  if (error) throw error;
  return data;
}

export function useUpdateCard() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateActionCard, onSuccess: (row) => upsertCard(queryClient, row) });
}
