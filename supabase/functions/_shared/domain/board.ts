/**
 * The Kanban board of marketer actions (docs/domain-rules.md, The board), as pure data: the four columns, the board state as
 * column id → ordered card ids, moving a card (the same rule the `move_action_card` RPC applies), the
 * `p_before_id` a move sends, card colour, change summaries, and the predefined action templates.
 *
 * Ordering rule (mirrors the RPC): within a workspace and status, cards sort by `position`, a fractional-index
 * key compared by code unit (Postgres "C" order), ties by `occurred_at` descending. A move gives the card a key
 * between the card it goes before and that card's predecessor, so no other card changes.
 */
import { generateKeyBetween } from 'fractional-indexing';
import { z } from 'zod';
import { resolveThresholds, type Thresholds } from './thresholds.ts';

export const BOARD_COLUMNS = [
  { id: 'planned', title: 'Planned Actions', hint: 'Queued changes, not live yet' },
  { id: 'in_progress', title: 'In Progress', hint: 'Being rolled out right now' },
  { id: 'completed', title: 'Completed', hint: 'Live in the ads account' },
  { id: 'reverted', title: 'Reverted', hint: 'Undone by a later action' },
] as const;

export type BoardColumnId = (typeof BOARD_COLUMNS)[number]['id'];
export const BOARD_COLUMN_IDS: readonly BoardColumnId[] = BOARD_COLUMNS.map((c) => c.id);

/** column id → ordered card ids (top first). */
export type BoardState = Record<BoardColumnId, string[]>;

export function isBoardColumnId(value: unknown): value is BoardColumnId {
  return typeof value === 'string' && (BOARD_COLUMN_IDS as readonly string[]).includes(value);
}

export function columnTitle(id: BoardColumnId): string {
  return BOARD_COLUMNS.find((c) => c.id === id)?.title ?? id;
}

export const ACTION_TYPES = [
  { id: 'creative_change', label: 'Creative change' },
  { id: 'ad_copy_update', label: 'Ad copy update' },
  { id: 'audience_targeting', label: 'Audience targeting' },
  { id: 'budget_adjustment', label: 'Budget adjustment' },
  { id: 'bidding_change', label: 'Bidding change' },
  { id: 'posting_schedule_change', label: 'Posting schedule change' },
  { id: 'pause_ads', label: 'Paused ads' },
  { id: 'duplicate_ad_set', label: 'Duplicated ad set' },
  { id: 'other', label: 'Other' },
] as const;

export type ActionType = (typeof ACTION_TYPES)[number]['id'];

export function isActionType(value: unknown): value is ActionType {
  return typeof value === 'string' && ACTION_TYPES.some((t) => t.id === value);
}

export function actionTypeLabel(type: string): string {
  return ACTION_TYPES.find((t) => t.id === type)?.label ?? type.replaceAll('_', ' ');
}

/** The fields of a card the ordering rule reads. */
export interface OrderedCard {
  id: string;
  status: string;
  /** Fractional-index key (npm `fractional-indexing`; SQL `fractional_index.key_between`). */
  position: string;
  occurred_at: string;
}

/** Ordering within a column: position ascending by code unit, then newest first (the RPC's tie-break). */
export function compareCards(a: OrderedCard, b: OrderedCard): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  const ta = Date.parse(a.occurred_at);
  const tb = Date.parse(b.occurred_at);
  if (ta !== tb) return tb - ta;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function emptyBoard(): BoardState {
  return { planned: [], in_progress: [], completed: [], reverted: [] };
}

/** Groups cards into columns in board order; cards with an unknown status are left out. */
export function buildBoardState(cards: readonly OrderedCard[]): BoardState {
  const state = emptyBoard();
  const byColumn: Record<BoardColumnId, OrderedCard[]> = { planned: [], in_progress: [], completed: [], reverted: [] };
  for (const card of cards) if (isBoardColumnId(card.status)) byColumn[card.status].push(card);
  for (const id of BOARD_COLUMN_IDS) state[id] = byColumn[id].sort(compareCards).map((c) => c.id);
  return state;
}

