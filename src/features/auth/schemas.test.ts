import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@/lib/form';
import { signInSchema, signUpSchema } from './schemas';

describe('signInSchema', () => {
  it('normalises the email and accepts any non-empty password', () => {
    const result = signInSchema.parse({ email: '  Sarah@Example.COM ', password: 'x' });
    expect(result).toEqual({ email: 'sarah@example.com', password: 'x' });
  });

  it('explains each missing field', () => {
    const result = signInSchema.safeParse({ email: '', password: '' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({ email: 'Enter your email address', password: 'Enter your password' });
  });

  it('rejects a malformed email', () => {
    const result = signInSchema.safeParse({ email: 'sarah@', password: 'secret' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error).email).toBe('Enter a valid email address');
  });
});

describe('signUpSchema', () => {
  it('requires a full name and a password of at least 8 characters', () => {
    const result = signUpSchema.safeParse({ fullName: ' ', email: 'a@b.co', password: 'short' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({ fullName: 'Enter your full name', password: 'Use at least 8 characters' });
  });

  it('trims the full name', () => {
    expect(signUpSchema.parse({ fullName: ' Sarah Miller ', email: 'a@b.co', password: 'long-enough' }).fullName).toBe('Sarah Miller');
  });
});
