import { actionEffectSchema } from '@domain/correlation/effects.ts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';

export const actionEffectsQuerySchema = z.object({ workspaceId: z.uuid(), campaignId: z.uuid().optional() });

/** A stored effect estimate with its card's title (numeric columns arrive as strings). */
export const storedEffectSchema = actionEffectSchema.extend({
  campaign_id: z.string(),
  title: z.string(),
  /** When the change went live (from its card); the campaign page lists changes newest first. */
  occurred_at: z.string().nullable(),
  computed_at: z.string(),
});
export type StoredEffect = z.output<typeof storedEffectSchema>;

export const effectKeys = {
  all: ['action-effects'] as const,
  list: (workspaceId: string, campaignId?: string) => [...effectKeys.all, workspaceId, campaignId ?? 'all'] as const,
};

/** The analysis' effect estimate of every completed action in the workspace (or one campaign). */
export async function getActionEffects(input: z.input<typeof actionEffectsQuerySchema>): Promise<StoredEffect[]> {
  const { workspaceId, campaignId } = actionEffectsQuerySchema.parse(input);
  let q = supabase
    .from('action_effects')
    .select('action_id, action_type, campaign_id, metric, change_pct, lower_pct, upper_pct, significant, note, details, computed_at, marketer_actions(title, occurred_at)')
    .eq('workspace_id', workspaceId)
    .order('computed_at', { ascending: false });
  if (campaignId) q = q.eq('campaign_id', campaignId);
  const { data, error } = await q;
  if (error) throw error;
  const effects = (data ?? []).flatMap((row) => {
    const card = row.marketer_actions as { title?: string; occurred_at?: string | null } | null;
    const parsed = storedEffectSchema.safeParse({
      ...row,
      change_pct: Number(row.change_pct),
      lower_pct: Number(row.lower_pct),
      upper_pct: Number(row.upper_pct),
      title: card?.title ?? '',
      occurred_at: card?.occurred_at ?? null,
    });
    return parsed.success ? [parsed.data] : [];
  });
  return effects.sort((a, b) => (b.occurred_at ?? '').localeCompare(a.occurred_at ?? ''));
}

export function actionEffectsQueryOptions(workspaceId: string, campaignId?: string) {
  return queryOptions({ queryKey: effectKeys.list(workspaceId, campaignId), queryFn: () => getActionEffects({ workspaceId, campaignId }), staleTime: 60_000 });
}

export function useActionEffects(workspaceId: string, campaignId?: string) {
  return useQuery(actionEffectsQueryOptions(workspaceId, campaignId));
}