/** The column holding `cardId`, or null. */
export function findColumn(state: BoardState, cardId: string): BoardColumnId | null {
  for (const id of BOARD_COLUMN_IDS) if (state[id].includes(cardId)) return id;
  return null;
}

/**
 * Moves `cardId` to `toColumn` at `toIndex` (clamped to 0…length, counted in the destination without the card).
 * Returns a new state; the input is never mutated. An unknown card leaves the state as it was.
 */
export function moveCard(state: BoardState, cardId: string, toColumn: BoardColumnId, toIndex: number): BoardState {
  const from = findColumn(state, cardId);
  if (!from) return state;
  const next: BoardState = { ...state, [from]: state[from].filter((id) => id !== cardId) };
  const target = from === toColumn ? next[from] : [...state[toColumn]];
  const index = Math.max(0, Math.min(Math.trunc(toIndex), target.length));
  next[toColumn] = [...target.slice(0, index), cardId, ...target.slice(index)];
  return next;
}

/** The card `cardId` now sits before (its successor in its column), or null at the end: the RPC's `p_before_id`. */
export function beforeIdFor(state: BoardState, cardId: string): string | null {
  const column = findColumn(state, cardId);
  if (!column) return null;
  const ids = state[column];
  return ids[ids.indexOf(cardId) + 1] ?? null;
}

/** What one move sends to `move_action_card`. */
export interface MoveRequest {
  cardId: string;
  status: BoardColumnId;
  beforeId: string | null;
}

/** The request that takes a card from where it is in `before` to where it is in `after`, or null if it did not move. */
export function moveRequestFor(before: BoardState, after: BoardState, cardId: string): MoveRequest | null {
  const status = findColumn(after, cardId);
  if (!status) return null;
  const beforeId = beforeIdFor(after, cardId);
  if (findColumn(before, cardId) === status && beforeIdFor(before, cardId) === beforeId) return null;
  return { cardId, status, beforeId };
}

/**
 * The key a card moved before `beforeId` (or to the end when null) takes in `column` (that column's other cards,
 * in board order): between its new neighbours, by the algorithm `move_action_card` runs in SQL. Null when the
 * card already sits there, so nothing is written. Throws when `beforeId` is not in the column.
 */
export function positionForMove(column: readonly OrderedCard[], card: OrderedCard, beforeId: string | null): string | null {
  const others = column.filter((c) => c.id !== card.id);
  const at = beforeId === null ? others.length : others.findIndex((c) => c.id === beforeId);
  if (at < 0) throw new Error('The card to place before is not in that column');
  const previous = others[at - 1]?.position ?? null;
  const next = others[at]?.position ?? null;
  const inPlace = column.some((c) => c.id === card.id) && (previous === null || card.position > previous) && (next === null || card.position < next);
  return inPlace ? null : generateKeyBetween(previous, next);
}

/**
 * Applies a move to full card rows the way `move_action_card` does: the card takes `status` and a key between
 * its new neighbours (no other card changes), and moving into Completed stamps `completed_at` (with `now`, ISO)
 * when it was empty. Used for the optimistic cache update.
 */
export function applyMove<T extends OrderedCard & { completed_at?: string | null; workspace_id?: string }>(
  cards: readonly T[],
  request: MoveRequest,
  now: string,
): T[] {
  const card = cards.find((c) => c.id === request.cardId);
  if (!card) return [...cards];
  const sameScope = (c: T) => c.workspace_id === undefined || card.workspace_id === undefined || c.workspace_id === card.workspace_id;
  const column = cards.filter((c) => c.status === request.status && sameScope(c)).sort(compareCards);
  const beforeId = request.beforeId !== null && column.some((c) => c.id === request.beforeId) ? request.beforeId : null;
  const position = positionForMove(column, card, beforeId);
  if (position === null) return [...cards];
  const moved: T = {
    ...card,
    status: request.status,
    position,
    completed_at: request.status === 'completed' && !card.completed_at ? now : card.completed_at,
  };
  return cards.map((c) => (c.id === card.id ? moved : c));
}

