import type { AiAlert, Campaign, MarketerAction } from '@/lib/db';

/** One action card as stored (`marketer_actions` row). */
export type ActionCardRow = MarketerAction;

export type BoardCampaign = Pick<Campaign, 'id' | 'name' | 'status'>;

export type BoardPerson = { id: string; name: string; email: string | null };

/** What the analysis found about a card: its most severe active alert and its strongest correlation. */
export type CardSignal = {
  alert: { id: string; title: string; severity: AiAlert['severity']; confidence: number; /** The alert's one-click fix label when it suggests reverting the card. */ revertLabel: string | null } | null;
  correlation: { metric: string; changePct: number; confidence: number; strength: string } | null;
  /** The analysis' estimate of the card's effect ("+12 % sales (−3 % to +27 %), not significant") and its onset note. */
  effect?: { text: string; significant: boolean; note: string | null } | null;
};

/** Someone on the board right now (realtime presence). */
export type BoardViewer = { userId: string; name: string };
