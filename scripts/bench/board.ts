/**
 * Board domain timings with 1,000 cards: grouping into columns, a move (board state + optimistic applyMove) and
 * filtering, i.e. the work the SPA does per render, per drop and per filter change. Run: `npx tsx scripts/bench/board.ts`.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import { applyMove, buildBoardState, matchesFilters, moveCard, moveRequestFor } from '../../supabase/functions/_shared/domain/board.ts';

const STATUSES = ['planned', 'in_progress', 'completed', 'completed', 'reverted'];
const KEYS = generateNKeysBetween(null, null, 1000);
const cards = Array.from({ length: 1000 }, (_, i) => ({
  id: `card-${String(i).padStart(4, '0')}`,
  workspace_id: 'ws',
  campaign_id: `c${i % 3}`,
  action_type: i % 2 ? 'budget_adjustment' : 'creative_change',
  status: STATUSES[i % STATUSES.length],
  position: KEYS[Math.floor(i / STATUSES.length)],
  occurred_at: new Date(Date.UTC(2025, 1, 1) + i * 3_600_000).toISOString(),
  completed_at: null as string | null,
}));

function time(label: string, runs: number, fn: () => unknown): void {
  for (let i = 0; i < 20; i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) fn();
  const perRun = (performance.now() - t0) / runs;
  console.log(`${label.padEnd(44)} ${perRun.toFixed(3)} ms`);
}

const state = buildBoardState(cards);
const id = state.planned[0];
time('buildBoardState (1,000 cards)', 500, () => buildBoardState(cards));
time('moveCard + moveRequestFor (drag over + drop)', 5000, () => moveRequestFor(state, moveCard(state, id, 'in_progress', 3), id));
time('applyMove (optimistic cache update)', 500, () => applyMove(cards, { cardId: id, status: 'in_progress', beforeId: state.in_progress[3] }, '2025-03-01T00:00:00Z'));
time('matchesFilters over 1,000 cards', 500, () =>
  cards.filter((c) => matchesFilters(c, { campaignId: 'c1', actionType: 'budget_adjustment', from: '2025-02-03', to: '2025-02-20' })),
);