export type CardTone = 'positive' | 'negative' | 'neutral';

/**
 * The card colour (docs/domain-rules.md, board): red when a negative correlation was detected — an active alert on the
 * card, a negative-impact mark, or (unless the analysis marked the card positive) a correlation with a falling metric
 * at alerting confidence (≥ minConfidenceToAlert, 0–1) — green for positive impact, grey otherwise.
 */
export function cardTone(
  input: { impact: string; hasActiveAlert?: boolean; correlation?: { changePct: number; confidence: number } | null },
  thresholds: Thresholds['correlation'] = resolveThresholds().correlation,
): CardTone {
  const c = input.correlation;
  const negativeCorrelation = Boolean(c && c.changePct < 0 && c.confidence >= thresholds.minConfidenceToAlert && input.impact !== 'positive');
  if (input.hasActiveAlert || negativeCorrelation || input.impact === 'negative') return 'negative';
  if (input.impact === 'positive') return 'positive';
  return 'neutral';
}

const stateSchema = z.record(z.string(), z.unknown());

/**
 * `marketer_actions.metadata`, the one schema of it: the card dialog (metadataFromChanges) and the Meta activity
 * import (meta/activities.ts) write this shape; extra keys (the Meta import's `meta`) are kept.
 */
export const actionMetadataSchema = z.looseObject({
  previous_state: stateSchema,
  new_state: stateSchema,
  affected_ad_sets: z.array(z.string()),
});
export type ActionMetadata = Pick<z.output<typeof actionMetadataSchema>, 'previous_state' | 'new_state' | 'affected_ad_sets'>;

/** The same column as readers take it: missing or malformed parts become empty, so an old or hand-made row still shows. */
const storedActionMetadataSchema = z
  .object({
    previous_state: stateSchema.catch({}),
    new_state: stateSchema.catch({}),
    affected_ad_sets: z
      .array(z.unknown())
      .transform((sets) => sets.map(String).filter(Boolean))
      .catch([]),
  })
  .catch({ previous_state: {}, new_state: {}, affected_ad_sets: [] });

/** Reads stored metadata leniently: missing or malformed parts become empty. */
export function parseActionMetadata(raw: unknown): ActionMetadata {
  return storedActionMetadataSchema.parse(raw ?? {});
}

function humanValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map(humanValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  // Files read better without their extension: "blue_hero.jpg" → "blue hero".
  const file = /^([\w-]+)\.(jpe?g|png|gif|webp|mp4|mov)$/i.exec(text);
  return file ? file[1].replaceAll(/[_-]+/g, ' ') : text;
}

const FIELD_LABELS: Record<string, string> = { creative_url: 'Creative', cta: 'CTA', bid_strategy: 'Bid strategy', ad_sets: 'Ad sets' };
const ACRONYMS = new Set(['cta', 'url', 'cpa', 'cpc', 'cpm', 'roas', 'ctr', 'utm', 'geo']);

/** A state field as people say it: "creative_url" → "Creative", "daily_budget" → "Daily budget", "cta_text" → "CTA text". */
export function fieldLabel(key: string): string {
  const known = FIELD_LABELS[key.trim().toLowerCase()];
  if (known) return known;
  const words = key.replaceAll(/[_-]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return key;
  const text = words.map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase())).join(' ');
  return text[0].toUpperCase() + text.slice(1);
}

export interface ChangeLine {
  field: string;
  label: string;
  from: string;
  to: string;
}

/** One line per changed field, previous → new (fields present on either side, previous-state order first). */
export function changeLines(metadata: unknown): ChangeLine[] {
  const { previous_state, new_state } = parseActionMetadata(metadata);
  const keys = [...new Set([...Object.keys(previous_state), ...Object.keys(new_state)])];
  return keys.map((key) => ({ field: key, label: fieldLabel(key), from: humanValue(previous_state[key]), to: humanValue(new_state[key]) }));
}

