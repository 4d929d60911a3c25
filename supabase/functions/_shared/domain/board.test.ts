import { describe, expect, it } from 'vitest';
import { resolveThresholds } from './thresholds.ts';
import {
  ACTION_TEMPLATES,
  actionMetadataSchema,
  parseActionMetadata,
  applyMove,
  beforeIdFor,
  buildBoardState,
  cardTone,
  changeSummary,
  changesFromMetadata,
  draftFromTemplate,
  findTemplate,
  matchesFilters,
  metadataFromChanges,
  moveCard,
  moveRequestFor,
  positionForMove,
  parseBoardFilters,
  TEMPLATE_CATEGORIES,
  writeBoardFilters,
  type BoardState,
} from './board.ts';

const card = (id: string, status: string, position: string, occurred_at = '2025-02-07T10:30:00Z') => ({
  id,
  status,
  position,
  occurred_at,
  completed_at: null as string | null,
  workspace_id: 'ws',
});

const board = (): BoardState => ({ planned: ['a', 'b', 'c'], in_progress: ['d'], completed: [], reverted: [] });

describe('buildBoardState', () => {
  it('orders keys by code unit as Postgres "C" does (digits < upper < lower case), not by locale', () => {
    const state = buildBoardState([card('lower', 'planned', 'a0'), card('upper', 'planned', 'Zz'), card('digit', 'planned', 'a0V')]);
    expect(state.planned).toEqual(['upper', 'lower', 'digit']);
  });

  it('groups cards by status in position order, newest first on ties', () => {
    const state = buildBoardState([
      card('b', 'planned', 'a1'),
      card('a', 'planned', 'a0'),
      card('old', 'completed', 'a0', '2025-02-01T00:00:00Z'),
      card('new', 'completed', 'a0', '2025-02-05T00:00:00Z'),
      card('x', 'archived', 'a0'),
    ]);
    expect(state).toEqual({ planned: ['a', 'b'], in_progress: [], completed: ['new', 'old'], reverted: [] });
  });
});

describe('moveCard', () => {
  it('moves a card to another column at an index without mutating the input', () => {
    const before = board();
    const after = moveCard(before, 'b', 'in_progress', 0);
    expect(after).toEqual({ planned: ['a', 'c'], in_progress: ['b', 'd'], completed: [], reverted: [] });
    expect(before.planned).toEqual(['a', 'b', 'c']);
  });

  it('reorders within a column and clamps the index', () => {
    expect(moveCard(board(), 'a', 'planned', 99).planned).toEqual(['b', 'c', 'a']);
    expect(moveCard(board(), 'c', 'planned', -3).planned).toEqual(['c', 'a', 'b']);
  });

  it('leaves the state alone for an unknown card', () => {
    const state = board();
    expect(moveCard(state, 'zz', 'planned', 0)).toBe(state);
  });
});

describe('beforeIdFor and moveRequestFor', () => {
  it('sends the successor as p_before_id, or null at the end of the column', () => {
    const after = moveCard(board(), 'd', 'planned', 1);
    expect(beforeIdFor(after, 'd')).toBe('b');
    expect(moveRequestFor(board(), after, 'd')).toEqual({ cardId: 'd', status: 'planned', beforeId: 'b' });
    const toEnd = moveCard(board(), 'a', 'completed', 0);
    expect(moveRequestFor(board(), toEnd, 'a')).toEqual({ cardId: 'a', status: 'completed', beforeId: null });
  });

  it('returns null when the card ends where it started', () => {
    expect(moveRequestFor(board(), moveCard(board(), 'b', 'planned', 1), 'b')).toBeNull();
  });
});

