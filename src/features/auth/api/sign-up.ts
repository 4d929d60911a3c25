import { useMutation } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { signUpSchema, type SignUpInput } from '../schemas';

/**
 * Creates the account. `full_name` goes into user metadata, where the database's profile trigger reads it.
 * `needsConfirmation` is true when the project requires email confirmation (no session yet).
 */
export async function signUp(input: SignUpInput) {
  const { email, password, fullName } = signUpSchema.parse(input);
  const { data, error } = await supabase.auth.signUp({
    email,
    password,
    options: { data: { full_name: fullName } },
  });
  if (error) throw error;
  return { ...data, needsConfirmation: !data.session };
}

export function useSignUp() {
  return useMutation({ mutationFn: signUp });
}