/** The card's one-line change summary, e.g. "Creative: blue hero → red hero" (+N more), or null without states. */
export function changeSummary(metadata: unknown): string | null {
  const lines = changeLines(metadata);
  if (lines.length === 0) return null;
  const first = `${lines[0].label}: ${lines[0].from} → ${lines[0].to}`;
  return lines.length > 1 ? `${first} (+${lines.length - 1} more)` : first;
}

export type TemplateCategory = 'creative' | 'targeting' | 'budget' | 'optimization';

export const TEMPLATE_CATEGORIES: readonly { id: TemplateCategory; label: string }[] = [
  { id: 'creative', label: 'Creative actions' },
  { id: 'targeting', label: 'Targeting actions' },
  { id: 'budget', label: 'Budget actions' },
  { id: 'optimization', label: 'Optimization actions' },
];

/** A predefined card (docs/domain-rules.md, The board: templates): what the quick-add dialog pre-fills. */
export interface ActionTemplate {
  id: string;
  category: TemplateCategory;
  title: string;
  action_type: ActionType;
  description: string;
  /** The state fields the change touches; the dialog asks for their previous and new values. */
  fields: string[];
}

export const ACTION_TEMPLATES: readonly ActionTemplate[] = [
  { id: 'updated-ad-creative', category: 'creative', title: 'Updated ad creative', action_type: 'creative_change', description: 'Replaced the main ad creative.', fields: ['creative_url'] },
  { id: 'changed-headline-copy', category: 'creative', title: 'Changed headline/copy', action_type: 'ad_copy_update', description: 'Rewrote the ad headline and primary text.', fields: ['headline'] },
  { id: 'modified-cta-button', category: 'creative', title: 'Modified CTA button', action_type: 'ad_copy_update', description: 'Changed the call-to-action button.', fields: ['cta'] },
  { id: 'swapped-product-image', category: 'creative', title: 'Swapped product image', action_type: 'creative_change', description: 'Swapped the product image in the ad.', fields: ['product_image'] },
  { id: 'adjusted-audience', category: 'targeting', title: 'Adjusted audience parameters', action_type: 'audience_targeting', description: 'Adjusted the audience definition.', fields: ['audience'] },
  { id: 'changed-geo-targeting', category: 'targeting', title: 'Changed geographic targeting', action_type: 'audience_targeting', description: 'Changed the locations the ads target.', fields: ['locations'] },
  { id: 'modified-demographics', category: 'targeting', title: 'Modified demographic filters', action_type: 'audience_targeting', description: 'Changed age and gender filters.', fields: ['age_range', 'gender'] },
  { id: 'updated-interests', category: 'targeting', title: 'Updated interest targeting', action_type: 'audience_targeting', description: 'Updated the interests the audience is built on.', fields: ['interests'] },
  { id: 'increased-daily-budget', category: 'budget', title: 'Increased daily budget', action_type: 'budget_adjustment', description: 'Raised the daily budget.', fields: ['daily_budget'] },
  { id: 'decreased-daily-budget', category: 'budget', title: 'Decreased daily budget', action_type: 'budget_adjustment', description: 'Lowered the daily budget.', fields: ['daily_budget'] },
  { id: 'reallocated-budget', category: 'budget', title: 'Reallocated budget between ad sets', action_type: 'budget_adjustment', description: 'Moved budget from one ad set to another.', fields: ['budget_split'] },
  { id: 'paused-underperforming-ads', category: 'optimization', title: 'Paused underperforming ads', action_type: 'pause_ads', description: 'Paused ads below the performance bar.', fields: ['ad_status'] },
  { id: 'duplicated-winning-ad-sets', category: 'optimization', title: 'Duplicated winning ad sets', action_type: 'duplicate_ad_set', description: 'Duplicated the best-performing ad sets to scale them.', fields: ['ad_sets'] },
  { id: 'changed-bidding-strategy', category: 'optimization', title: 'Changed bidding strategy', action_type: 'bidding_change', description: 'Switched the bidding strategy.', fields: ['bid_strategy'] },
];

