import { severityRank } from '@domain/severity.ts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { actionEffectSchema, formatEffect } from '@domain/correlation/effects.ts';
import { supabase } from '@/lib/supabase';
import { boardKeys } from '../keys';
import type { CardSignal } from '../types';

/**
 * Alert badge and correlation confidence per card: the most severe active alert an action triggered, and its
 * strongest correlation. Read here (not through the alerts feature) so the board stays self-contained.
 */
export async function getCardSignals(workspaceId: string): Promise<Record<string, CardSignal>> {
  const [alerts, correlations, effects] = await Promise.all([
    supabase
      .from('ai_alerts')
      .select('id, trigger_action_id, title, severity, confidence, suggested_action')
      .eq('workspace_id', workspaceId)
      .eq('status', 'active')
      .not('trigger_action_id', 'is', null),
    supabase.from('correlations').select('action_id, metric, change_pct, confidence, strength').eq('workspace_id', workspaceId),
    supabase.from('action_effects').select('action_id, metric, change_pct, lower_pct, upper_pct, significant, note').eq('workspace_id', workspaceId),
  ]);
  if (effects.error) throw effects.error;
  if (alerts.error) throw alerts.error;
  if (correlations.error) throw correlations.error;

  const out: Record<string, CardSignal> = {};
  const slot = (id: string) => (out[id] ??= { alert: null, correlation: null });
  for (const a of alerts.data ?? []) {
    if (!a.trigger_action_id) continue;
    const current = slot(a.trigger_action_id);
    const confidence = Number(a.confidence);
    const rank = severityRank(a.severity);
    const currentRank = current.alert ? severityRank(current.alert.severity) : -1;
    const better = rank > currentRank || (rank === currentRank && confidence > current.alert!.confidence);
    if (!better) continue;
    const suggestion = (a.suggested_action ?? null) as { type?: unknown; button_label?: unknown } | null;
    current.alert = {
      id: a.id,
      title: a.title,
      severity: a.severity,
      confidence,
      revertLabel:
        suggestion?.type === 'revert' ? (typeof suggestion.button_label === 'string' && suggestion.button_label) || 'Revert this change' : null,
    };
  }
  for (const c of correlations.data ?? []) {
    const current = slot(c.action_id);
    const confidence = Number(c.confidence);
    if (current.correlation && current.correlation.confidence >= confidence) continue;
    current.correlation = { metric: c.metric, changePct: Number(c.change_pct), confidence, strength: c.strength };
  }
  for (const e of effects.data ?? []) {
    const parsed = actionEffectSchema.pick({ metric: true, change_pct: true, lower_pct: true, upper_pct: true, significant: true, note: true }).safeParse({
      ...e,
      change_pct: Number(e.change_pct),
      lower_pct: Number(e.lower_pct),
      upper_pct: Number(e.upper_pct),
    });
    if (!parsed.success) continue;
    slot(e.action_id).effect = { text: formatEffect(parsed.data), significant: parsed.data.significant, note: parsed.data.note };
  }
  return out;
}

export function cardSignalsQueryOptions(workspaceId: string) {
  return queryOptions({ queryKey: boardKeys.signals(workspaceId), queryFn: () => getCardSignals(workspaceId), staleTime: 60_000 });
}

export function useCardSignals(workspaceId: string) {
  return useQuery(cardSignalsQueryOptions(workspaceId));
}
