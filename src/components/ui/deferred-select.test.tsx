// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../tests/support/wait-for';
import { DeferredSelect } from './deferred-select';

afterEach(cleanup);

// jsdom has no layout: Radix Select scrolls its chosen item into view on open.
beforeAll(() => {
  Element.prototype.scrollIntoView ??= function scrollIntoView() {};
});

// The first test to swap imports Radix Select through vite's transform, which takes seconds on a busy machine.
const LOAD = { timeoutMs: 20_000 };

const OPTIONS = [
  { value: 'all', label: 'All action types' },
  { value: 'budget', label: 'Budget adjustment' },
];

function Harness() {
  const [value, setValue] = useState('budget');
  return (
    <QueryClientProvider client={new QueryClient()}>
      <DeferredSelect aria-label="Filter by action type" className="w-48" value={value} onValueChange={setValue} options={OPTIONS} />
    </QueryClientProvider>
  );
}

describe('DeferredSelect', { timeout: 30_000 }, () => {
  it('first renders a closed combobox with the chosen label, like the Radix trigger', () => {
    render(<Harness />);
    const trigger = screen.getByRole('combobox', { name: 'Filter by action type' });
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    expect(trigger.getAttribute('data-state')).toBe('closed');
    expect(trigger.textContent).toBe('Budget adjustment');
  });

  it('keeps the focus on the control when the Radix select replaces a focused stand-in', async () => {
    render(<Harness />);
    const standIn = screen.getByRole('combobox', { name: 'Filter by action type' });
    act(() => standIn.focus());
    const real = await waitFor(() => {
      const el = screen.getByRole('combobox', { name: 'Filter by action type' });
      return el !== standIn && el;
    }, { what: 'the Radix trigger', ...LOAD });
    expect(standIn.isConnected).toBe(false);
    await waitFor(() => document.activeElement === real, { what: 'focus on the Radix trigger' });
    expect(real.getAttribute('aria-expanded')).toBe('false');
    expect(real.textContent).toBe('Budget adjustment');
  });

  it('opens the Radix select when a key opens the stand-in before its code has loaded', async () => {
    render(<Harness />);
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Filter by action type' }), { key: 'Enter' });
    const listbox = await waitFor(() => screen.queryByRole('listbox'), { what: 'the open select', ...LOAD });
    expect(listbox.textContent).toContain('All action types');
  });
});
