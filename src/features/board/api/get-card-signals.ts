import { severityRank } from '@domain/severity.ts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { parseSuggestedAction } from '@domain/correlation/alert-payload.ts';
import { actionEffectSchema, formatEffect } from '@domain/correlation/effects.ts';
import { useAlerts } from '@/entities/alerts';
import type { AiAlert } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { boardKeys } from '../keys';
import type { CardSignal } from '../types';

type CardAlert = Pick<AiAlert, 'id' | 'trigger_action_id' | 'title' | 'severity' | 'confidence' | 'suggested_action'>;
type CardCorrelation = { action_id: string; metric: string; change_pct: number; confidence: number; strength: string };
type CardEffect = { action_id: string; metric: string; change_pct: number; lower_pct: number; upper_pct: number; significant: boolean; note: string | null };
export type CardEvidence = { correlations: CardCorrelation[]; effects: CardEffect[] };

const effectShape = actionEffectSchema.pick({ metric: true, change_pct: true, lower_pct: true, upper_pct: true, significant: true, note: true });

/** What the analysis measured per card (correlations and effect estimates); the alerts come from the alerts entity. */
export async function getCardEvidence(workspaceId: string): Promise<CardEvidence> {
  const [correlations, effects] = await Promise.all([
    supabase.from('correlations').select('action_id, metric, change_pct, confidence, strength').eq('workspace_id', workspaceId),
    supabase.from('action_effects').select('action_id, metric, change_pct, lower_pct, upper_pct, significant, note').eq('workspace_id', workspaceId),
  ]);
  if (effects.error) throw effects.error;
  if (correlations.error) throw correlations.error;
  return { correlations: correlations.data ?? [], effects: effects.data ?? [] };
}

/**
 * Alert badge and correlation confidence per card: the most severe active alert an action triggered, and its
 * strongest correlation and effect estimate.
 */
export function toCardSignals(alerts: readonly CardAlert[], { correlations, effects }: CardEvidence): Record<string, CardSignal> {
  const out: Record<string, CardSignal> = {};
  const slot = (id: string) => (out[id] ??= { alert: null, correlation: null });
  for (const a of alerts) {
    if (!a.trigger_action_id) continue;
    const current = slot(a.trigger_action_id);
    const confidence = Number(a.confidence);
    const rank = severityRank(a.severity);
    const currentRank = current.alert ? severityRank(current.alert.severity) : -1;
    const better = rank > currentRank || (rank === currentRank && confidence > current.alert!.confidence);
    if (!better) continue;
    const suggestion = parseSuggestedAction(a.suggested_action);
    current.alert = {
      id: a.id,
      title: a.title,
      severity: a.severity,
      confidence,
      revertLabel: suggestion?.type === 'revert' ? suggestion.button_label || 'Revert this change' : null,
    };
  }
  for (const c of correlations) {
    const current = slot(c.action_id);
    const confidence = Number(c.confidence);
    if (current.correlation && current.correlation.confidence >= confidence) continue;
    current.correlation = { metric: c.metric, changePct: Number(c.change_pct), confidence, strength: c.strength };
  }
  for (const e of effects) {
    const parsed = effectShape.safeParse({ ...e, change_pct: Number(e.change_pct), lower_pct: Number(e.lower_pct), upper_pct: Number(e.upper_pct) });
    if (!parsed.success) continue;
    slot(e.action_id).effect = { text: formatEffect(parsed.data), significant: parsed.data.significant, note: parsed.data.note };
  }
  return out;
}

export function cardEvidenceQueryOptions(workspaceId: string) {
  return queryOptions({ queryKey: boardKeys.signals(workspaceId), queryFn: () => getCardEvidence(workspaceId), staleTime: 60_000 });
}

/** The board's view of the alerts entity's active alerts, joined with the cards' evidence. */
export function useCardSignals(workspaceId: string): { data: Record<string, CardSignal> | undefined } {
  const alerts = useAlerts(workspaceId, 'active');
  const evidence = useQuery(cardEvidenceQueryOptions(workspaceId));
  const data = useMemo(() => (alerts.data && evidence.data ? toCardSignals(alerts.data, evidence.data) : undefined), [alerts.data, evidence.data]);
  return { data };
}