export function findTemplate(id: string): ActionTemplate | undefined {
  return ACTION_TEMPLATES.find((t) => t.id === id);
}

/** The fields a template pre-fills in the create dialog (state fields start empty, for the marketer to fill in). */
export interface CardDraft {
  action_type: ActionType;
  title: string;
  description: string;
  status: BoardColumnId;
  impact: CardTone;
  changes: { field: string; from: string; to: string }[];
  affected_ad_sets: string[];
}

export function draftFromTemplate(template: ActionTemplate, status: BoardColumnId = 'planned'): CardDraft {
  return {
    action_type: template.action_type,
    title: template.title,
    description: template.description,
    status,
    impact: 'neutral',
    changes: template.fields.map((field) => ({ field, from: '', to: '' })),
    affected_ad_sets: [],
  };
}

/** Builds stored metadata from the dialog's change rows (blank field names dropped; blank values kept as null). */
export function metadataFromChanges(changes: readonly { field: string; from: string; to: string }[], affectedAdSets: readonly string[]): ActionMetadata {
  const previous_state: Record<string, unknown> = {};
  const new_state: Record<string, unknown> = {};
  for (const change of changes) {
    const field = change.field.trim().replaceAll(/\s+/g, '_').toLowerCase();
    if (!field) continue;
    previous_state[field] = change.from.trim() || null;
    new_state[field] = change.to.trim() || null;
  }
  return { previous_state, new_state, affected_ad_sets: affectedAdSets.map((s) => s.trim()).filter(Boolean) };
}

/** The dialog's change rows for stored metadata (the inverse of metadataFromChanges for string values). */
export function changesFromMetadata(raw: unknown): { field: string; from: string; to: string }[] {
  const { previous_state, new_state } = parseActionMetadata(raw);
  const keys = [...new Set([...Object.keys(previous_state), ...Object.keys(new_state)])];
  const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return keys.map((field) => ({ field, from: text(previous_state[field]), to: text(new_state[field]) }));
}

/** Board filters (kept in the URL): campaign, action type, and an inclusive date range on `occurred_at` (YYYY-MM-DD, UTC days). */
export interface BoardFilters {
  campaignId: string | null;
  actionType: ActionType | null;
  from: string | null;
  to: string | null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads filters from URL search params; invalid values are ignored. */
export function parseBoardFilters(params: URLSearchParams): BoardFilters {
  const day = (v: string | null) => (v && ISO_DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : null);
  const type = params.get('type');
  return {
    campaignId: params.get('campaign') || null,
    actionType: isActionType(type) ? type : null,
    from: day(params.get('from')),
    to: day(params.get('to')),
  };
}

/** Writes filters into a copy of `params` (empty ones removed, other params kept). */
export function writeBoardFilters(params: URLSearchParams, filters: BoardFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) => (value ? next.set(key, value) : next.delete(key));
  set('campaign', filters.campaignId);
  set('type', filters.actionType);
  set('from', filters.from);
  set('to', filters.to);
  return next;
}

export function hasActiveFilters(filters: BoardFilters): boolean {
  return Boolean(filters.campaignId || filters.actionType || filters.from || filters.to);
}

const utcDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * Whether a card passes the filters. The date range compares the day of `occurred_at` (UTC unless `dayOf` gives
 * another calendar, e.g. the browser's local days), both ends inclusive.
 */
export function matchesFilters(
  card: { campaign_id: string; action_type: string; occurred_at: string },
  filters: BoardFilters,
  dayOf: (time: number) => string = utcDay,
): boolean {
  if (filters.campaignId && card.campaign_id !== filters.campaignId) return false;
  if (filters.actionType && card.action_type !== filters.actionType) return false;
  if (filters.from || filters.to) {
    const time = Date.parse(card.occurred_at);
    if (Number.isNaN(time)) return false;
    const day = dayOf(time);
    if (filters.from && day < filters.from) return false;
    if (filters.to && day > filters.to) return false;
  }
  return true;
}
