import { useMutation } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { signInSchema, type SignInInput } from '../schemas';

/** Email + password sign-in; throws the GoTrue error (e.g. "Invalid login credentials"). */
export async function signIn(input: SignInInput) {
  const { email, password } = signInSchema.parse(input);
  const { data, error } = await supabase.auth.signInWithPassword({ email, password });
  if (error) throw error;
  return data;
}

export function useSignIn() {
  return useMutation({ mutationFn: signIn });
}