describe('applyMove', () => {
  const cards = [card('a', 'planned', 'a0'), card('b', 'planned', 'a1'), card('c', 'planned', 'a2'), card('d', 'in_progress', 'a0')];
  const now = '2025-02-08T09:00:00.000Z';

  it('places the card before the given card with a key between its neighbours, changing no other card', () => {
    const next = applyMove(cards, { cardId: 'd', status: 'planned', beforeId: 'b' }, now);
    expect(buildBoardState(next).planned).toEqual(['a', 'd', 'b', 'c']);
    expect(next.map((c) => [c.id, c.status, c.position])).toEqual([
      ['a', 'planned', 'a0'],
      ['b', 'planned', 'a1'],
      ['c', 'planned', 'a2'],
      ['d', 'planned', 'a0V'],
    ]);
  });

  it('goes to the top before the first card and after the last at the end', () => {
    expect(applyMove(cards, { cardId: 'd', status: 'planned', beforeId: 'a' }, now).find((c) => c.id === 'd')?.position).toBe('Zz');
    expect(applyMove(cards, { cardId: 'd', status: 'planned', beforeId: null }, now).find((c) => c.id === 'd')?.position).toBe('a3');
  });

  it('writes nothing when the card already sits there', () => {
    expect(positionForMove(cards.slice(0, 3), cards[1], 'c')).toBeNull();
    expect(applyMove(cards, { cardId: 'b', status: 'planned', beforeId: 'c' }, now)).toEqual(cards);
  });

  it('keeps inserting between the same two cards without renumbering them', () => {
    let column = [card('a', 'planned', 'a0'), card('z', 'planned', 'a1')];
    for (let i = 0; i < 50; i++) {
      const moved = card(`m${i}`, 'in_progress', 'a0');
      column = applyMove([...column, moved], { cardId: moved.id, status: 'planned', beforeId: 'z' }, now);
    }
    const order = buildBoardState(column).planned;
    expect(order[0]).toBe('a');
    expect(order.at(-1)).toBe('z');
    expect(column.find((c) => c.id === 'a')?.position).toBe('a0');
    expect(column.find((c) => c.id === 'z')?.position).toBe('a1');
  });

  it('appends at the end when there is no card to place before', () => {
    const next = applyMove(cards, { cardId: 'a', status: 'planned', beforeId: null }, now);
    expect(buildBoardState(next).planned).toEqual(['b', 'c', 'a']);
  });

  it('stamps completed_at when a card moves to Completed, once', () => {
    const next = applyMove(cards, { cardId: 'a', status: 'completed', beforeId: null }, now);
    expect(next.find((c) => c.id === 'a')?.completed_at).toBe(now);
    const again = applyMove(next, { cardId: 'a', status: 'completed', beforeId: null }, '2030-01-01T00:00:00.000Z');
    expect(again.find((c) => c.id === 'a')?.completed_at).toBe(now);
  });

  it('agrees with moveCard + moveRequestFor on the resulting order', () => {
    const state = buildBoardState(cards);
    const after = moveCard(state, 'c', 'planned', 0);
    const request = moveRequestFor(state, after, 'c');
    expect(request).not.toBeNull();
    expect(buildBoardState(applyMove(cards, request!, now))).toEqual(after);
  });
});

describe('card display rules', () => {
  it('colours red on a negative correlation, green on positive impact, grey otherwise', () => {
    expect(cardTone({ impact: 'positive', hasActiveAlert: true })).toBe('negative');
    expect(cardTone({ impact: 'negative' })).toBe('negative');
    expect(cardTone({ impact: 'positive' })).toBe('positive');
    expect(cardTone({ impact: 'neutral' })).toBe('neutral');
  });

  it('colours red on a falling metric at alerting confidence, unless the analysis marked the card positive', () => {
    const falling = { changePct: -25, confidence: 0.72 };
    expect(cardTone({ impact: 'neutral', correlation: falling })).toBe('negative');
    expect(cardTone({ impact: 'neutral', correlation: { ...falling, confidence: 0.69 } })).toBe('neutral');
    expect(cardTone({ impact: 'neutral', correlation: { ...falling, changePct: 25 } })).toBe('neutral');
    expect(cardTone({ impact: 'positive', correlation: falling })).toBe('positive');
    // A workspace that alerts from 0.6 colours a 0.65 correlation red too.
    const strict = { ...resolveThresholds().correlation, minConfidenceToAlert: 0.6 };
    expect(cardTone({ impact: 'neutral', correlation: { ...falling, confidence: 0.65 } }, strict)).toBe('negative');
  });

  it('summarises the change as previous → new', () => {
    const metadata = { previous_state: { creative_url: 'blue_hero.jpg' }, new_state: { creative_url: 'red_hero.jpg' }, affected_ad_sets: ['a'] };
    expect(changeSummary(metadata)).toBe('Creative: blue hero → red hero');
    expect(changeSummary({ previous_state: { a: 1, b: 2 }, new_state: { a: 3 } })).toBe('A: 1 → 3 (+1 more)');
    expect(changeSummary({ previous_state: { cta_text: 'Learn more' }, new_state: { cta_text: 'Shop now' } })).toBe('CTA text: Learn more → Shop now');
    expect(changeSummary({})).toBeNull();
    expect(changeSummary(null)).toBeNull();
  });

});

