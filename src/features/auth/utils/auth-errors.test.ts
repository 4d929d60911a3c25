import { describe, expect, it } from 'vitest';
import { authErrorMessage, safeRedirectPath } from './auth-errors';

describe('authErrorMessage', () => {
  it("keeps GoTrue's message for bad credentials", () => {
    expect(authErrorMessage({ name: 'AuthApiError', message: 'Invalid login credentials', status: 400 })).toBe('Invalid login credentials');
  });

  it('explains an unreachable server', () => {
    expect(authErrorMessage({ name: 'AuthRetryableFetchError', message: 'Failed to fetch' })).toMatch(/Can't reach the sign-in service/);
  });

  it('falls back when there is no message', () => {
    expect(authErrorMessage(undefined)).toBe('Something went wrong. Please try again.');
  });
});

describe('safeRedirectPath', () => {
  it('keeps in-app paths with their query', () => {
    expect(safeRedirectPath('/campaigns/42?tab=drift')).toBe('/campaigns/42?tab=drift');
  });

  it('refuses other origins and auth pages', () => {
    expect(safeRedirectPath('//evil.example')).toBe('/');
    expect(safeRedirectPath('https://evil.example')).toBe('/');
    expect(safeRedirectPath('/sign-in')).toBe('/');
    expect(safeRedirectPath(null)).toBe('/');
  });
});
