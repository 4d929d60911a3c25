import { describe, expect, it } from 'vitest';
import { backfillPatch, dayOf } from './phase-dates';

const today = new Date('2026-03-21T15:00:00Z');
const none = { actual_start: null, actual_end: null };

describe('backfillPatch', () => {
  it('refuses an end before the start with a clear message', () => {
    expect(backfillPatch({ start: '2026-03-10', end: '2026-03-04' }, none, today)).toEqual({
      ok: false,
      field: 'end',
      message: 'The phase cannot end (2026-03-04) before it starts (2026-03-10).',
    });
  });

  it('refuses future dates and an end without a start', () => {
    expect(backfillPatch({ start: '2026-03-22', end: '' }, none, today)).toMatchObject({ ok: false, field: 'start' });
    expect(backfillPatch({ start: '2026-03-01', end: '2026-03-25' }, none, today)).toMatchObject({ ok: false, field: 'end' });
    expect(backfillPatch({ start: '', end: '2026-03-05' }, none, today)).toMatchObject({ ok: false, field: 'start' });
  });

  it('starts new dates at the start of the day and ends them at its last second', () => {
    expect(backfillPatch({ start: '2026-03-04', end: '2026-03-10' }, none, today)).toEqual({
      ok: true,
      patch: { actual_start: '2026-03-04T00:00:00.000Z', actual_end: '2026-03-10T23:59:59.000Z' },
    });
  });

  it('keeps logged times for unchanged days, so a same-day completion stays after its start', () => {
    const current = { actual_start: '2026-03-21T14:00:00.000Z', actual_end: null };
    expect(backfillPatch({ start: '2026-03-21', end: '2026-03-21' }, current, today)).toEqual({
      ok: true,
      patch: { actual_start: '2026-03-21T14:00:00.000Z', actual_end: '2026-03-21T23:59:59.000Z' },
    });
  });

  it('reads the UTC day of a timestamp', () => {
    expect(dayOf('2026-03-21T23:30:00-05:00')).toBe('2026-03-22');
    expect(dayOf(null)).toBe('');
  });
});
