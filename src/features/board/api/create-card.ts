import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ACTION_TYPES, actionMetadataSchema, BOARD_COLUMN_IDS, metadataFromChanges, type ActionType, type BoardColumnId } from '@domain/board.ts';
import { z } from 'zod';
import type { Json } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import type { ActionCardRow } from '../types';
import { upsertCard } from '../utils/card-cache';

const changeSchema = z.object({ field: z.string().max(60), from: z.string().max(500), to: z.string().max(500) });

/** What the create and edit dialogs submit. */
export const cardInputSchema = z.object({
  campaign_id: z.uuid({ message: 'Choose the campaign this action belongs to' }),
  action_type: z.enum(ACTION_TYPES.map((t) => t.id) as [ActionType, ...ActionType[]]),
  title: z.string().trim().min(1, 'Give the action a title').max(200, 'Keep the title under 200 characters'),
  description: z.string().trim().max(5000, 'Keep the description under 5,000 characters'),
  occurred_at: z.iso.datetime({ offset: true, message: 'Pick when it happened' }),
  status: z.enum(BOARD_COLUMN_IDS as [BoardColumnId, ...BoardColumnId[]]),
  impact: z.enum(['positive', 'negative', 'neutral']),
  changes: z.array(changeSchema).max(20),
  affected_ad_sets: z.array(z.string().trim().max(120)).max(50),
});
export type CardInput = z.infer<typeof cardInputSchema>;

/** The row fields a card input sets (metadata built by the domain from the change rows). */
export function cardFields(input: CardInput) {
  const parsed = cardInputSchema.parse(input);
  return {
    campaign_id: parsed.campaign_id,
    action_type: parsed.action_type,
    title: parsed.title,
    description: parsed.description || null,
    occurred_at: parsed.occurred_at,
    impact: parsed.impact,
    metadata: actionMetadataSchema.parse(metadataFromChanges(parsed.changes, parsed.affected_ad_sets)) as unknown as Json,
  };
}

/** Creates a card at the top of its column (the database places it); created_by is the caller. */
export async function createActionCard({ workspaceId, input }: { workspaceId: string; input: CardInput }): Promise<ActionCardRow> {
  const { data, error } = await supabase
    .from('marketer_actions')
    .insert({ ...cardFields(input), workspace_id: workspaceId, status: input.status })
    .select()
    .single();
  if (error) throw error;
  return data;
}

export function useCreateCard() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createActionCard, onSuccess: (row) => upsertCard(queryClient, row) });
}
