// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FormField } from './form-field';

afterEach(cleanup);

describe('FormField', () => {
  it('points its control at the error when there is one', () => {
    render(
      <FormField id="email" label="Email" hint="Your work address" error="Enter a valid email">
        <input id="email" />
      </FormField>,
    );
    const input = screen.getByLabelText('Email');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('email-error');
    expect(document.getElementById('email-error')?.textContent).toBe('Enter a valid email');
  });

  it('points its control at the hint when valid, and leaves a control that wires itself alone', () => {
    render(
      <>
        <FormField id="name" label="Name" hint="As on your badge">
          <input id="name" />
        </FormField>
        <FormField id="role" label="Role" error="Pick a role">
          <input id="role" aria-describedby="custom" />
        </FormField>
      </>,
    );
    expect(screen.getByLabelText('Name').getAttribute('aria-describedby')).toBe('name-hint');
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByLabelText('Role').getAttribute('aria-describedby')).toBe('custom');
  });
});