describe('templates', () => {
  it('covers the seed’s four template families with the listed actions', () => {
    for (const category of TEMPLATE_CATEGORIES) expect(ACTION_TEMPLATES.some((t) => t.category === category.id)).toBe(true);
    expect(ACTION_TEMPLATES.map((t) => t.title)).toContain('Changed bidding strategy');
    expect(ACTION_TEMPLATES).toHaveLength(14);
  });

  it('pre-fills a planned card with the template’s type, title and state fields', () => {
    const draft = draftFromTemplate(findTemplate('increased-daily-budget')!);
    expect(draft).toMatchObject({ action_type: 'budget_adjustment', title: 'Increased daily budget', status: 'planned' });
    expect(draft.changes).toEqual([{ field: 'daily_budget', from: '', to: '' }]);
  });

  it('round-trips change rows through stored metadata', () => {
    const metadata = metadataFromChanges([{ field: 'Daily budget', from: '$500', to: ' $650 ' }, { field: ' ', from: 'x', to: 'y' }], ['Prospecting ', '']);
    expect(metadata).toEqual({ previous_state: { daily_budget: '$500' }, new_state: { daily_budget: '$650' }, affected_ad_sets: ['Prospecting'] });
    expect(changesFromMetadata(metadata)).toEqual([{ field: 'daily_budget', from: '$500', to: '$650' }]);
  });
});

describe('filters', () => {
  it('reads valid filters from the URL and ignores junk', () => {
    const filters = parseBoardFilters(new URLSearchParams('campaign=c1&type=budget_adjustment&from=2025-02-01&to=nope'));
    expect(filters).toEqual({ campaignId: 'c1', actionType: 'budget_adjustment', from: '2025-02-01', to: null });
    expect(parseBoardFilters(new URLSearchParams('type=drop_tables'))).toEqual({ campaignId: null, actionType: null, from: null, to: null });
  });

  it('writes filters back, keeping other params', () => {
    const next = writeBoardFilters(new URLSearchParams('tab=x&type=pause_ads'), { campaignId: 'c2', actionType: null, from: null, to: '2025-02-28' });
    expect(next.toString()).toBe('tab=x&campaign=c2&to=2025-02-28');
  });

  it('matches campaign, type and an inclusive day range', () => {
    const c = { campaign_id: 'c1', action_type: 'creative_change', occurred_at: '2025-02-07T10:30:00Z' };
    const none = { campaignId: null, actionType: null, from: null, to: null };
    expect(matchesFilters(c, none)).toBe(true);
    expect(matchesFilters(c, { ...none, campaignId: 'c2' })).toBe(false);
    expect(matchesFilters(c, { ...none, actionType: 'pause_ads' })).toBe(false);
    expect(matchesFilters(c, { ...none, from: '2025-02-07', to: '2025-02-07' })).toBe(true);
    expect(matchesFilters(c, { ...none, from: '2025-02-08' })).toBe(false);
    expect(matchesFilters(c, { ...none, to: '2025-02-06' })).toBe(false);
  });
});

describe('card metadata schema', () => {
  it('accepts what the card dialog writes, and reads it back unchanged', () => {
    const written = metadataFromChanges([{ field: 'daily_budget', from: '$400', to: '$550' }], ['Prospecting US']);
    expect(actionMetadataSchema.parse(written)).toEqual(written);
    expect(parseActionMetadata(JSON.parse(JSON.stringify(written)))).toEqual(written);
  });

  it('keeps what is readable of a malformed row and empties the rest', () => {
    expect(parseActionMetadata({ previous_state: 'x', new_state: { cta: 'Book' }, affected_ad_sets: ['a', 3, ''] })).toEqual({
      previous_state: {},
      new_state: { cta: 'Book' },
      affected_ad_sets: ['a', '3'],
    });
    expect(parseActionMetadata(null)).toEqual({ previous_state: {}, new_state: {}, affected_ad_sets: [] });
    expect(parseActionMetadata([1, 2])).toEqual({ previous_state: {}, new_state: {}, affected_ad_sets: [] });
  });

  it('refuses a written shape that readers would have to guess at', () => {
    expect(actionMetadataSchema.safeParse({ previous_state: {}, new_state: {} }).success).toBe(false);
  });
});
